package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Input an attacker or a careless script sends is refused quickly, with the field named and nothing written:
 * numbers without bounds, a quoted language cookie, malformed query parameters.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HostileInputTests {

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
        TestUsers.ensure(accounts, organisation, "hostile-viewer", null, Role.VIEWER);
    }

    /** CPU time of this thread, which serves the MockMvc request: the machine's load does not count. */
    static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    long measurements() {
        return jdbc.sql("select count(*) from programme_measurement").query(Long.class).single();
    }

    @Test
    void a_figure_too_large_or_too_fine_is_refused_with_its_field_named_and_nothing_written() throws Exception {
        long before = measurements();
        for (String value : new String[] {"1e18", "1e19", "1e20", "-1e20", "1e400000000", "1e-400000000",
                "12345678901234567890.5", "0.0000000000001"}) {
            long started = cpu();
            mvc.perform(post(API + "/targets/finance.pairs/measurements").with(admin())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"value\":" + value + ",\"asOf\":\"2024-06-30\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("value"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("整数部分最多15位")));
            assertThat(Duration.ofNanos(cpu() - started)).as(value).isLessThan(Duration.ofSeconds(1));
        }
        mvc.perform(post(API + "/targets/finance.pairs/measurements").with(admin()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"value\":\"1e400000000\",\"asOf\":\"2024-06-30\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("at most 15 digits")));
        assertThat(measurements()).isEqualTo(before);
        // the largest figure allowed is stored (confirmed: it is far above the last figure)
        mvc.perform(post(API + "/targets/finance.pairs/measurements").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content(
                                "{\"value\":999999999999999.123456,\"asOf\":\"2024-06-30\",\"confirm\":true,\"reason\":\"上限\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void a_target_value_of_1e19_gets_a_field_error_not_a_500() throws Exception {
        String etag = mvc.perform(get(API + "/targets/finance.pairs").with(admin())).andReturn().getResponse().getHeader("ETag");
        String body = mvc.perform(get(API + "/targets/finance.pairs").with(admin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String data = body.replaceAll("\"targetValue\":[0-9.]+", "\"targetValue\":1e19");
        mvc.perform(put(API + "/targets/finance.pairs").with(admin()).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content(data))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("targetValue"));
    }

    @Test
    void a_viewer_sending_a_huge_number_to_the_gep_engine_is_answered_at_once() throws Exception {
        String example = new ClassPathResource("ecology/example-request.json").getContentAsString(StandardCharsets.UTF_8);
        for (String huge : new String[] {"1e1000000", "1e400000000", "-1e999999999"}) {
            long started = cpu();
            mvc.perform(post("/api/v1/ecology/gep/evaluate").with(as("hostile-viewer")).contentType(MediaType.APPLICATION_JSON)
                            .content(example.replace("\"area\": 12.5", "\"area\": " + huge)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("stands[0].area"));
            assertThat(Duration.ofNanos(cpu() - started)).as(huge).isLessThan(Duration.ofSeconds(1));
        }
        mvc.perform(post("/api/v1/ecology/gep/evaluate").with(as("hostile-viewer")).contentType(MediaType.APPLICATION_JSON)
                        .content(example.replace("\"depositRate\": 0.015", "\"depositRate\": 1e400")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("priceAdjustment.depositRate"));
    }

    @Test
    void a_quoted_language_cookie_is_read_not_a_500() throws Exception {
        Cookie quoted = new Cookie("gongjian-lang", "\"en\"");
        mvc.perform(get("/login").cookie(quoted)).andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"en\"")));
        mvc.perform(get(API).with(admin()).cookie(quoted)).andExpect(status().isOk());
        mvc.perform(get(API).with(admin()).cookie(new Cookie("gongjian-lang", "%%%"))).andExpect(status().isOk());
    }

    @Test
    void a_malformed_query_parameter_gets_a_localized_problem_with_the_parameter_named() throws Exception {
        mvc.perform(get(API + "/status").param("asOf", "2024-13-45").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("asOf"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("“2024-13-45”无法识别")))
                .andExpect(jsonPath("$.detail").value(not(containsString("Failed to convert"))));
        mvc.perform(get(API + "/status").param("asOf", "2024-13-45").with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("cannot be read")));
        mvc.perform(get(API + "/initiatives/abc").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("number"));
    }

    @Test
    void the_programme_import_applies_the_report_endpoints_rules_and_says_required_for_a_missing_field() throws Exception {
        String export = mvc.perform(get(API + "/export").with(admin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        var doc = (tools.jackson.databind.node.ObjectNode) json.readTree(export);
        ((tools.jackson.databind.node.ObjectNode) doc.get("programme")).put("code", "hostile-copy");
        tools.jackson.databind.node.ObjectNode target = null;
        String path = null;
        var initiatives = doc.get("initiatives");
        for (int i = 0; i < initiatives.size() && target == null; i++) {
            var targets = initiatives.get(i).get("targets");
            for (int t = 0; t < targets.size() && target == null; t++) {
                var candidate = targets.get(t);
                if (candidate.get("measurements").size() >= 1 && candidate.get("target").hasNonNull("baselineDate")) {
                    target = (tools.jackson.databind.node.ObjectNode) candidate;
                    path = "initiatives[" + i + "].targets[" + t + "].measurements";
                }
            }
        }
        assertThat(target).as("a demo target with a baseline and a figure").isNotNull();
        var first = (tools.jackson.databind.node.ObjectNode) target.get("measurements").get(0);
        var three = target.putArray("measurements");
        for (int no = 1; no <= 3; no++) {
            three.add(first.deepCopy().put("no", no).putNull("supersedes"));
        }
        var measurements = target.get("measurements");
        ((tools.jackson.databind.node.ObjectNode) measurements.get(0)).put("asOf", "1999-01-01");
        ((tools.jackson.databind.node.ObjectNode) measurements.get(1)).put("recordedAt", "2999-01-01T00:00:00Z");
        ((tools.jackson.databind.node.ObjectNode) measurements.get(2)).remove("value");
        String body = mvc.perform(post("/api/v1/programmes/import").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(doc)))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"field\":\"" + path + "[2].value\"", "不能为空")
                .doesNotContain("无法识别");
        measurements = target.get("measurements");
        ((tools.jackson.databind.node.ObjectNode) measurements.get(2)).put("value", 1);
        body = mvc.perform(post("/api/v1/programmes/import").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(doc)))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains(path + "[0].asOf", "数据日期不能早于基期日期", path + "[1].recordedAt", "记录时间不能晚于现在");
        assertThat(jdbc.sql("select count(*) from programme where code = 'hostile-copy'").query(Long.class).single())
                .isZero();
    }

    @Test
    void evidence_is_checked_by_its_content_an_html_page_sent_as_a_pdf_is_refused() throws Exception {
        TestUsers.ensure(accounts, organisation, "hostile-chishui", "chishui", Role.UNIT_STAFF);
        String raised = mvc.perform(post(API + "/notices").with(admin()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"unit":"chishui","initiative":8,"title":"请说明首批项目进展","matter":"请说明。","level":"REMINDER"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(raised.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/notices/" + id + "/answer")
                        .file(new org.springframework.mock.web.MockMultipartFile("files", "说明.pdf", "application/pdf", html))
                        .param("text", "见附件").with(as("hostile-chishui")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("说明.pdf")));
        byte[] xlsx;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            wb.createSheet("台账");
            wb.write(out);
            xlsx = out.toByteArray();
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/notices/" + id + "/answer")
                        .file(new org.springframework.mock.web.MockMultipartFile("files", "台账.xlsx", "application/octet-stream", xlsx))
                        .param("text", "见附件").with(as("hostile-chishui")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers[0].evidence[0].contentType")
                        .value("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @Test
    void failed_and_throttled_logins_are_audited_without_the_password_typed() throws Exception {
        TestUsers.ensure(accounts, organisation, "hostile-guessed", null, Role.VIEWER);
        for (int i = 0; i < 6; i++) {
            mvc.perform(get(API).with(httpBasic("hostile-guessed", "Guess-" + i + "-secret")))
                    .andExpect(status().is(i < 5 ? 401 : 429));
        }
        mvc.perform(post("/login").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("username", "nobody-such").param("password", "Typed-password-9"));
        var entries = jdbc.sql("select entity_id, summary from audit_entry where action = 'DENIED' and entity_type = 'login'"
                + " order by id").query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
        assertThat(entries).filteredOn(e -> e.startsWith("hostile-guessed wrong")).hasSize(5);
        assertThat(entries).filteredOn(e -> e.startsWith("hostile-guessed login throttled")).hasSize(1);
        assertThat(entries).filteredOn(e -> e.startsWith("nobody-such wrong")).hasSize(1);
        assertThat(jdbc.sql("select coalesce(summary, '') || coalesce(before_json, '') || coalesce(after_json, '') || entity_id"
                + " from audit_entry where entity_type = 'login'").query(String.class).list())
                .noneMatch(text -> text.contains("Guess") || text.contains("secret") || text.contains("Typed"));
    }

    @Test
    void an_update_without_if_match_is_refused_with_428_and_a_clear_message() throws Exception {
        String list = mvc.perform(get(API + "/milestones").with(admin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = Long.parseLong(list.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        String body = "{\"title\":\"改过的节点\",\"dueDate\":\"2024-12-31\",\"dueAssumed\":false}";
        mvc.perform(put(API + "/milestones/" + id).with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("If-Match")));
        mvc.perform(put(API + "/targets/finance.pairs").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content(mvc.perform(get(API + "/targets/finance.pairs").with(admin()))
                                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.detail").value(containsString("the version it was read at")));
    }

    @Test
    void a_post_repeated_with_the_same_idempotency_key_answers_the_first_result_and_creates_nothing() throws Exception {
        long before = measurements();
        String body = "{\"value\":17,\"asOf\":\"2024-07-31\"}";
        var first = mvc.perform(post(API + "/targets/finance.pairs/measurements").with(admin()).header("Idempotency-Key", "retry-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse();
        var again = mvc.perform(post(API + "/targets/finance.pairs/measurements").with(admin()).header("Idempotency-Key", "retry-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse();
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(again.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(measurements()).isEqualTo(before + 1);
        mvc.perform(post(API + "/targets/hydrogen.area/measurements").with(admin()).header("Idempotency-Key", "retry-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableEntity());
        // another caller's key is theirs: the same key from someone else is a new request
        mvc.perform(post(API + "/targets/finance.pairs/measurements").with(as("hostile-viewer")).header("Idempotency-Key", "retry-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post(API + "/targets/finance.pairs/measurements").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        assertThat(measurements()).isEqualTo(before + 2);
    }
}
