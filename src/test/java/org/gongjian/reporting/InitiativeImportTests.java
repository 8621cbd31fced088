package org.gongjian.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.reporting.Workbooks.row;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.programme.InitiativeData;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeData;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.TargetData;
import org.gongjian.programme.TargetManagement;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The programme office keeps its key-task ledger (重点工作任务台账) in Excel: an exported ledger is imported
 * into a programme as the same initiatives and targets; an edited one updates and adds; a bad one writes
 * nothing and comes back marked; only the office may import it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ReportingFixtures
class InitiativeImportTests {

    static final List<String> INITIATIVE_HEADERS = List.of("编号", "标题", "领域", "牵头单位", "责任单位", "开始日期",
            "结束日期", "状态", "概述");
    static final List<String> TARGET_HEADERS = List.of("任务编号", "指标编码", "指标名称", "计量单位", "方向", "基期值",
            "基期日期", "目标值", "目标上限", "目标限定", "完成时限", "备注");

    /** How many targets the Kaiping demo seed holds (initiatives: 11). */
    static final int KAIPING_TARGETS = 46;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired ProgrammeManagement programmes;
    @Autowired TargetManagement targets;
    @Autowired UserDetailsService users;

    static RequestPostProcessor admin() {
        return httpBasic("admin", "test-admin-secret");
    }

    @BeforeEach
    void clerk() {
        if (accounts.findByUsername("chishui-clerk").isEmpty()) {
            accounts.create("chishui-clerk", "赤水镇填报员", "staff-secret-1", organisation.unit("chishui").id(),
                    Set.of(Role.UNIT_STAFF));
        }
    }

    /** An empty programme with the Kaiping programme's fields and categories, under another code. */
    Programme emptyCopyOfKaiping(String code) {
        var admin = users.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            ProgrammeData k = programmes.programme("kaiping-2024").data();
            return programmes.createProgramme(new ProgrammeData(code, k.year(), k.title(), k.subtitle(), k.theme(),
                    k.leadText(), k.credits(), k.startDate(), k.endDate(), k.slogans(), k.categories()));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    byte[] export(String programme) throws Exception {
        return mvc.perform(get("/api/v1/programmes/" + programme + "/initiatives.xlsx").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    ResultActions upload(String programme, byte[] file, String name, RequestPostProcessor who) throws Exception {
        return mvc.perform(multipart("/api/v1/programmes/" + programme + "/imports/initiatives")
                .file(new MockMultipartFile("file", name, "application/octet-stream", file)).with(who));
    }

    /** The messages of a sheet row in the response include one that matches. */
    static ResultMatcher says(String sheet, int row, Matcher<String> message) {
        return jsonPath("$.errors[?(@.sheet == '" + sheet + "' && @.row == " + row + ")].messages[*]").value(hasItem(message));
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void the_exported_ledger_imported_into_another_programme_gives_the_same_initiatives_and_targets() throws Exception {
        emptyCopyOfKaiping("kaiping-copy");
        byte[] original = export("kaiping-2024");
        upload("kaiping-copy", original, "台账.xlsx", admin()).andExpect(status().isOk())
                .andExpect(jsonPath("$.changes.initiativesCreated").value(11))
                .andExpect(jsonPath("$.changes.targetsCreated").value(KAIPING_TARGETS))
                .andExpect(jsonPath("$.changes.unchanged").value(0))
                .andExpect(jsonPath("$.written").value(11 + KAIPING_TARGETS));
        byte[] copy = export("kaiping-copy");
        assertThat(Workbooks.shown(copy, "攻坚任务", 9)).isEqualTo(Workbooks.shown(original, "攻坚任务", 9));
        assertThat(Workbooks.shown(copy, "指标", 12)).as("the target columns, without the latest values")
                .isEqualTo(Workbooks.shown(original, "指标", 12));

        Programme kaiping = programmes.programme("kaiping-2024");
        Programme imported = programmes.programme("kaiping-copy");
        List<InitiativeData> before = programmes.initiatives(kaiping).stream().map(programmes::data).toList();
        List<InitiativeData> after = programmes.initiatives(imported).stream().map(programmes::data).toList();
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).usingRecursiveComparison()
                    .comparingOnlyFields("number", "title", "category", "leadUnit", "coUnits", "summary", "startDate",
                            "endDate", "status")
                    .isEqualTo(before.get(i));
        }
        List<TargetData> kaipingTargets = targets.targets(kaiping).stream().map(targets::data).toList();
        List<TargetData> importedTargets = targets.targets(imported).stream().map(targets::data).toList();
        assertThat(importedTargets).usingRecursiveFieldByFieldElementComparatorOnFields("code", "name", "unit",
                        "direction", "baselineValue", "baselineDate", "targetValue", "targetValueMax", "targetQualifier",
                        "deadline", "note")
                .isEqualTo(kaipingTargets);
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'initiative-import'"
                + " and entity_id = 'kaiping-copy/台账.xlsx'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_unchanged_export_imported_into_its_own_programme_changes_nothing() throws Exception {
        long audited = programmeAudit();
        String versions = jdbc.sql("select sum(version) || '/' || (select sum(version) from programme_target) "
                + "from programme_initiative").query(String.class).single();
        upload("kaiping-2024", export("kaiping-2024"), "原样.xlsx", admin()).andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(0))
                .andExpect(jsonPath("$.changes.unchanged").value(11 + KAIPING_TARGETS));
        assertThat(jdbc.sql("select sum(version) || '/' || (select sum(version) from programme_target) "
                + "from programme_initiative").query(String.class).single()).isEqualTo(versions);
        assertThat(programmeAudit()).as("only the import's own entry").isEqualTo(audited + 1);
    }

    @Test
    void an_edited_ledger_updates_and_adds_and_keeps_what_the_sheets_do_not_carry() throws Exception {
        Programme copy = emptyCopyOfKaiping("kaiping-edit");
        upload("kaiping-edit", export("kaiping-2024"), "台账.xlsx", admin()).andExpect(status().isOk());
        InitiativeData six = programmes.data(programmes.initiative(copy, 6));
        byte[] edited = Workbooks.xlsx(
                new Workbooks.SheetSpec("攻坚任务", "2024年重点改革攻坚任务", INITIATIVE_HEADERS, List.of(
                        row("示例", "示例任务", "交通", "交通运输局", "", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "推进中", ""),
                        row(6, "预制菜产业提质增效（修订）", six.category(), "开平市工业和信息化局", "赤水镇、金鸡镇", six.startDate(), six.endDate(),
                                "已完成", "年中调整"),
                        row(5, "新增：数字政府改革", programmes.programme("kaiping-edit").categories().get(0).name(), "kaiping",
                                "", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 12, 31), "", null))),
                new Workbooks.SheetSpec("指标", null, TARGET_HEADERS, List.of(
                        row(5, "digital.services", "一网通办事项", "项", "上升", 100, LocalDate.of(2024, 3, 1), 300, null, "超",
                                LocalDate.of(2024, 12, 31), null),
                        row(3, "hydrogen.investment", "示范基地累计完成投资", "亿元", "上升", 0, LocalDate.of(2024, 5, 22), 70, null,
                                "约", LocalDate.of(2030, 12, 31), "上调"))));
        upload("kaiping-edit", edited, "调整.xlsx", admin()).andExpect(status().isOk())
                .andExpect(jsonPath("$.changes.initiativesCreated").value(1))
                .andExpect(jsonPath("$.changes.initiativesUpdated").value(1))
                .andExpect(jsonPath("$.changes.targetsCreated").value(1))
                .andExpect(jsonPath("$.changes.targetsUpdated").value(1));

        InitiativeData updated = programmes.data(programmes.initiative(copy, 6));
        assertThat(updated.title()).isEqualTo("预制菜产业提质增效（修订）");
        assertThat(updated.leadUnit()).as("a unit by its full name").isEqualTo("industry-it");
        assertThat(updated.status()).isEqualTo(InitiativeStatus.COMPLETED);
        assertThat(updated.coUnits()).containsExactly("chishui", "jinji");
        assertThat(updated.tags()).as("tags are not in the sheet and stay").isEqualTo(six.tags());
        assertThat(updated.figures()).isEqualTo(six.figures());
        InitiativeData added = programmes.data(programmes.initiative(copy, 5));
        assertThat(added.status()).as("a new initiative without a status has not started").isEqualTo(InitiativeStatus.NOT_STARTED);
        assertThat(added.leadUnit()).isEqualTo("kaiping");
        TargetData investment = targets.data(targets.target(copy, "hydrogen.investment"));
        assertThat(investment.targetValue()).as("亿元 converted to 元").isEqualByComparingTo("7000000000");
        assertThat(investment.note()).isEqualTo("上调");
        assertThat(targets.target(copy, "digital.services").initiativeId()).isEqualTo(programmes.initiative(copy, 5).id());
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'initiative' and action = 'UPDATE'"
                + " and entity_id = 'kaiping-edit/6'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_ledger_with_bad_rows_writes_nothing_and_comes_back_naming_each_rows_problem() throws Exception {
        emptyCopyOfKaiping("kaiping-bad");
        String category = programmes.programme("kaiping-bad").categories().get(0).name();
        byte[] bad = Workbooks.xlsx(
                new Workbooks.SheetSpec("攻坚任务", "2024年重点改革攻坚任务", INITIATIVE_HEADERS, List.of(
                        row(1, "好的一项", category, "赤水镇", "", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "推进中", null),
                        row(2, "领域不对", "航天", "赤水镇", "", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null, null),
                        row(3, "单位不对", category, "火星镇", "赤水镇、月球局", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null, null),
                        row(4, "日期倒了", category, "赤水镇", "赤水镇", LocalDate.of(2024, 12, 31), LocalDate.of(2024, 1, 1), "进行中", null),
                        row(7.5, "=1+1", category, "赤水镇", "", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null, null))),
                new Workbooks.SheetSpec("指标", null, TARGET_HEADERS, List.of(
                        row(1, "ok.target", "好的指标", "个", "上升", null, null, 10, null, null, LocalDate.of(2024, 12, 31), null),
                        row(1, "baseline.half", "基期只填一半", "个", "上升", 5, null, 10, null, null, LocalDate.of(2024, 12, 31), null),
                        row(99, "no.initiative", "任务不存在", "个", "上升", null, null, 10, null, null, LocalDate.of(2024, 12, 31), null),
                        row(1, "ok.target", "编码重复", "个", "上升", null, null, 10, null, null, LocalDate.of(2024, 12, 31), null),
                        row(1, "Bad Code", "编码不合规", "斤", "向上", null, null, "约10", null, null, LocalDate.of(2024, 12, 31), null),
                        row(2, "echo.target", "任务行有错", "个", "上升", null, null, 10, null, null, LocalDate.of(2024, 12, 31), null))));
        long initiatives = count("programme_initiative");
        long targetCount = count("programme_target");
        String body = upload("kaiping-bad", bad, "有错.xlsx", admin()).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.written").value(0))
                .andExpect(says("攻坚任务", 4, containsString("领域：领域“航天”不在本方案中")))
                .andExpect(says("攻坚任务", 5, equalTo("牵头单位：找不到单位“火星镇”：请填写单位简称、全称或编码。")))
                .andExpect(says("攻坚任务", 5, equalTo("责任单位：找不到单位“月球局”：请填写单位简称、全称或编码。")))
                .andExpect(says("攻坚任务", 6, containsString("状态：“进行中”无法识别，可选：未启动、推进中、已完成、已暂停")))
                .andExpect(says("攻坚任务", 7, equalTo("编号：“7.5”不是整数。")))
                .andExpect(says("攻坚任务", 7, equalTo("标题：不接受公式，请复制后“选择性粘贴—数值”。")))
                .andExpect(says("指标", 3, equalTo("基期日期：基期值与基期日期须同时填写或同时留空。")))
                .andExpect(says("指标", 4, equalTo("任务编号：攻坚任务 kaiping-bad 第99项不存在。")))
                .andExpect(says("指标", 5, equalTo("指标编码：重复的值：ok.target")))
                .andExpect(says("指标", 6, containsString("计量单位：计量单位“斤”无法识别")))
                .andExpect(says("指标", 6, containsString("方向：“向上”无法识别")))
                .andExpect(says("指标", 6, containsString("目标值：“约10”不是数字")))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).as("a target of a row that failed to read is not reported again as of an unknown task")
                .doesNotContain("第2项不存在");
        List<Integer> initiativeRows = JsonPath.read(body, "$.errors[?(@.sheet == '攻坚任务')].row");
        assertThat(initiativeRows).containsExactly(4, 5, 6, 7);
        assertThat(count("programme_initiative")).isEqualTo(initiatives);
        assertThat(count("programme_target")).isEqualTo(targetCount);

        String id = JsonPath.read(body, "$.errorFileId");
        byte[] marked = mvc.perform(get("/api/v1/imports/errors/" + id + ".xlsx").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> tasks = Workbooks.shown(marked, "攻坚任务", 10);
        assertThat(tasks.get(1).get(9)).isEqualTo("错误说明");
        assertThat(tasks.get(2).get(9)).isEmpty();
        assertThat(tasks.get(3).get(9)).contains("航天");
        List<List<String>> rows = Workbooks.shown(marked, "指标", 13);
        assertThat(rows.get(0).get(12)).isEqualTo("错误说明");
        assertThat(rows.get(2).get(12)).contains("基期值与基期日期");
    }

    @Test
    void on_the_import_page_the_office_sees_what_changed_and_a_unit_is_told_the_ledger_is_the_offices() throws Exception {
        emptyCopyOfKaiping("kaiping-page");
        byte[] ledger = export("kaiping-2024");
        mvc.perform(multipart("/reports/kaiping-page/import").file(new MockMultipartFile("file", "台账.xlsx", null, ledger))
                        .param("kind", "initiatives").with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入成功：共写入 " + (11 + KAIPING_TARGETS) + " 行。")))
                .andExpect(content().string(containsString("新增任务 11 项、更新 0 项；新增指标 " + KAIPING_TARGETS
                        + " 个、更新 0 个")));
        mvc.perform(multipart("/reports/kaiping-page/import").file(new MockMultipartFile("file", "台账.xlsx", null, ledger))
                        .param("kind", "initiatives").with(user(users.loadUserByUsername("chishui-clerk"))).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("只有改革办（管理员）可以导入攻坚任务和指标")));
    }

    @Test
    void only_the_programme_office_imports_initiatives_and_a_refusal_is_audited() throws Exception {
        long denied = jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and entity_type = 'initiative-import'")
                .query(Long.class).single();
        long initiatives = count("programme_initiative");
        upload("kaiping-2024", export("kaiping-2024"), "越权.xlsx", httpBasic("chishui-clerk", "staff-secret-1"))
                .andExpect(status().isForbidden());
        assertThat(count("programme_initiative")).isEqualTo(initiatives);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and entity_type = 'initiative-import'")
                .query(Long.class).single()).isEqualTo(denied + 1);
    }

    /** Audit entries of the programme's own records (other modules' background work writes its own entries meanwhile). */
    private long programmeAudit() {
        return jdbc.sql("select count(*) from audit_entry where entity_type in ('programme', 'initiative', 'target', "
                + "'milestone', 'initiative-import')").query(Long.class).single();
    }
}
