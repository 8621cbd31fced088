package org.gongjian.ecology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
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
 * The conversion-project pages: the list with investment, status, GEP of the area, expected and measured change
 * and farmer income; a project's page with its yearly reports; the form that adds a year's report, with field
 * errors in Chinese, a year reported once, audit, and only the office and the forestry department writing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ConversionPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired ConversionProjects projects;
    @Autowired JdbcClient jdbc;

    private String code;

    @BeforeEach
    void projectOfItsOwn() {
        if (accounts.findByUsername("conversion-forestry").isEmpty()) {
            accounts.create("conversion-forestry", "林业局项目管理员", "staff-secret-1",
                    organisation.unit("natural-resources").id(), Set.of(Role.UNIT_STAFF));
            accounts.create("conversion-town", "金鸡镇填报员", "staff-secret-1", organisation.unit("jinji").id(),
                    Set.of(Role.UNIT_STAFF));
        }
        code = "2024-440783-05-03-9" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        projects.register(new ConversionProjects.NewProject(code, "金鸡镇林下经济GEP转化项目", "jinji",
                LocalDate.of(2024, 9, 1), new BigDecimal("120000000"), null, new BigDecimal("5000000")), false);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private static RequestPostProcessor viewer() {
        return user("viewer").authorities(Role.VIEWER.permissions().stream()
                .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList());
    }

    private MockHttpServletRequestBuilder report(String year, String gep, String farmers) {
        return post("/ecology/conversion-projects/" + code + "/years").with(csrf()).param("year", year)
                .param("measuredGepChange", gep).param("carbonSink", "950.5").param("farmerIncome", farmers)
                .param("collectiveIncome", "35").param("jobs", "42").param("landRent", "18.6");
    }

    @Test
    void the_list_shows_each_projects_investment_status_gep_and_farmer_income() throws Exception {
        mvc.perform(get("/ecology/conversion-projects").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("森林GEP转化绿色生态百千万项目")))
                .andExpect(content().string(containsString("赤水镇森林GEP转化绿色生态百千万项目（演示）")))
                .andExpect(content().string(containsString("金鸡镇林下经济GEP转化项目")))
                .andExpect(content().string(containsString(">1.20<")))
                .andExpect(content().string(containsString(">500.00<")))
                .andExpect(content().string(containsString("已报告至2024年度")))
                .andExpect(content().string(containsString("尚未报告年度效益")))
                .andExpect(content().string(containsString("未在重点项目台账登记")));
    }

    @Test
    void the_forestry_department_adds_a_years_report_and_sees_it_on_the_project_page() throws Exception {
        mvc.perform(get("/ecology/conversion-projects/" + code).with(as("conversion-forestry")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("登记年度报告")))
                .andExpect(content().string(containsString("尚未报告年度效益")));
        mvc.perform(report("2025", "230.5", "86.2").with(as("conversion-forestry")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/ecology/conversion-projects/" + code))
                .andExpect(flash().attribute("saved", "已登记2025年度报告"));
        mvc.perform(get("/ecology/conversion-projects/" + code).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">230.50<")))
                .andExpect(content().string(containsString(">86.20<")))
                .andExpect(content().string(containsString(">950.5<")))
                .andExpect(content().string(containsString(">42<")))
                .andExpect(content().string(containsString(">18.60<")))
                .andExpect(content().string(not(containsString("登记年度报告"))));
        ConversionProject stored = projects.project(code);
        assertThat(stored.latest().farmerIncome()).isEqualByComparingTo("862000");
        assertThat(jdbc.sql("""
                select count(*) from audit_entry where entity_type = 'ecology-conversion-project' and entity_id = :c
                and actor = 'conversion-forestry' and action = 'UPDATE'""").param("c", code).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void a_wrong_report_is_refused_field_by_field_in_chinese_and_a_year_is_reported_once() throws Exception {
        mvc.perform(report("2025", "abc", "").with(as("conversion-forestry")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“abc”不是数字")))
                .andExpect(content().string(containsString("必须填写")))
                .andExpect(content().string(containsString("value=\"abc\"")));
        mvc.perform(report("2023", "10", "10").with(as("conversion-forestry")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("报告年度须在项目动工的2024年至今年之间")));
        mvc.perform(report("2025", "10", "-1").with(as("conversion-forestry")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不能为负数")));
        mvc.perform(report("2025", "10", "10").with(as("conversion-forestry"))).andExpect(status().isFound());
        mvc.perform(report("2025", "11", "11").with(as("conversion-forestry")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("的2025年度已报告")));
        assertThat(projects.project(code).years()).hasSize(1);
    }

    @Test
    void only_the_office_and_the_forestry_department_add_reports() throws Exception {
        mvc.perform(report("2025", "10", "10").with(viewer())).andExpect(status().isForbidden());
        mvc.perform(report("2025", "10", "10").with(as("conversion-town"))).andExpect(status().isForbidden());
        assertThat(projects.project(code).years()).isEmpty();
    }
}
