package org.gongjian.ecology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * GEP conversion projects as the office and a town see them: the first batch of the article loaded as
 * demo, their farmer income feeding item 8's target, a project code checked, writing kept to the
 * office and the forestry department.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class ConversionProjectsContract {

    static final String API = "/api/v1/ecology/conversion-projects";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired ConversionProjects projects;

    static RequestPostProcessor admin() {
        return httpBasic("admin", "test-admin-secret");
    }

    @BeforeEach
    void users() {
        if (accounts.findByUsername("jinji-conversion").isEmpty()) {
            accounts.create("jinji-conversion", "金鸡镇填报员", "staff-secret-1", organisation.unit("jinji").id(),
                    Set.of(Role.UNIT_STAFF));
        }
    }

    private BigDecimal ledgerFigure(String target) {
        return jdbc.sql("""
                select m.measured_value from programme_measurement m join programme_target t on t.id = m.target_id
                where t.code = :code and m.source = 'LEDGER'
                  and not exists (select 1 from programme_measurement s where s.supersedes_id = m.id)
                order by m.as_of desc, m.id desc limit 1""")
                .param("code", target).query(BigDecimal.class).optional().orElse(null);
    }

    @Test
    void the_first_batch_is_loaded_as_demo_with_its_codes_towns_and_7_3_yi_yuan() throws Exception {
        mvc.perform(get(API).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.projectCode == '2024-440783-05-03-823001')].town").value(hasItem("chishui")))
                .andExpect(jsonPath("$.content[?(@.projectCode == '2024-440783-05-03-823002')].town").value(hasItem("jinji")))
                .andExpect(jsonPath("$.content[?(@.projectCode == '2024-440783-05-03-823001')].startedOn")
                        .value(hasItem("2024-08-23")))
                .andExpect(jsonPath("$.content[?(@.projectCode == '2024-440783-05-03-823002')].demo").value(hasItem(true)));
        ConversionProject chishui = projects.project(DemoConversionLoader.CHISHUI);
        ConversionProject jinji = projects.project(DemoConversionLoader.JINJI);
        assertThat(chishui.investment().add(jinji.investment())).isEqualByComparingTo("730000000");
        assertThat(chishui.gepAccount()).isEqualTo("chishui-2023-gep");
        assertThat(chishui.areaGep()).isPositive();
        assertThat(chishui.latest().year()).isEqualTo(2024);
    }

    @Test
    void the_projects_farmer_income_reaches_item_8s_target_as_a_ledger_figure() {
        assertThat(projects.project(DemoConversionLoader.CHISHUI).latest()).isNotNull();
        assertThat(projects.project(DemoConversionLoader.JINJI).latest()).isNotNull();
        // the city's figure is every project's latest year (other tests of this context add projects of their own);
        // it moves as each year is published: wait for the total
        BigDecimal expected = projects.list(org.springframework.data.domain.Pageable.unpaged()).stream()
                .map(ConversionProject::latest).filter(java.util.Objects::nonNull).map(ConversionProject.Year::farmerIncome)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        await().atMost(Duration.ofSeconds(120)).until(() -> ledgerFigure("gep.farmer-income") != null
                && ledgerFigure("gep.farmer-income").compareTo(expected) == 0);
        assertThat(ledgerFigure("gep.farmer-income")).isEqualByComparingTo(expected);
        // the two targets the key-projects ledger feeds get no invented progress here
        assertThat(jdbc.sql("""
                select count(*) from programme_measurement m join programme_target t on t.id = m.target_id
                where t.code in ('gep.conversion-investment', 'gep.conversion-projects')""").query(Long.class).single())
                .isZero();
    }

    @Test
    void a_project_code_that_is_not_a_national_code_is_refused_next_to_the_field() throws Exception {
        mvc.perform(post(API).with(admin()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"projectCode": "2024-440783-823003", "name": "测试项目", "town": "chishui",
                         "startedOn": "2024-09-01", "investment": 1000000, "expectedGepChange": 100000}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("projectCode"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("项目代码须为24位全国投资项目代码")));
    }

    @Test
    void a_town_clerk_reads_the_projects_but_cannot_register_one() throws Exception {
        RequestPostProcessor clerk = httpBasic("jinji-conversion", "staff-secret-1");
        mvc.perform(get(API + "/" + DemoConversionLoader.JINJI).with(clerk)).andExpect(status().isOk())
                .andExpect(jsonPath("$.years[0].year").value(2024));
        mvc.perform(post(API).with(clerk).contentType(MediaType.APPLICATION_JSON).content("""
                        {"projectCode": "2024-440783-05-03-823009", "name": "测试项目", "town": "jinji",
                         "startedOn": "2024-09-01", "investment": 1000000, "expectedGepChange": 100000}"""))
                .andExpect(status().isForbidden());
        mvc.perform(get(API + "/2024-440783-05-03-000000").with(clerk)).andExpect(status().isNotFound());
    }

    @Test
    void a_new_project_and_its_yearly_report_are_recorded_and_a_year_is_reported_once() throws Exception {
        String code = "2025-440783-05-03-8230" + String.format("%02d", (int) (System.nanoTime() % 100));
        mvc.perform(post(API).with(admin()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"projectCode": "%s", "name": "月山镇林下经济项目", "town": "yueshan",
                         "startedOn": "2025-03-01", "investment": 50000000, "expectedGepChange": 2000000}"""
                        .formatted(code)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.demo").value(false));
        String year = """
                {"year": 2025, "measuredGepChange": 1200000, "carbonSink": 300, "farmerIncome": 800000,
                 "collectiveIncome": 150000, "jobs": 35, "landRent": 90000, "reportedOn": "2025-12-31"}""";
        mvc.perform(post(API + "/" + code + "/years").with(admin()).contentType(MediaType.APPLICATION_JSON).content(year))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.years[0].farmerIncome").value(800000))
                .andExpect(jsonPath("$.years[0].jobs").value(35));
        mvc.perform(post(API + "/" + code + "/years").with(admin()).contentType(MediaType.APPLICATION_JSON).content(year))
                .andExpect(status().isConflict());
    }
}
