package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeRecords;
import org.gongjian.programme.TargetManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** The programme office's forms: validation in Chinese beside each field, input kept, changes audited. */
class AdminPageTests extends PageTestSupport {

    @Autowired ProgrammeManagement programmes;
    @Autowired TargetManagement targets;
    @Autowired ProgrammeRecords records;

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void an_invalid_programme_shows_chinese_messages_next_to_its_fields_and_keeps_what_was_typed() throws Exception {
        String html = body(post("/admin/programmes").with(csrf()).with(admin())
                .param("code", "Bad Code").param("year", "二〇二五").param("title", " ").param("theme", "改革深化年")
                .param("startDate", "2025-12-31").param("endDate", "2025-01-01")
                .param("categories[0].code", "transport").param("categories[0].name", "交通"));
        assertThat(html).contains("value=\"Bad Code\"", "只能使用小写字母", "value=\"二〇二五\"", "请填写整数",
                "value=\"改革深化年\"", "不能为空", "提交的内容有误", "value=\"交通\"");
        // the rules beyond single fields are checked once every field can be read
        assertThat(body(post("/admin/programmes").with(csrf()).with(admin())
                .param("code", "kaiping-2026").param("year", "2026").param("title", "改革").param("startDate", "2026-12-31")
                .param("endDate", "2026-01-01").param("categories[0].code", "a").param("categories[0].name", "甲")
                .param("categories[1].code", "a").param("categories[1].name", "乙")))
                .contains("结束日期不能早于开始日期", "重复的值：a");
        assertThat(programmes.programmes(org.springframework.data.domain.Pageable.unpaged())).hasSize(1);
    }

    @Test
    @Transactional
    void the_office_creates_a_programme_an_initiative_a_target_and_a_milestone_through_the_forms() throws Exception {
        mvc.perform(post("/admin/programmes").with(csrf()).with(admin())
                        .param("code", "kaiping-2025").param("year", "2025").param("title", "深化改革攻坚")
                        .param("theme", "改革深化年").param("startDate", "2025-01-01").param("endDate", "2025-12-31")
                        .param("slogans", "改革深化年\n争先进位").param("categories[0].code", "digital")
                        .param("categories[0].name", "数字政府").param("categories[1].code", "").param("categories[1].name", ""))
                .andExpect(redirectedUrl("/admin/programmes/kaiping-2025/edit"));
        assertThat(programmes.programme("kaiping-2025").data().slogans()).containsExactly("改革深化年", "争先进位");
        mvc.perform(post("/admin/programmes/kaiping-2025/initiatives").with(csrf()).with(admin())
                        .param("number", "1").param("title", "一网通办").param("category", "digital")
                        .param("leadUnit", "reform-office").param("coUnits", "chishui", "jinji")
                        .param("startDate", "2025-01-01").param("endDate", "2025-12-31").param("status", "NOT_STARTED"))
                .andExpect(redirectedUrl("/programmes/kaiping-2025/initiatives/1"));
        mvc.perform(post("/admin/programmes/kaiping-2025/initiatives/1/targets").with(csrf()).with(admin())
                        .param("code", "digital.items").param("name", "一网通办事项").param("unit", "ITEMS")
                        .param("direction", "UP").param("baselineValue", "100").param("baselineDate", "2025-01-01")
                        .param("targetValue", "300").param("targetQualifier", "EXACT").param("deadline", "2025-12-31")
                        .param("plannedPoints", "2025-06-30 200\n"))
                .andExpect(redirectedUrl("/programmes/kaiping-2025/initiatives/1#target-digital.items"));
        mvc.perform(post("/admin/programmes/kaiping-2025/initiatives/1/milestones").with(csrf()).with(admin())
                        .param("title", "上线运行").param("dueDate", "2025-06-30"))
                .andExpect(redirectedUrl("/programmes/kaiping-2025/initiatives/1"));
        var programme = programmes.programme("kaiping-2025");
        var initiative = programmes.initiative(programme, 1);
        assertThat(programmes.data(initiative).coUnits()).containsExactly("chishui", "jinji");
        assertThat(targets.target(programme, "digital.items").plannedPoints()).hasSize(1);
        assertThat(records.milestones(initiative)).extracting(m -> m.title()).containsExactly("上线运行");
        assertThat(count("select count(*) from audit_entry where actor = 'admin' and action = 'CREATE' "
                + "and entity_type in ('programme', 'initiative', 'target', 'milestone') and (entity_id like 'kaiping-2025%' "
                + "or entity_type = 'milestone')")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void a_target_form_names_the_planned_point_line_it_cannot_read_and_the_rules_it_breaks() throws Exception {
        String html = body(post("/admin/programmes/kaiping-2024/initiatives/8/targets").with(csrf()).with(admin())
                .param("code", "gep.new").param("name", "新指标").param("unit", "PIECES").param("direction", "UP")
                .param("baselineValue", "5").param("targetValue", "3").param("targetQualifier", "EXACT")
                .param("deadline", "2024-12-31").param("plannedPoints", "2024-06-30 2\n六月底 3"));
        assertThat(html).contains("第2行“六月底 3”无法识别", "value=\"新指标\"", "六月底 3</textarea>");
        assertThat(body(post("/admin/programmes/kaiping-2024/initiatives/8/targets").with(csrf()).with(admin())
                .param("code", "gep.new").param("name", "新指标").param("unit", "PIECES").param("direction", "UP")
                .param("baselineValue", "5").param("targetValue", "3").param("targetQualifier", "EXACT")
                .param("deadline", "2024-12-31").param("plannedPoints", "2024-06-30 2")))
                .contains("基期值与基期日期须同时填写或同时留空", "递增型指标的目标值不能低于基期值");
    }

    @Test
    @Transactional
    void the_office_edits_an_initiatives_tags_a_name_a_line_and_a_form_without_them_keeps_them() throws Exception {
        var kaiping = programmes.programme("kaiping-2024");
        var before = programmes.data(programmes.initiative(kaiping, 3));
        assertThat(before.tags()).extracting(t -> t.name()).contains("北部制造、中部配套、南部应用");
        String form = body(get("/admin/programmes/kaiping-2024/initiatives/3/edit").with(admin()));
        assertThat(form).contains("name=\"tags[SLOGAN]\"", "北部制造、中部配套、南部应用", "每行一个");
        MockHttpServletRequestBuilder edit = post("/admin/programmes/kaiping-2024/initiatives/3").with(csrf()).with(admin())
                .param("number", "3").param("title", before.title()).param("category", before.category())
                .param("leadUnit", before.leadUnit()).param("coUnits", before.coUnits().toArray(String[]::new))
                .param("startDate", before.startDate().toString()).param("endDate", before.endDate().toString())
                .param("status", before.status().name()).param("summary", before.summary())
                .param("version", String.valueOf(programmes.initiative(kaiping, 3).version()));
        mvc.perform(edit.param("tags[PLACE]", "三埠\n 水口 \n\n三埠").param("tags[SLOGAN]", "北部制造、中部配套、南部应用")
                        .param("tags[ROAD]", ""))
                .andExpect(redirectedUrl("/programmes/kaiping-2024/initiatives/3"));
        var after = programmes.data(programmes.initiative(kaiping, 3));
        assertThat(after.tags()).extracting(t -> t.kind().name() + ":" + t.name())
                .containsExactly("PLACE:三埠", "PLACE:水口", "SLOGAN:北部制造、中部配套、南部应用");
        // a form that sends no tag boxes at all (an older page, a script) leaves the tags as they are
        mvc.perform(post("/admin/programmes/kaiping-2024/initiatives/3").with(csrf()).with(admin())
                        .param("number", "3").param("title", "建设三埠氢能装备制造和创新应用示范基地").param("category", before.category())
                        .param("leadUnit", before.leadUnit()).param("startDate", before.startDate().toString())
                        .param("endDate", before.endDate().toString()).param("status", before.status().name())
                        .param("version", String.valueOf(programmes.initiative(kaiping, 3).version())))
                .andExpect(redirectedUrl("/programmes/kaiping-2024/initiatives/3"));
        assertThat(programmes.data(programmes.initiative(kaiping, 3)).tags()).isEqualTo(after.tags());
    }

    @Test
    @Transactional
    void lead_unit_staff_update_their_initiatives_declared_stage_but_not_who_leads_it() throws Exception {
        if (accounts.findByUsername("page-forestry").isEmpty()) {
            accounts.create("page-forestry", "自然资源局填报员", PASSWORD, organisation.unit("natural-resources").id(),
                    java.util.Set.of(org.gongjian.organisation.Role.UNIT_STAFF));
        }
        mvc.perform(post("/admin/programmes/kaiping-2024/initiatives/8").with(csrf()).with(as("page-forestry"))
                        .param("title", "推进森林GEP核算与转化").param("status", "COMPLETED").param("summary", "两镇核算完成")
                        .param("leadUnit", "chishui").param("number", "99"))
                .andExpect(redirectedUrl("/programmes/kaiping-2024/initiatives/8"));
        var initiative = programmes.initiative(programmes.programme("kaiping-2024"), 8);
        assertThat(initiative.status()).isEqualTo(InitiativeStatus.COMPLETED);
        assertThat(programmes.data(initiative).leadUnit()).isEqualTo("natural-resources");
        assertThat(initiative.number()).isEqualTo(8);
        // a co-responsible unit (赤水镇) does not edit the initiative itself: refused and audited
        long before = denied("page-staff");
        mvc.perform(post("/admin/programmes/kaiping-2024/initiatives/8").with(csrf()).with(as("page-staff"))
                        .param("title", "改名").param("status", "COMPLETED").param("summary", "—"))
                .andExpect(status().isForbidden());
        assertThat(denied("page-staff")).isEqualTo(before + 1);
        // and nothing of another unit's initiative either
        before = denied("page-forestry");
        mvc.perform(get("/admin/programmes/kaiping-2024/initiatives/10/edit").with(as("page-forestry")))
                .andExpect(status().isForbidden());
        assertThat(denied("page-forestry")).isEqualTo(before + 1);
    }

    @Test
    @Transactional
    void the_office_makes_an_account_and_disabling_it_ends_its_session_at_once() throws Exception {
        String invalid = body(post("/admin/users").with(csrf()).with(admin()).param("username", "office-made-clerk")
                .param("displayName", "金鸡镇填报员").param("roles", "UNIT_STAFF").param("enabled", "true")
                .param("password", "short").param("repeatPassword", "short"));
        assertThat(invalid).contains("密码至少10个字符", "单位填报人员必须选择所属单位", "value=\"office-made-clerk\"");
        mvc.perform(post("/admin/users").with(csrf()).with(admin()).param("username", "office-made-clerk")
                        .param("displayName", "金鸡镇填报员").param("unit", "jinji").param("roles", "UNIT_STAFF")
                        .param("enabled", "true").param("password", "金鸡镇-2024-报送").param("repeatPassword", "金鸡镇-2024-报送"))
                .andExpect(redirectedUrl("/admin/users"));
        var session = mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                        .formLogin().user("office-made-clerk").password("金鸡镇-2024-报送"))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
        // the office chose the first password: its owner is led to choose their own before anything else
        mvc.perform(get("/").session((org.springframework.mock.web.MockHttpSession) session))
                .andExpect(redirectedUrl("/account/password?first"));
        mvc.perform(get("/account/password").session((org.springframework.mock.web.MockHttpSession) session))
                .andExpect(status().isOk());
        int version = accounts.user("office-made-clerk").version();
        // an unticked box is sent as its marker only, as the page's form does
        mvc.perform(post("/admin/users/office-made-clerk").with(csrf()).with(admin()).param("displayName", "金鸡镇填报员")
                        .param("unit", "jinji").param("roles", "UNIT_STAFF").param("_roles", "on").param("_enabled", "on")
                        .param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(accounts.user("office-made-clerk").enabled()).isFalse();
        mvc.perform(get("/").session((org.springframework.mock.web.MockHttpSession) session))
                .andExpect(redirectedUrl("/login?expired"));
        String audit = jdbc.sql("select after_json from audit_entry where entity_type = 'user' and entity_id = 'office-made-clerk' "
                + "and action = 'UPDATE' order by id desc limit 1").query(String.class).single();
        assertThat(audit).contains("\"enabled\":false").doesNotContain("password", "{bcrypt}");
    }

    @Test
    void the_office_cannot_lock_itself_out() throws Exception {
        int version = accounts.user("admin").version();
        String html = body(post("/admin/users/admin").with(csrf()).with(admin()).param("displayName", "改革办管理员")
                .param("roles", "VIEWER").param("version", String.valueOf(version)));
        assertThat(html).contains("不能停用自己的账号，也不能取消自己的管理员角色。");
        assertThat(accounts.user("admin").roles()).contains(org.gongjian.organisation.Role.ADMIN);
    }

    @Test
    void a_unit_code_that_exists_and_a_parent_that_is_its_own_child_are_refused() throws Exception {
        assertThat(body(post("/admin/units").with(csrf()).with(admin()).param("code", "chishui").param("name", "赤水")
                .param("kind", "TOWN"))).contains("单位编码“chishui”已被使用。");
        var unit = organisation.unit("kaiping");
        String html = body(post("/admin/units/kaiping").with(csrf()).with(admin()).param("name", unit.name())
                .param("kind", unit.kind().name()).param("parent", "chishui").param("version", String.valueOf(unit.version())));
        assertThat(html).contains("上级单位不能是本单位或其下级单位。");
    }

    @Test
    void the_audit_trail_is_filtered_by_who_what_when_and_entity_on_the_page_and_by_api_for_the_office_only() throws Exception {
        mvc.perform(get("/admin/programmes/kaiping-2024/initiatives/10/edit").with(as("page-viewer")))
                .andExpect(status().isForbidden());
        String html = body(get("/admin/audit").param("actor", "page-viewer").param("action", "DENIED").with(admin()));
        assertThat(html).contains("拒绝", "GET /admin/programmes/kaiping-2024/initiatives/10/edit", "lacks hasAuthority");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        mvc.perform(get("/api/v1/audit").param("entityType", "initiative").param("entityId", "kaiping-2024")
                        .param("from", "2020-01-01").param("to", today).param("size", "5").with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(5))
                .andExpect(jsonPath("$.content[0].entityType").value("initiative"))
                .andExpect(jsonPath("$.page.totalElements").value(org.hamcrest.Matchers.greaterThanOrEqualTo(11)));
        mvc.perform(get("/api/v1/audit").param("from", "2024-12-31").param("to", "2024-01-01").with(admin()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/audit").with(as("page-leader"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(as("page-leader"))).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("您无权对此事项进行该操作。")));
    }
}
