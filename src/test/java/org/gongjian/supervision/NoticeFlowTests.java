package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.gongjian.notification.Inbox;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A supervision notice from the office to a town and back, through the API, with history and inbox. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NoticeFlowTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired Inbox inbox;
    @Autowired JdbcClient jdbc;
    @Autowired StatusEngine engine;
    final JsonMapper json = JsonMapper.builder().build();

    static RequestPostProcessor admin() {
        return httpBasic("admin", "test-admin-secret");
    }

    static RequestPostProcessor as(String username) {
        return httpBasic(username, "staff-secret-1");
    }

    @BeforeEach
    void users() {
        if (accounts.findByUsername("chishui-clerk").isEmpty()) {
            accounts.create("chishui-clerk", "赤水镇填报员", "staff-secret-1", organisation.unit("chishui").id(), Set.of(Role.UNIT_STAFF));
        }
        if (accounts.findByUsername("jinji-clerk").isEmpty()) {
            accounts.create("jinji-clerk", "金鸡镇填报员", "staff-secret-1", organisation.unit("jinji").id(), Set.of(Role.UNIT_STAFF));
        }
    }

    long raise(String level) throws Exception {
        String body = """
                {"unit":"chishui","initiative":8,"title":"加快森林GEP转化项目落地","matter":"请说明首批项目进展。",
                 "level":"%s"}""".formatted(level);
        String response = mvc.perform(post("/api/v1/programmes/kaiping-2024/notices").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(response).get("id").asLong();
    }

    @Test
    void the_office_raises_a_numbered_notice_the_town_answers_with_evidence_the_office_returns_it_and_then_closes_it()
            throws Exception {
        long id = raise("SUPERVISE");
        int year = engine.today().getYear();
        String detail = mvc.perform(get("/api/v1/notices/" + id).with(as("chishui-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ISSUED"))
                .andExpect(jsonPath("$.level").value("SUPERVISE"))
                .andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.matchesPattern("开改督〔" + year + "〕[1-9][0-9]*号")))
                .andExpect(jsonPath("$.initiativeNumber").value(8))
                .andReturn().getResponse().getContentAsString();
        LocalDate due = LocalDate.parse(json.readTree(detail).get("answerDue").asString());
        assertThat(due).isAfter(engine.today());

        MockMultipartFile evidence = new MockMultipartFile("files", "项目动工照片.pdf", "application/pdf",
                "%PDF-1.4 evidence".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/notices/" + id + "/answer").file(evidence).param("text", "首批项目已动工，附现场照片。")
                        .with(as("chishui-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ANSWERED"))
                .andExpect(jsonPath("$.answers[0].evidence[0].fileName").value("项目动工照片.pdf"));

        mvc.perform(post("/api/v1/notices/" + id + "/return").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"请补充投资完成额\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RETURNED"));
        mvc.perform(multipart("/api/v1/notices/" + id + "/answer").param("text", "已完成投资2000万元。").with(as("chishui-clerk")))
                .andExpect(jsonPath("$.state").value("ANSWERED"))
                .andExpect(jsonPath("$.answers.length()").value(2));
        String closed = mvc.perform(post("/api/v1/notices/" + id + "/close").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"同意销号\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED"))
                .andReturn().getResponse().getContentAsString();
        JsonNode history = json.readTree(closed).get("history");
        assertThat(history.valueStream().map(h -> h.get("action").asString()))
                .containsExactly("RAISED", "ANSWERED", "RETURNED", "ANSWERED", "CLOSED");
        assertThat(history.get(2).get("comment").asString()).isEqualTo("请补充投资完成额");
        assertThat(history.get(4).get("actor").asString()).isEqualTo("admin");

        long fileId = json.readTree(closed).get("answers").get(0).get("evidence").get(0).get("id").asLong();
        mvc.perform(get("/api/v1/notices/" + id + "/evidence/" + fileId).with(as("chishui-clerk")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(result -> assertThat(result.getResponse().getContentAsByteArray())
                        .isEqualTo("%PDF-1.4 evidence".getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'notice' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(5);
    }

    private java.util.List<String> inboxBodies(String username, String keyLike) {
        return jdbc.sql("select body from notification_inbox where username = :u and message_key like :k")
                .param("u", username).param("k", keyLike).query(String.class).list();
    }

    @Test
    void people_are_named_by_their_display_names_in_the_api_the_inbox_and_the_messages_and_scripts_keep_the_login()
            throws Exception {
        long id = raise("REMINDER");
        mvc.perform(multipart("/api/v1/notices/" + id + "/answer").param("text", "已按要求整改。").with(as("chishui-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.raisedBy").value("admin"))
                .andExpect(jsonPath("$.raisedByName").value("改革办管理员"))
                .andExpect(jsonPath("$.answers[0].answeredBy").value("chishui-clerk"))
                .andExpect(jsonPath("$.answers[0].answeredByName").value("赤水镇填报员"))
                .andExpect(jsonPath("$.history[0].actor").value("admin"))
                .andExpect(jsonPath("$.history[0].actorName").value("改革办管理员"))
                .andExpect(jsonPath("$.history[1].actorName").value("赤水镇填报员"));
        // the inbox text is the e-mail's and the group robots' text too (notification.RobotMessages, Deliveries)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(inboxBodies("chishui-clerk", "notice:" + id + ":RAISED:%")).singleElement()
                    .satisfies(body -> assertThat(body).contains("经办：改革办管理员").doesNotContain("admin"));
            assertThat(inboxBodies("admin", "notice:" + id + ":ANSWERED:%")).singleElement()
                    .satisfies(body -> assertThat(body).contains("经办：赤水镇填报员").doesNotContain("chishui-clerk"));
        });
        mvc.perform(get("/api/v1/notifications").param("size", "200").with(admin()))
                .andExpect(jsonPath("$.content[*].body").value(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("经办：赤水镇填报员"))));
    }

    @Test
    void another_town_can_neither_read_nor_answer_the_notice_and_the_refusal_is_audited() throws Exception {
        long id = raise("REMINDER");
        mvc.perform(get("/api/v1/notices/" + id).with(as("jinji-clerk"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/notices/" + id + "/answer").param("text", "代答").with(as("jinji-clerk")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notices").with(as("jinji-clerk")))
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) id))));
        mvc.perform(post("/api/v1/notices/" + id + "/close").with(as("chishui-clerk"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'notice' and entity_id = :id and action = 'DENIED'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void an_answer_without_text_or_with_a_program_file_is_refused_naming_the_problem_and_nothing_is_stored() throws Exception {
        long id = raise("REMINDER");
        mvc.perform(multipart("/api/v1/notices/" + id + "/answer").param("text", " ").with(as("chishui-clerk")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value("请填写反馈内容。"));
        MockMultipartFile exe = new MockMultipartFile("files", "setup.exe", "application/octet-stream", new byte[] {1, 2});
        mvc.perform(multipart("/api/v1/notices/" + id + "/answer").file(exe).param("text", "见附件").with(as("chishui-clerk")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("文件“setup.exe”的类型不支持")));
        mvc.perform(get("/api/v1/notices/" + id).with(admin()))
                .andExpect(jsonPath("$.state").value("ISSUED"))
                .andExpect(jsonPath("$.answers.length()").value(0));
    }

    @Test
    void the_office_cannot_close_an_unanswered_notice() throws Exception {
        long id = raise("REMINDER");
        mvc.perform(post("/api/v1/notices/" + id + "/close").with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("督办单当前状态为“ISSUED”，不能执行“CLOSED”。"));
    }

    @Test
    void the_responsible_town_finds_the_notice_in_its_inbox() throws Exception {
        long before = inbox.unreadCount("chishui-clerk");
        raise("CHASE");
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount("chishui-clerk") > before);
        assertThat(inbox.messages("chishui-clerk", true, org.springframework.data.domain.PageRequest.of(0, 1))
                .getContent().get(0).title()).startsWith("【催办】下发：").contains("加快森林GEP转化项目落地");
        assertThat(inbox.unreadCount("jinji-clerk")).isZero();
    }
}
