package org.gongjian.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.programme.Direction;
import org.gongjian.programme.InitiativeData;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.NewMeasurement;
import org.gongjian.programme.ProgrammeData;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.TargetData;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A programme set up in the current month with one target well behind time (滞后, led by 赤水镇), one past
 * its deadline (逾期) and one on track: the monthly bulletin counts them by status, lists the lagging ones
 * with their lead unit, reports the notices raised and answered in the month and the status that changed
 * since last month; the targets export gives each target its status.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ReportingFixtures
class BulletinStatusTests {

    static final String CODE = "bulletin-status";

    @Autowired MockMvc mvc;
    @Autowired ProgrammeManagement programmes;
    @Autowired TargetManagement targets;
    @Autowired NoticeManagement notices;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired Clock clock;

    static boolean ready;
    YearMonth month;
    LocalDate lateDeadline;

    @BeforeEach
    void programme() throws Exception {
        month = YearMonth.now(clock);
        lateDeadline = month.minusMonths(1).atDay(20);
        if (ready) {
            return;
        }
        ready = true;
        if (accounts.findByUsername("chishui-clerk").isEmpty()) {
            accounts.create("chishui-clerk", "赤水镇填报员", "staff-secret-1", organisation.unit("chishui").id(),
                    Set.of(Role.UNIT_STAFF));
        }
        LocalDate start = month.minusMonths(9).atDay(1);
        LocalDate end = month.plusMonths(3).atEndOfMonth();
        asAdminDo(() -> {
            var k = programmes.programme("kaiping-2024").data();
            String category = k.categories().get(0).code();
            programmes.createProgramme(new ProgrammeData(CODE, month.getYear(), "简报测试", null, "简报测试年", null, null,
                    start, end, List.of(), k.categories()));
            programmes.createInitiative(CODE, initiative(1, "推进企业开办便利化", category, "chishui", start, end));
            programmes.createInitiative(CODE, initiative(2, "推进农村人居环境整治", category, "jinji", start, end));
            targets.create(CODE, 1, target("slow", "企业开办一网通办事项", start, end));
            targets.create(CODE, 1, target("late", "惠企政策兑现事项", start, lateDeadline));
            targets.create(CODE, 2, target("good", "村庄整治达标数", start, end));
            targets.report(CODE, "slow", new NewMeasurement(new BigDecimal("5"), month.atDay(1), null, null));
            targets.report(CODE, "late", new NewMeasurement(new BigDecimal("50"), month.minusMonths(1).atDay(10), null, null));
            targets.report(CODE, "good", new NewMeasurement(new BigDecimal("90"), month.atDay(1), null, null));
        });
        // The status engine raises at once one notice to 赤水镇 listing both targets off track or overdue (slow, late).
        await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(1))
                .until(() -> asAdmin(() -> notices.programmeNotices(CODE).size()) == 1);
        long id = asAdmin(() -> notices.raise(CODE, new NoticeManagement.ManualNotice("chishui", 1, "请加快企业开办改革进度",
                "企业开办一网通办事项完成5%，明显落后于时间进度。", null, NoticeLevel.SUPERVISE, null)).id());
        mvc.perform(multipart("/api/v1/notices/" + id + "/answer").param("text", "已制定追赶计划，下月完成过半。")
                .with(httpBasic("chishui-clerk", "staff-secret-1"))).andExpect(status().isOk());
    }

    @Test
    void the_bulletin_counts_items_by_status_names_the_lagging_target_with_its_unit_and_the_months_notices()
            throws Exception {
        String md = new String(mvc.perform(get("/api/v1/programmes/" + CODE + "/bulletin")
                        .param("month", month.toString()).param("format", "md")
                        .header("Accept-Language", "zh-CN").with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(md).contains("全年重点改革攻坚任务共2项，截至月底：正常1项、逾期1项。",
                "设定量化指标3个：正常1个、滞后1个、逾期1个；已填报进展3个。",
                "| 任务 | 1 | 0 | 0 | 1 | 0 | 0 | 2 |", "| 指标 | 1 | 0 | 1 | 1 | 0 | 0 | 3 |",
                "![量化指标状态分布（个）](data:image/png;base64,");
        assertThat(md).as("the reported targets average (5% + 50% + 90%) / 3").contains("| 48.3% |");
        assertThat(md).contains("截至月底，滞后事项1项、逾期事项1项，另有预警事项0项。",
                "| 1 | 指标 | 企业开办一网通办事项 | 滞后 | 赤水镇 | 完成5.0%，",
                "| 1 | 指标 | 惠企政策兑现事项 | 逾期 | 赤水镇 | 目标100项，现为50项；");
        LocalDate asOf = LocalDate.now(clock);   // the month's end, or today while the month runs
        assertThat(md).contains("逾期" + ChronoUnit.DAYS.between(lateDeadline, asOf) + "天 |");
        assertThat(md).as("one combined notice the engine raised, one by hand; the town answered that one")
                .contains("本月发出督办单2件，收到责任单位答复1件，办结（销号）0件；截至月底，待责任单位答复1件，已答复待审核1件。",
                        "| 赤水镇 | 请加快企业开办改革进度 |", "| 已反馈待审核 |");
        assertThat(md).as("the slow target had no figure at the end of last month")
                .contains("与上月底相比，3项事项状态发生变化，其中好转2项、转差1项。",
                        "| 1 | 指标 | 企业开办一网通办事项 | 无数据 | 滞后 | 赤水镇 |",
                        "| 2 | 任务 | 推进农村人居环境整治 | 无数据 | 正常 | 金鸡镇 |");
        assertThat(md).containsSubsequence("### 一、总体进展", "### 二、进度与时间进度对比（按领域）", "### 三、滞后和逾期事项",
                "### 四、督办情况", "### 五、进度排名", "### 六、状态变化（与上月底相比）", "### 七、本月工作进展",
                "本月填报进展数据2条，涉及2项任务，分任务列表如下。", "任务1“推进企业开办便利化”本月填报进展**",
                "| 企业开办一网通办事项 | 5项 | 11月1日 |".replace("11月1日", month.getMonthValue() + "月1日"));
        assertThat(md).as("the month's figures are a table per initiative, not a line each").doesNotContain("填报进展：截至");
    }

    @Test
    void the_targets_export_gives_each_target_its_status_today() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/v1/programmes/" + CODE + "/initiatives.xlsx")
                        .with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("指标");
            DataFormatter cells = new DataFormatter();
            List<String> header = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(cells.formatCellValue(c)));
            assertThat(header).endsWith("最新值", "最新日期", "完成率(%)", "计划值", "时间进度(%)", "状态");
            Map<String, Row> byCode = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                byCode.put(cells.formatCellValue(sheet.getRow(r).getCell(1)), sheet.getRow(r));
            }
            int status = header.indexOf("状态");
            int progress = header.indexOf("完成率(%)");
            assertThat(cells.formatCellValue(byCode.get("slow").getCell(status))).isEqualTo("滞后");
            assertThat(cells.formatCellValue(byCode.get("slow").getCell(progress))).isEqualTo("5");
            assertThat(cells.formatCellValue(byCode.get("late").getCell(status))).isEqualTo("逾期");
            assertThat(cells.formatCellValue(byCode.get("good").getCell(status))).isEqualTo("正常");
        }
    }

    @Test
    void the_notices_export_lists_the_months_notices_with_their_unit_level_and_state() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/v1/programmes/" + CODE + "/notices.xlsx")
                        .with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("督办单");
            DataFormatter cells = new DataFormatter();
            List<String> header = new java.util.ArrayList<>();
            sheet.getRow(1).forEach(c -> header.add(cells.formatCellValue(c)));
            assertThat(header).startsWith("编号", "级别", "状态", "触发原因", "事项", "责任单位");
            assertThat(sheet.getLastRowNum()).as("title, header and two notices").isEqualTo(3);
            List<List<String>> rows = new java.util.ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                List<String> row = new java.util.ArrayList<>();
                sheet.getRow(r).forEach(c -> row.add(cells.formatCellValue(c)));
                rows.add(row);
            }
            assertThat(rows).anySatisfy(row -> assertThat(row.subList(1, 6))
                    .containsExactly("督办", "已反馈待审核", "人工督办", "请加快企业开办改革进度", "赤水镇"));
        }
    }

    static InitiativeData initiative(int number, String title, String category, String unit, LocalDate start,
            LocalDate end) {
        return new InitiativeData(number, title, category, unit, false, List.of(), null, start, end,
                InitiativeStatus.IN_PROGRESS, List.of(), List.of(), List.of());
    }

    static TargetData target(String code, String name, LocalDate start, LocalDate deadline) {
        return new TargetData(code, name, UnitOfMeasure.ITEMS, Direction.UP, BigDecimal.ZERO, start, new BigDecimal("100"),
                null, Qualifier.EXACT, deadline, false, null, null, null, List.of());
    }

    <T> T asAdmin(java.util.concurrent.Callable<T> work) throws Exception {
        var admin = users.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void asAdminDo(ThrowingRunnable work) throws Exception {
        asAdmin(() -> {
            work.run();
            return null;
        });
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
