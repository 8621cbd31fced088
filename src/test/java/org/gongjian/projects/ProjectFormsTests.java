package org.gongjian.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.enterprise.Uscc;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The office's page forms: a key project registered and edited with every field (money in 万元, land in 亩 shown
 * in 公顷, the funding mix adding up, the owner picked from the register), a year's plan with its monthly curve and a
 * milestone. Each wrong entry is answered in Chinese beside its field with what was typed kept; a save over someone
 * else's change is refused; every save is audited; a town clerk and a reader may not use the forms.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ProjectFormsTests {

    static final AtomicInteger SERIAL = new AtomicInteger(700000 + (int) (System.nanoTime() % 90000));

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired Enterprises enterprises;
    @Autowired KeyProjects projects;

    String code;
    String owner;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts, organisation, "pf-office", "development-reform", Role.UNIT_STAFF);
        TestUsers.ensure(accounts, organisation, "pf-town", "sanbu", Role.UNIT_STAFF);
        TestUsers.ensure(accounts, organisation, "pf-viewer", null, Role.VIEWER);
        TestUsers.ensure(accounts, organisation, "pf-leader", null, Role.LEADER);
        int n = SERIAL.incrementAndGet();
        code = "2024-440783-34-03-" + n;
        String first17 = String.format("91440783PF%07d", n);
        owner = first17 + Uscc.checkCharacter(first17);
        enterprises.register(new EnterpriseData(owner, "表单测试氢能装备有限公司" + n, "sanbu", null, "C3432", java.util.List.of(),
                true, null, null), false);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    MockHttpServletRequestBuilder form(String url) {
        return post(url).with(as("pf-office")).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * Every field of the form, filled as the office would for a 20亿元 project on 1500亩; {@code changes} are pairs
     * of a field and the value that replaces the complete one's.
     */
    MockHttpServletRequestBuilder complete(MockHttpServletRequestBuilder request, String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("name", "表单登记的液氢储运装备项目");
        fields.put("category", "INDUSTRY");
        fields.put("nature", "NEW_START");
        fields.put("industry", "氢能装备制造");
        fields.put("townCode", "sanbu");
        fields.put("park", "三埠氢能产业园");
        fields.put("ownerUscc", owner);
        fields.put("responsibleUnit", "development-reform");
        fields.put("leader", "pf-leader");
        fields.put("landArea", "1500");
        fields.put("totalInvestment", "200000");
        fields.put("investedBefore", "5000");
        fields.put("startYear", "2024");
        fields.put("endYear", "2027");
        fields.put("expectedOutput", "300000");
        fields.put("expectedTax", "12000");
        fields.put("expectedJobs", "800");
        fields.put("layoutElement", "hydrogen.base");
        fields.put("funding[SELF_RAISED]", "150000");
        fields.put("funding[LOAN]", "50000");
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        fields.forEach(request::param);
        return request.param("levels", "CITY", "COUNTY");
    }

    int audited(String entity, String id) {
        return jdbc.sql("select count(*) from audit_entry where entity_type = :t and entity_id = :i").param("t", entity)
                .param("i", id).query(Integer.class).single();
    }

    @Test
    void the_office_registers_a_project_with_every_field_and_sees_each_mistake_beside_its_field() throws Exception {
        mvc.perform(get("/projects/new").with(as("pf-office"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("登记重点项目")))
                .andExpect(content().string(containsString("1公顷 = 15亩")));
        // text for money
        mvc.perform(complete(form("/projects/new"), "expectedTax", "一万二"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"expectedTax-error\"")))
                .andExpect(content().string(containsString("请填写数字，如 16 或 7.3。")))
                .andExpect(content().string(containsString("value=\"表单登记的液氢储运装备项目\"")));
        // a code of 23 characters, a funding mix short of the total, an end before the start
        mvc.perform(complete(form("/projects/new"), "code", "2024-440783-34-03-12345", "funding[LOAN]", "40000",
                        "endYear", "2023"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"code-error\"")))
                .andExpect(content().string(containsString("应为24位“年份-行政区划-部门-类型-序号”")))
                .andExpect(content().string(containsString("value=\"40000\"")))
                .andExpect(content().string(containsString("资金构成合计须等于总投资")))
                .andExpect(content().string(containsString("id=\"endYear-error\"")))
                .andExpect(content().string(containsString("建设年限不正确")));
        mvc.perform(complete(form("/projects/new"), "ownerUscc", "91440783MA00000000"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不在企业库中")));
        assertThat(jdbc.sql("select count(*) from projects_project where code = :c").param("c", code).query(Long.class).single())
                .isZero();

        KeyProject p = register();
        assertThat(p.levels()).containsExactlyInAnyOrder(KeyProject.Level.CITY, KeyProject.Level.COUNTY);
        assertThat(p.totalInvestment()).isEqualByComparingTo("2000000000");
        assertThat(p.investedBefore()).isEqualByComparingTo("50000000");
        assertThat(p.landMu()).isEqualByComparingTo("1500");
        assertThat(p.landHectares()).isEqualByComparingTo("100");
        assertThat(p.funding()).extracting(f -> f.source().name() + "=" + f.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("LOAN=500000000", "SELF_RAISED=1500000000");
        assertThat(p.ownerUscc()).isEqualTo(owner);
        assertThat(p.leader()).isEqualTo("pf-leader");
        assertThat(p.expectedJobs()).isEqualTo(800);
        assertThat(p.expectedOutput()).isEqualByComparingTo("3000000000");
        assertThat(p.layoutElement()).isEqualTo("hydrogen.base");
        assertThat(p.demo()).isFalse();
        mvc.perform(get("/projects/" + p.id()).with(as("pf-office")))
                .andExpect(content().string(containsString("1500亩（100公顷）")))
                .andExpect(content().string(containsString("/projects/" + p.id() + "/edit")))
                .andExpect(content().string(containsString("/projects/" + p.id() + "/milestones/STARTED")));
        assertThat(audited("projects-project", code)).isEqualTo(1);
    }

    KeyProject register() throws Exception {
        mvc.perform(complete(form("/projects/new"))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "已登记重点项目“表单登记的液氢储运装备项目”。"));
        return projects.byCode(code);
    }

    @Test
    void the_office_edits_a_project_and_cannot_overwrite_someone_elses_change() throws Exception {
        KeyProject p = register();
        mvc.perform(get("/projects/" + p.id() + "/edit").with(as("pf-office"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"200000\"")))
                .andExpect(content().string(containsString("合 100 公顷")))
                .andExpect(content().string(containsString("当前：表单测试氢能装备有限公司")))
                .andExpect(content().string(containsString("value=\"150000\"")));
        mvc.perform(complete(form("/projects/" + p.id() + "/edit"), "name", "表单修改后的项目名称", "landArea", "1200",
                        "nature", "CONTINUING", "version", "0"))
                .andExpect(redirectedUrl("/projects/" + p.id()));
        // a second save from the form read at version 0
        mvc.perform(complete(form("/projects/" + p.id() + "/edit"), "name", "后来者的名称", "version", "0"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("数据已被他人修改")))
                .andExpect(content().string(containsString("value=\"后来者的名称\"")));
        KeyProject after = projects.byId(p.id());
        assertThat(after.name()).isEqualTo("表单修改后的项目名称");
        assertThat(after.landHectares()).isEqualByComparingTo("80");
        assertThat(after.nature()).isEqualTo(KeyProject.Nature.CONTINUING);
        assertThat(after.version()).isEqualTo(1);
        assertThat(audited("projects-project", code)).isEqualTo(2);
    }

    @Test
    void the_office_sets_a_years_plan_with_a_monthly_curve() throws Exception {
        KeyProject p = register();
        mvc.perform(get("/projects/" + p.id() + "/plan").param("year", "2025").with(as("pf-office"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("建设年限2024—2027年内的一年")))
                .andExpect(content().string(containsString("name=\"curve[11]\"")));
        // a curve that falls in May and misses the plan in December
        MockHttpServletRequestBuilder falling = form("/projects/" + p.id() + "/plan").param("year", "2025")
                .param("planned", "60000").param("version", "-1");
        String[] bad = {"5000", "10000", "15000", "20000", "18000", "30000", "35000", "40000", "45000", "50000", "55000", "59000"};
        for (int m = 0; m < 12; m++) {
            falling.param("curve[" + m + "]", bad[m]);
        }
        mvc.perform(falling).andExpect(status().isOk())
                .andExpect(content().string(containsString("月度计划曲线须有12个月的累计值，逐月不减，12月等于年度计划。")))
                .andExpect(content().string(containsString("value=\"18000\"")));
        mvc.perform(form("/projects/" + p.id() + "/plan").param("year", "2030").param("planned", "60000").param("version", "-1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("年度计划的年份须在建设年限2024—2027年之内。")));
        MockHttpServletRequestBuilder good = form("/projects/" + p.id() + "/plan").param("year", "2025")
                .param("planned", "60000").param("content", "主体厂房封顶，设备进场").param("version", "-1");
        for (int m = 0; m < 12; m++) {
            good.param("curve[" + m + "]", String.valueOf(5000 * (m + 1)));
        }
        mvc.perform(good).andExpect(redirectedUrl("/projects/" + p.id()))
                .andExpect(flash().attribute("saved", "2025年度计划已保存。"));
        KeyProjects.Plan plan = projects.plan(p.id(), 2025);
        assertThat(plan.planned()).isEqualByComparingTo("600000000");
        assertThat(plan.curve()).hasSize(12);
        assertThat(plan.curve().get(7)).as("July, cumulative").isEqualByComparingTo("350000000");
        // the same form sent again, read before the plan existed, is someone else's change
        mvc.perform(form("/projects/" + p.id() + "/plan").param("year", "2025").param("planned", "70000").param("version", "-1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("数据已被他人修改")));
        // without a curve, the plan stands alone
        mvc.perform(form("/projects/" + p.id() + "/plan").param("year", "2025").param("planned", "70000").param("version", "0"))
                .andExpect(redirectedUrl("/projects/" + p.id()));
        assertThat(projects.plan(p.id(), 2025).curve()).isEmpty();
        assertThat(projects.plan(p.id(), 2025).planned()).isEqualByComparingTo("700000000");
        assertThat(audited("projects-plan", code + "/2025")).isEqualTo(2);
        // the API takes the same check as an If-Match, and answers with the plan's version as its ETag
        mvc.perform(put("/api/v1/projects/" + p.id() + "/plans/2025").with(as("pf-office")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"planned\": 650000000}").header("If-Match", "\"0\""))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/projects/" + p.id() + "/plans/2025").with(as("pf-office")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"planned\": 650000000}").header("If-Match", "\"1\""))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
        assertThat(projects.plan(p.id(), 2025).planned()).isEqualByComparingTo("650000000");
    }

    @Test
    void the_office_records_milestones_in_their_order() throws Exception {
        KeyProject p = register();
        String url = "/projects/" + p.id() + "/milestones/";
        mvc.perform(get(url + "STARTED").with(as("pf-office"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("记录建设节点：开工")));
        mvc.perform(form(url + "SIGNED").param("plannedOn", "2024-03-01").param("actualOn", "2024-03-18").param("note", "市政府签约"))
                .andExpect(redirectedUrl("/projects/" + p.id())).andExpect(flash().attribute("saved", "建设节点“签约”已记录。"));
        // started before it was signed: the order is named in words
        mvc.perform(form(url + "STARTED").param("actualOn", "2024-02-01"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("节点顺序不对：与“签约”的实际日期先后矛盾。")))
                .andExpect(content().string(containsString("value=\"2024-02-01\"")));
        mvc.perform(form(url + "STARTED").param("actualOn", LocalDate.now().plusDays(3).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("实际完成日期不能晚于今天。")));
        mvc.perform(form(url + "STARTED").param("actualOn", "2024-13-40"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请按 2024-05-22 的格式填写日期。")));
        mvc.perform(form(url + "STARTED").param("plannedOn", "2024-05-01").param("actualOn", "2024-05-22"))
                .andExpect(redirectedUrl("/projects/" + p.id()));
        assertThat(jdbc.sql("select actual_on from projects_milestone where project_id = :p and kind = 'STARTED'")
                .param("p", p.id()).query(LocalDate.class).single()).isEqualTo(LocalDate.of(2024, 5, 22));
        assertThat(audited("projects-milestone", code + "/SIGNED") + audited("projects-milestone", code + "/STARTED")).isEqualTo(2);
    }

    @Test
    void the_owner_picker_offers_firms_of_the_register_by_name() throws Exception {
        mvc.perform(get("/projects/owner-options").param("ownerUscc", "表单测试氢能装备").with(as("pf-office")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"" + owner + "\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void a_town_clerk_and_a_reader_may_not_use_the_office_forms() throws Exception {
        KeyProject p = register();
        for (String who : new String[] {"pf-town", "pf-viewer"}) {
            mvc.perform(get("/projects/new").with(as(who))).andExpect(status().isForbidden());
            mvc.perform(get("/projects/" + p.id() + "/plan").with(as(who))).andExpect(status().isForbidden());
            mvc.perform(complete(post("/projects/" + p.id() + "/edit").with(as(who)).with(csrf()), "name", "越权修改",
                    "version", "0")).andExpect(status().isForbidden());
            mvc.perform(post("/projects/" + p.id() + "/milestones/SIGNED").with(as(who)).with(csrf())
                    .param("actualOn", "2024-03-18")).andExpect(status().isForbidden());
            mvc.perform(get("/projects/owner-options").param("ownerUscc", "氢能").with(as(who))).andExpect(status().isForbidden());
        }
        assertThat(projects.byId(p.id()).name()).isEqualTo("表单登记的液氢储运装备项目");
        mvc.perform(get("/projects/" + p.id()).with(as("pf-viewer"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/projects/" + p.id() + "/edit"))));
    }
}
