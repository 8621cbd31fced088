package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 11 §4–§5: a finished programme judged at its end; statuses that explain themselves (ADR 0025). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StatusExplainedTests {

    static final String API = "/api/v1/programmes/kaiping-2024";

    @Autowired MockMvc mvc;
    @Autowired StatusEngine engine;
    @Autowired StatusWords words;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService details;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void the_status_answer_gives_each_status_its_word_and_one_sentence_of_why_with_the_numbers_and_names_the_policy_once()
            throws Exception {
        mvc.perform(get(API + "/status").param("asOf", "2024-12-31").header("Accept-Language", "zh-CN")
                        .with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.policy").value(startsWith("/api/v1/programmes/kaiping-2024/policy")))
                .andExpect(jsonPath("$.policy.warningYellow").doesNotExist())
                .andExpect(jsonPath("$.initiatives[0].targets[0].label").value("已完成"))
                .andExpect(jsonPath("$.initiatives[0].targets[0].why").value(containsString("已达到目标")))
                .andExpect(jsonPath("$.initiatives[0].targets[0].why").value(containsString("100%")))
                .andExpect(jsonPath("$.initiatives[*].milestones[*].why").value(org.hamcrest.Matchers.hasItem(containsString("已于2024-04-29完成"))))
                .andExpect(jsonPath("$.initiatives[0].label").isNotEmpty());
        mvc.perform(get(API + "/status").param("asOf", "2024-12-31").header("Accept-Language", "en")
                        .with(httpBasic("admin", "test-admin-secret")))
                .andExpect(jsonPath("$.initiatives[0].targets[0].label").value("Achieved"));
    }

    @Test
    void after_its_end_a_programme_is_judged_as_of_its_end_not_as_of_today() {
        ProgrammeStatus now = engine.status("kaiping-2024");
        MilestoneStatus fair = now.milestones().stream().filter(m -> m.title().contains("金融来趁圩")).findFirst().orElseThrow();
        assertThat(fair.status()).isEqualTo(Status.OVERDUE);
        // judged at the programme's end (2024-12-31), not "逾期700多天" as of today
        assertThat(fair.daysOverdue()).isZero();
        assertThat(fair.asOf()).isEqualTo(LocalDate.of(2024, 12, 31));
        // the GEP targets judged at the end with the accounts published since: 已完成
        assertThat(now.target("gep.jinji-total").orElseThrow().status()).isEqualTo(Status.ACHIEVED);
        // the date fields default to the programme's last day
        assertThat(engine.judgedOn("kaiping-2024")).isEqualTo(LocalDate.of(2024, 12, 31));
        // asked again, the same answer (nothing moves with the calendar)
        assertThat(engine.status("kaiping-2024").milestones()).isEqualTo(now.milestones());
    }

    @Test
    void a_date_chosen_on_purpose_shows_the_programme_as_it_stood_then() {
        ProgrammeStatus midYear = engine.status("kaiping-2024", LocalDate.of(2024, 8, 31));
        assertThat(midYear.asOf()).isEqualTo(LocalDate.of(2024, 8, 31));
        assertThat(midYear.target("finance.pairs").orElseThrow().status()).isEqualTo(Status.NO_DATA);
    }

    @Test
    void a_declared_completion_beside_a_computed_lateness_reads_as_one_verdict() {
        assertThat(words.label(Status.OVERDUE, org.gongjian.programme.InitiativeStatus.COMPLETED, java.util.Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("申报已完成，待核验");
        assertThat(words.label(Status.ACHIEVED, org.gongjian.programme.InitiativeStatus.COMPLETED, java.util.Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("已完成");
    }

    @Test
    void the_manual_notice_form_lists_towns_in_official_order_then_departments_and_never_outside_bodies() throws Exception {
        String page = noticeForm();
        int towns = page.indexOf("label=\"镇街\"");
        int departments = page.indexOf("label=\"市直部门\"");
        assertThat(towns).isPositive();
        assertThat(departments).isGreaterThan(towns);
        assertThat(page.indexOf("长沙街道")).isBetween(towns, departments);
        assertThat(page.indexOf("长沙街道")).isLessThan(page.indexOf("三埠街道"));
        assertThat(page.indexOf("三埠街道")).isLessThan(page.indexOf("月山镇"));
        assertThat(page.indexOf("金鸡镇")).isLessThan(page.indexOf("赤水镇"));
        assertThat(page.indexOf("市交通运输局")).isGreaterThan(departments);
        assertThat(page).doesNotContain("国家知识产权局", "交通运输部");
        // the order is the units' data (their division codes, which the office corrects on the unit page), not code
        jdbc.sql("update organisation_unit set division_code = '440783000' where code = 'chishui'").update();
        try {
            String moved = noticeForm();
            assertThat(moved.indexOf("赤水镇")).isLessThan(moved.indexOf("长沙街道"));
        } finally {
            jdbc.sql("update organisation_unit set division_code = '440783112' where code = 'chishui'").update();
        }
    }

    private String noticeForm() throws Exception {
        return mvc.perform(get("/supervision/notices/new").param("programme", "kaiping-2024")
                        .header("Accept-Language", "zh-CN").with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user(details.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
