package org.gongjian.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.MeasurementSource;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Done when: a new user of 三埠 enters a month's progress of the hydrogen base on the phone page, the reform office
 * reviews it, and item 3's investment target, the project page's curve and the key-project bulletin all show it.
 * Not transactional: the figures reach the target through the event publication registry after commit, as in
 * production. Figures are compared before and after, so what the demo and other tests hold does not matter.
 */
@SpringBootTest(properties = "gongjian.demo.projects.enabled=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class KeyProjectDoneWhenTests {

    static final String HYDROGEN = "2024-440783-34-03-052201";
    static final BigDecimal EIGHTY_MILLION = new BigDecimal("80000000");

    @Autowired MockMvc mvc;
    @Autowired KeyProjects projects;
    @Autowired ProgressReports reports;
    @Autowired ProjectIndicators indicators;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired ProgrammeManagement programmes;
    @Autowired TargetManagement targets;

    @Test
    void a_month_entered_on_a_phone_and_reviewed_moves_item_3s_target_the_curve_and_the_bulletin() throws Exception {
        String reporter = "dw-sanbu-" + System.nanoTime();
        accounts.create(reporter, "三埠街道填报员", "staff-secret-1", organisation.unit("sanbu").id(), Set.of(Role.UNIT_STAFF));
        KeyProject base = projects.byCode(HYDROGEN);
        YearMonth month = YearMonth.now().minusMonths(1);
        assertThat(reports.report(base.id(), month)).as("the demo leaves last month to be reported").isNull();
        BigDecimal elementBefore = elementSinceStart(month);
        BigDecimal ytdBefore = reports.progress(base, month).yearToDate();

        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
        mvc.perform(multipart("/projects/{id}/report", base.id())
                        .file(new MockMultipartFile("photos", "site.jpg", "image/jpeg", jpeg))
                        .param("month", month.toString()).param("thisMonthWan", "8000")
                        .param("imageProgress", "液氢储罐生产线设备安装完成，进入调试").param("action", "submit")
                        .with(user(users.loadUserByUsername(reporter))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        ProgressReports.Report submitted = reports.report(base.id(), month);
        assertThat(submitted.status()).isEqualTo(ProgressReports.Status.SUBMITTED);
        assertThat(reports.photos(submitted.id())).hasSize(1);

        mvc.perform(post("/projects/reports/{id}/review", submitted.id()).with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        indicators.publish(LocalDate.now());

        // item 3's investment target: the element's figure as of the month's end, from the ledger
        BigDecimal expected = elementBefore.add(EIGHTY_MILLION);
        assertThat(elementSinceStart(month)).isEqualByComparingTo(expected);
        Target target = targets.target(programmes.programme("kaiping-2024"), "hydrogen.investment");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(targets.measurements(target).stream()
                .filter(m -> m.source() == MeasurementSource.LEDGER && m.valid() && m.asOf().equals(month.atEndOfMonth()))
                .map(Measurement::value).toList()).anySatisfy(v -> assertThat(v).isEqualByComparingTo(expected)));

        // the project page's curve data
        String curve = mvc.perform(get("/api/v1/projects/{id}/curve", base.id()).param("year", String.valueOf(month.getYear()))
                        .with(user(users.loadUserByUsername(reporter))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<ProgressReports.CurvePoint> points = reports.curve(base, month.getYear());
        BigDecimal actual = points.get(month.getMonthValue() - 1).actual();
        BigDecimal previous = month.getMonthValue() == 1 ? BigDecimal.ZERO : points.get(month.getMonthValue() - 2).actual();
        assertThat(actual.subtract(previous)).isEqualByComparingTo(EIGHTY_MILLION);
        assertThat(curve).contains("\"month\":" + month.getMonthValue() + ",").contains(actual.toPlainString());

        // the bulletin, as Markdown: the project's line shows its year to date with the 8000万
        BigDecimal ytd = ytdBefore.add(EIGHTY_MILLION);
        String md = mvc.perform(get("/reports/key-projects/download").param("month", month.toString()).param("format", "md")
                        .with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(md).contains("个项目，总投资").contains(base.name())
                .contains(ytd.divide(new BigDecimal("100000000"), 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
    }

    @Test
    void the_api_lists_a_page_of_projects_and_refuses_a_malformed_code_with_field_errors() throws Exception {
        org.gongjian.support.TestUsers.ensure(accounts, organisation, "dw-viewer", null, Role.VIEWER);
        mvc.perform(get("/api/v1/projects").param("size", "2").param("category", "GEP_CONVERSION")
                        .with(user(users.loadUserByUsername("dw-viewer"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].code").value("2024-440783-05-03-823001"))
                .andExpect(jsonPath("$.content[1].code").value("2024-440783-05-03-823002"))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(post("/api/v1/projects").with(user(users.loadUserByUsername("admin"))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"2024-440783-05-03-82300\",\"name\":\"\",\"levels\":[\"CITY\"],"
                                + "\"startYear\":2024,\"endYear\":2026}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'code')].message").value(
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("24位"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists());
    }

    @Test
    void a_leader_filters_the_list_to_the_projects_assigned_to_them_and_sees_schedule_words_with_colours() throws Exception {
        String mine = mvc.perform(get("/projects").param("mine", "true").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("三埠氢能基地液氢储运装备制造项目").doesNotContain("赤水镇GEP转化");
        assertThat(mine).containsPattern("class=\"sched sched-(AHEAD|NORMAL|BEHIND)\">(超前|正常|滞后)<");
        String all = mvc.perform(get("/projects").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(all).contains("赤水镇GEP转化").contains("演示");
    }

    /**
     * Item 8's two targets on the GEP-conversion projects follow the key-project ledger: the demo's first batch (赤水镇
     * and 金鸡镇, started 2024-08-23, 7.3亿元 together) reaches them as LEDGER figures. Other tests of this context may
     * add projects of their own, so the figures are at least the demo's.
     */
    @Test
    void the_started_gep_conversion_projects_reach_item_8s_targets_from_the_ledger() {
        indicators.publish(LocalDate.now());
        Target count = targets.target(programmes.programme("kaiping-2024"), "gep.conversion-projects");
        Target investment = targets.target(programmes.programme("kaiping-2024"), "gep.conversion-investment");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(latestLedger(count)).isGreaterThanOrEqualTo(new BigDecimal("2"));
            assertThat(latestLedger(investment)).isGreaterThanOrEqualTo(new BigDecimal("730000000"));
        });
    }

    private BigDecimal latestLedger(Target target) {
        return targets.measurements(target).stream()
                .filter(m -> m.source() == MeasurementSource.LEDGER && m.valid())
                .max(java.util.Comparator.comparing(Measurement::asOf)).map(Measurement::value).orElse(BigDecimal.ZERO);
    }

    private BigDecimal elementSinceStart(YearMonth month) {
        return projects.filter(new KeyProjects.Filter(null, null, null, null, null, "hydrogen.base")).stream()
                .filter(p -> p.startYear() <= month.getYear())
                .map(p -> reports.progress(p, month).sinceStart()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
