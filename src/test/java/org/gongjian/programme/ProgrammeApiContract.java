package org.gongjian.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme API as a script or another system uses it, run against H2 and against PostgreSQL.
 * Tests that write roll back, so that each starts from the demo programme.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class ProgrammeApiContract {

    static final String API = "/api/v1/programmes/kaiping-2024";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;

    static RequestPostProcessor admin() {
        return httpBasic("admin", "test-admin-secret");
    }

    static RequestPostProcessor as(String username) {
        return httpBasic(username, TestUsers.PASSWORD);
    }

    @BeforeEach
    void users() {
        TestUsers.ensure(accounts, organisation, "chishui-clerk", "chishui", Role.UNIT_STAFF);
        TestUsers.ensure(accounts, organisation, "viewer", null, Role.VIEWER);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void the_export_holds_every_figure_and_date_of_the_article_with_its_unit() throws Exception {
        String doc = mvc.perform(get(API + "/export").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("gongjian.programme/v1"))
                .andExpect(jsonPath("$.initiatives[*].initiative.number").value(contains(1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12)))
                .andReturn().getResponse().getContentAsString();
        // figures with their units (money exactly in 元)
        assertThat(doc).contains(
                "\"value\":6800000000", "\"unit\":\"YUAN\"", "\"value\":800,", "\"unit\":\"HECTARES\"",
                "\"value\":730000000", "\"targetValue\":40000000000", "\"value\":21780000000",
                "\"value\":1800000000", "\"unit\":\"USD\"", "\"value\":3000,", "\"qualifier\":\"MORE\"", "\"value\":60000",
                "\"value\":16,", "\"value\":15,", "\"value\":18,", "\"targetValueMax\":8", "\"baselineValue\":180",
                "\"targetValue\":7,", "\"targetValue\":100,", "\"targetValue\":1000,", "\"targetValue\":10000,",
                "\"value\":6,", "\"unit\":\"MONTHS\"", "\"value\":3,", "\"value\":5,");
        // dates, to the day or to the month as the article gives them
        assertThat(doc).contains("\"2024-03\"", "\"2024-04-29\"", "\"2024-05-22\"", "\"2024-06-06\"", "\"2024-07\"",
                "\"2024-08-23\"", "\"2024-09\"", "\"2024-10-11\"", "\"2024-12-05\"", "\"2030-12-31\"", "\"2035-12-31\"",
                "\"2025-03-05\"", "\"2025-06-05\"", "\"2025-12-05\"", "\"2023\"");
        // places, roads, bodies, documents, slogans and businesses
        assertThat(doc).contains("赤马线", "交四线", "交锅线", "锅塘线", "强亚村道", "三埠", "赤水镇", "金鸡镇",
                "开平碉楼文化旅游区", "赤坎华侨古镇", "茂名高州市", "先锋书店", "根语·艺术公社", "里苑·稻香阁楼民宿", "乡遇民宿",
                "今有光乡村创意空间", "开平市国际卫浴创新基地", "粤港澳大湾区(江门开平)优质农产品供应及出口基地",
                "中华人民共和国交通运输部", "农业农村部", "国家邮政局", "国家知识产权局", "广东省工业和信息化厅",
                "中共开平市委社会工作部", "共青团开平市委员会", "长沙街道", "开平市教育局",
                "《开平市低空经济产业发展规划(2024-2030年)》", "《开平市食品产业发展规划(2024-2035年)》",
                "一带、一平台、两园、N节点", "北部制造、中部配套、南部应用", "强链+延链+补链+控链", "一核一园多区",
                "服务百千万、金融来趁圩", "社会得生态、地方得投资、企业得效益、农民得增收", "让校园靓起来",
                "党群同心、干群合力、人人参与、人人奉献", "周华东摄", "严建广", "改革攻坚年");
    }

    @Test
    void lists_are_paginated() throws Exception {
        mvc.perform(get(API + "/initiatives").param("size", "5").param("page", "1").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(5))
                .andExpect(jsonPath("$.content[0].number").value(7))
                .andExpect(jsonPath("$.page.totalElements").value(11))
                .andExpect(jsonPath("$.page.totalPages").value(3));
        mvc.perform(get(API + "/initiatives").param("unit", "chishui").with(admin()))
                .andExpect(jsonPath("$.content[*].number").value(contains(4, 8)));
        mvc.perform(get("/api/v1/units").param("kind", "TOWN").param("size", "100").with(admin()))
                .andExpect(jsonPath("$.page.totalElements").value(13));
    }

    @Test
    void an_invalid_initiative_gets_field_errors_in_the_readers_language() throws Exception {
        String body = """
                {"number":20,"title":" ","category":"nope","leadUnit":"no-such-unit","leadUnitAssumed":false,
                 "coUnits":[],"startDate":"2024-01-01","endDate":"2024-12-31","status":"IN_PROGRESS",
                 "tags":[],"figures":[],"photos":[]}""";
        mvc.perform(json(post(API + "/initiatives"), body).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.title").value("请求有误"))
                .andExpect(jsonPath("$.errors[?(@.field=='title')].message").value(hasItem("不能为空")));
        mvc.perform(json(post(API + "/initiatives"), body.replace("\" \"", "\"新任务\"")).with(admin())
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='leadUnit')].message").value(hasItem("Unit \"no-such-unit\" does not exist.")))
                .andExpect(jsonPath("$.errors[?(@.field=='category')].message")
                        .value(hasItem("Category \"nope\" is not one of the programme's categories.")));
    }

    @Test
    void a_malformed_date_names_its_field() throws Exception {
        mvc.perform(json(post(API + "/targets/finance.pairs/measurements"), "{\"value\":3,\"asOf\":\"2024-13-45\"}").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    @Transactional
    void an_initiative_with_a_target_is_reported_on_and_a_correction_supersedes_the_first_figure() throws Exception {
        mvc.perform(json(post(API + "/initiatives"), """
                {"number":13,"title":"推进数字政府改革","category":"governance","leadUnit":"reform-office","leadUnitAssumed":false,
                 "coUnits":["chishui"],"summary":"测试","startDate":"2024-01-01","endDate":"2024-12-31","status":"IN_PROGRESS",
                 "tags":[{"kind":"KEYWORD","name":"数字政府"}],"figures":[],"photos":[]}""").with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(13))
                .andExpect(jsonPath("$.coUnits[0]").value("chishui"));
        mvc.perform(json(post(API + "/initiatives/13/targets"), """
                {"code":"digital.services","name":"一网通办事项","unit":"ITEMS","direction":"UP","baselineValue":100,
                 "baselineDate":"2024-01-01","targetValue":300,"targetQualifier":"EXACT","deadline":"2024-12-31",
                 "deadlineAssumed":false,"plannedPoints":[{"date":"2024-06-30","value":200}]}""").with(admin()))
                .andExpect(status().isCreated());
        String first = mvc.perform(json(post(API + "/targets/digital.services/measurements"),
                        "{\"value\":150,\"asOf\":\"2024-03-31\",\"note\":\"一季度\"}").with(as("chishui-clerk")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reporter").value("chishui-clerk"))
                .andExpect(jsonPath("$.source").value("MANUAL"))
                .andReturn().getResponse().getContentAsString();
        long firstId = Long.parseLong(first.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(json(post(API + "/targets/digital.services/measurements"),
                        "{\"value\":160,\"asOf\":\"2024-03-31\",\"supersedes\":" + firstId + "}").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(json(post(API + "/targets/digital.services/measurements"),
                        "{\"value\":160,\"asOf\":\"2024-03-31\",\"supersedes\":" + firstId + ",\"reason\":\"核对台账\"}")
                        .with(admin()))
                .andExpect(status().isCreated());
        mvc.perform(get(API + "/targets/digital.services/measurements").with(admin()))
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[?(@.id==" + firstId + ")].supersededById").isNotEmpty())
                .andExpect(jsonPath("$.content[?(@.value==160)].supersedesId").value(hasItem((int) firstId)));
        mvc.perform(json(post(API + "/targets/digital.services/measurements"),
                        "{\"value\":170,\"asOf\":\"2024-03-31\",\"supersedes\":" + firstId + "}").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supersedes"));
    }

    @Test
    @Transactional
    void a_stale_version_is_refused() throws Exception {
        String etag = mvc.perform(get(API + "/milestones").with(admin()))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(etag.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        mvc.perform(json(put(API + "/milestones/" + id), """
                {"title":"改过的节点","dueDate":"2024-12-31","dueAssumed":false}""").with(admin()).header("If-Match", "\"99\""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("数据已被他人修改，请刷新后重试。"));
    }

    @Test
    void unit_staff_cannot_report_for_another_units_initiative_and_the_attempt_is_audited() throws Exception {
        mvc.perform(json(post(API + "/targets/ip.design-days/measurements"), "{\"value\":30,\"asOf\":\"2025-01-31\"}")
                        .with(as("chishui-clerk")))
                .andExpect(status().isForbidden());
        long denied = jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and actor = 'chishui-clerk'")
                .query(Long.class).single();
        assertThat(denied).isPositive();
        mvc.perform(json(post(API + "/initiatives"), "{}").with(as("viewer"))).andExpect(status().isForbidden());
        mvc.perform(get(API)).andExpect(status().isUnauthorized());
    }

    @Test
    void a_measurement_dated_in_the_future_is_refused() throws Exception {
        mvc.perform(json(post(API + "/targets/finance.pairs/measurements"), "{\"value\":16,\"asOf\":\"2999-01-01\"}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void the_api_is_documented_and_the_application_reports_up() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/programmes/{code}/export']").exists());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }
}
