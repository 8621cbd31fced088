package org.gongjian.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The road office's page forms for chiefs, staff, signboards and demonstration roads: each lists, creates and
 * edits; a wrong entry is answered in Chinese beside its field and keeps what was typed; a save over someone
 * else's change is refused; every save is audited; only the road office may save.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RoadOfficeFormsTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts, organisation, "forms-office", "transport", Role.UNIT_STAFF);
        TestUsers.ensure(accounts, organisation, "forms-town", "chikan", Role.UNIT_STAFF);
        TestUsers.ensure(accounts, organisation, "forms-chief", null, Role.ROAD_CHIEF);
    }

    MockHttpServletRequestBuilder form(String url) {
        return post(url).with(as("forms-office")).with(csrf()).locale(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    long id(String sql, Object value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }

    int audited(String entity, String id) {
        return jdbc.sql("select count(*) from audit_entry where entity_type = :t and entity_id = :i").param("t", entity)
                .param("i", id).query(Integer.class).single();
    }

    long townshipChief() {
        return jdbc.sql("select id from roads_chief where level = 'TOWNSHIP' and unit_code = 'chikan' and ended_on is null")
                .query(Long.class).list().get(0);
    }

    long villageSegment() {
        return jdbc.sql("""
                select s.id from roads_segment s join roads_route r on r.id = s.route_id
                 where r.level = 'VILLAGE' and s.town_code = 'chikan' order by s.id""").query(Long.class).list().get(0);
    }

    @Test
    void the_office_appoints_a_chief_sees_the_field_messages_and_cannot_overwrite_someone_elses_change() throws Exception {
        mvc.perform(get("/roads/chiefs/new").with(as("forms-office"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("任命路长")));
        // a village chief without a superior, with a malformed phone: both said beside their fields, the name kept
        mvc.perform(form("/roads/chiefs").param("name", "表单村长甲").param("level", "VILLAGE").param("phone", "电话"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"superiorId-error\"")))
                .andExpect(content().string(containsString("请选择上级路长（乡级路长）")))
                .andExpect(content().string(containsString("电话号码格式不对")))
                .andExpect(content().string(containsString("value=\"表单村长甲\"")));
        assertThat(jdbc.sql("select count(*) from roads_chief where name = '表单村长甲'").query(Long.class).single()).isZero();
        mvc.perform(form("/roads/chiefs").param("name", "表单村长甲").param("level", "VILLAGE").param("title", "村委会主任")
                        .param("unitCode", "chikan").param("superiorId", String.valueOf(townshipChief()))
                        .param("appointedOn", "2024-05-01"))
                .andExpect(redirectedUrl("/roads/chiefs"));
        long id = id("select id from roads_chief where name = :v", "表单村长甲");
        mvc.perform(get("/roads/chiefs").with(as("forms-office"))).andExpect(content().string(containsString("表单村长甲")))
                .andExpect(content().string(containsString("/roads/chiefs/" + id + "/edit")));
        mvc.perform(get("/roads/chiefs/" + id + "/edit").with(as("forms-office"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2024-05-01\"")));
        mvc.perform(form("/roads/chiefs/" + id).param("name", "表单村长乙").param("level", "VILLAGE").param("unitCode", "chikan")
                        .param("superiorId", String.valueOf(townshipChief())).param("version", "0"))
                .andExpect(redirectedUrl("/roads/chiefs"));
        // a second save from the form read at version 0
        mvc.perform(form("/roads/chiefs/" + id).param("name", "表单村长丙").param("level", "VILLAGE").param("unitCode", "chikan")
                        .param("superiorId", String.valueOf(townshipChief())).param("version", "0"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("数据已被他人修改")))
                .andExpect(content().string(containsString("value=\"表单村长丙\"")));
        assertThat(jdbc.sql("select name from roads_chief where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("表单村长乙");
        // the level stays; the end date ends the service
        mvc.perform(form("/roads/chiefs/" + id).param("name", "表单村长乙").param("level", "TOWNSHIP").param("version", "1")
                        .param("superiorId", String.valueOf(townshipChief())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("层级不可更改")));
        mvc.perform(form("/roads/chiefs/" + id).param("name", "表单村长乙").param("level", "VILLAGE").param("version", "1")
                        .param("superiorId", String.valueOf(townshipChief())).param("endedOn", LocalDate.now().toString()))
                .andExpect(redirectedUrl("/roads/chiefs"));
        assertThat(jdbc.sql("select ended_on from roads_chief where id = :id").param("id", id).query(LocalDate.class).single())
                .isEqualTo(LocalDate.now());
        assertThat(audited("roads-chief", String.valueOf(id))).isEqualTo(3);
    }

    @Test
    void the_office_keeps_the_road_staff_on_their_segments() throws Exception {
        mvc.perform(form("/roads/staff").param("name", "表单养路员").param("role", "MAINTAINER"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"segmentIds-error\"")))
                .andExpect(content().string(containsString("请至少选择一个路段")));
        mvc.perform(form("/roads/staff").param("name", "表单养路员").param("role", "MAINTAINER").param("validFrom", "2024-13-01")
                        .param("segmentIds", String.valueOf(villageSegment())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请按 2024-05-22 的格式填写日期")));
        mvc.perform(form("/roads/staff").param("name", "表单养路员").param("role", "MAINTAINER").param("phone", "13800000000")
                        .param("chiefId", String.valueOf(townshipChief())).param("segmentIds", String.valueOf(villageSegment())))
                .andExpect(redirectedUrl("/roads/staff"));
        long id = id("select id from roads_staff where name = :v", "表单养路员");
        mvc.perform(get("/roads/staff").with(as("forms-office"))).andExpect(content().string(containsString("表单养路员")))
                .andExpect(content().string(containsString("养路员")));
        mvc.perform(form("/roads/staff/" + id).param("name", "表单护路员").param("role", "GUARD").param("version", "0")
                        .param("segmentIds", String.valueOf(villageSegment())).param("validTo", "2020-01-01")
                        .param("validFrom", "2024-01-01"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("结束日期不能早于开始日期")));
        mvc.perform(form("/roads/staff/" + id).param("name", "表单护路员").param("role", "GUARD").param("version", "0")
                        .param("segmentIds", String.valueOf(villageSegment())))
                .andExpect(redirectedUrl("/roads/staff"));
        mvc.perform(form("/roads/staff/" + id).param("name", "表单养路员").param("role", "GUARD").param("version", "0")
                        .param("segmentIds", String.valueOf(villageSegment())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("数据已被他人修改")));
        assertThat(jdbc.sql("select role from roads_staff where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("GUARD");
        assertThat(audited("roads-staff", String.valueOf(id))).isEqualTo(2);
    }

    @Test
    void a_signboard_shows_who_served_when_it_was_put_up_and_its_texts_can_be_corrected() throws Exception {
        long segment = villageSegment();
        mvc.perform(form("/roads/staff").param("name", "公示牌护路员").param("role", "GUARD")
                        .param("segmentIds", String.valueOf(segment))).andExpect(redirectedUrl("/roads/staff"));
        mvc.perform(form("/roads/signboards").param("segmentId", String.valueOf(segment)).param("duties", "组织巡查")
                        .param("hotline", "热线").param("lat", "22.37"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("监督电话只能由数字")))
                .andExpect(content().string(containsString("经度和纬度须同时填写")));
        mvc.perform(form("/roads/signboards").param("segmentId", String.valueOf(segment)).param("duties", "表单职责：组织巡查")
                        .param("targets", "路面完好").param("hotline", "0750-2212345").param("lat", "22.37").param("lng", "112.56"))
                .andExpect(redirectedUrl("/roads/signboards"));
        long id = id("select max(id) from roads_signboard where segment_id = :v", segment);
        String chiefsOnBoard = jdbc.sql("select content_json from roads_signboard where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(chiefsOnBoard).as("the board names the staff serving, in Chinese").contains("公示牌护路员（护路员）");
        mvc.perform(get("/roads/signboards").with(as("forms-office"))).andExpect(content().string(containsString("表单职责：组织巡查")))
                .andExpect(content().string(containsString("0750-2212345")));
        mvc.perform(form("/roads/signboards/" + id).param("duties", "表单职责：巡查、上报").param("hotline", "12345")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/roads/signboards"));
        String after = jdbc.sql("select content_json from roads_signboard where id = :id").param("id", id).query(String.class).single();
        assertThat(after).contains("表单职责：巡查、上报").contains("12345");
        assertThat(after.substring(0, after.indexOf("\"duties\""))).isEqualTo(chiefsOnBoard.substring(0, chiefsOnBoard.indexOf("\"duties\"")));
        mvc.perform(form("/roads/signboards/" + id).param("duties", "旧表单").param("hotline", "12345").param("version", "0"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("数据已被他人修改")));
        assertThat(audited("roads-signboard", String.valueOf(id))).isEqualTo(2);
    }

    @Test
    void a_demonstration_road_opens_on_its_form_only_when_every_criterion_is_ticked() throws Exception {
        mvc.perform(form("/roads/demo-roads").param("name", "表单示范路").param("townCode", "chikan").param("lengthKm", "3.25")
                        .param("criteria[0].label", "建设好").param("criteria[0].met", "true")
                        .param("criteria[1].label", "管理好").param("status", "OPEN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"status-error\"")))
                .andExpect(content().string(containsString("还有 1 项标准未达到")));
        mvc.perform(form("/roads/demo-roads").param("name", "表单示范路").param("townCode", "chikan").param("lengthKm", "3.25")
                        .param("criteria[0].label", "建设好").param("criteria[0].met", "true")
                        .param("criteria[1].label", "管理好").param("criteria[2].label", " ").param("status", "BUILDING"))
                .andExpect(redirectedUrl("/roads/demo-roads"));
        long id = id("select id from roads_demo_road where name = :v", "表单示范路");
        assertThat(jdbc.sql("select count(*) from roads_demo_criterion where demo_road_id = :id").param("id", id)
                .query(Integer.class).single()).as("the blank line is not kept").isEqualTo(2);
        mvc.perform(get("/roads/demo-roads/" + id + "/edit").with(as("forms-office"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"管理好\"")));
        mvc.perform(form("/roads/demo-roads/" + id).param("name", "表单示范路").param("townCode", "chikan").param("lengthKm", "3.25")
                        .param("criteria[0].label", "建设好").param("criteria[0].met", "true").param("criteria[1].label", "管理好")
                        .param("criteria[1].met", "true").param("status", "OPEN").param("openedOn", "2024-12-20").param("version", "0"))
                .andExpect(redirectedUrl("/roads/demo-roads"));
        assertThat(jdbc.sql("select status || ' ' || cast(opened_on as varchar(10)) from roads_demo_road where id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("OPEN 2024-12-20");
        mvc.perform(get("/roads/demo-roads").with(as("forms-office"))).andExpect(content().string(containsString("2/2 项达标")));
        mvc.perform(form("/roads/demo-roads/" + id).param("name", "赤马线").param("townCode", "chikan").param("lengthKm", "3.25")
                        .param("criteria[0].label", "建设好").param("version", "1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已有名为“赤马线”的示范路")));
        assertThat(audited("roads-demo-road", String.valueOf(id))).isEqualTo(2);
    }

    @Test
    void the_five_demonstration_roads_of_the_article_carry_its_theme_and_the_four_goods() throws Exception {
        mvc.perform(get("/roads/demo-roads").with(as("forms-office"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("赤马线"))).andExpect(content().string(containsString("交四线")))
                .andExpect(content().string(containsString("交锅线"))).andExpect(content().string(containsString("锅塘线")))
                .andExpect(content().string(containsString("强亚村道")))
                .andExpect(content().string(containsString("“四好农村路+侨乡致富”")))
                .andExpect(content().string(containsString("运营好")))
                .andExpect(content().string(not(containsString("美丽乡村路"))));
        assertThat(jdbc.sql("select length_km from roads_demo_road where name = '赤马线'").query(java.math.BigDecimal.class).single())
                .as("赤马线 is as long as its route X551 on the register")
                .isEqualByComparingTo(jdbc.sql("""
                        select sum(s.end_km - s.start_km) from roads_segment s join roads_route r on r.id = s.route_id
                         where r.code = 'X551'""").query(java.math.BigDecimal.class).single());
    }

    @Test
    void only_the_road_office_saves_and_a_road_chief_reads_none_of_it() throws Exception {
        mvc.perform(post("/roads/staff").with(as("forms-town")).with(csrf()).param("name", "越权")).andExpect(status().isForbidden());
        mvc.perform(get("/roads/signboards/new").with(as("forms-town"))).andExpect(status().isForbidden());
        mvc.perform(get("/roads/signboards").with(as("forms-town"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/roads/signboards/new"))));
        mvc.perform(get("/roads/staff").with(as("forms-chief"))).andExpect(status().isForbidden());
        mvc.perform(get("/roads/demo-roads").with(as("forms-chief"))).andExpect(status().isForbidden());
    }

    @Test
    void without_a_tile_url_the_map_draws_offline_and_the_policy_allows_no_other_image_host() throws Exception {
        mvc.perform(get("/roads/register").with(as("forms-office"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("img-src 'self' data: blob:;")))
                .andExpect(content().string(containsString("echarts.min.js")))
                .andExpect(content().string(not(containsString("leaflet"))));
        String register = mvc.perform(get("/roads/register").with(as("forms-office")).locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andReturn().getResponse().getContentAsString();
        assertThat(register).as("a year is written as a year").containsPattern("\\d{4}年技术状况路网图")
                .doesNotContainPattern("\\d,\\d{3}年");
        String dashboard = mvc.perform(get("/roads").with(as("forms-office")).locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andReturn().getResponse().getContentAsString();
        assertThat(dashboard).containsPattern("\\d{4}年提质改造").doesNotContainPattern("\\d,\\d{3}年");
    }
}
