package org.gongjian.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.programme.IndicatorObserved;
import org.gongjian.projects.KeyProject.Category;
import org.gongjian.projects.KeyProject.Funding;
import org.gongjian.projects.KeyProject.Level;
import org.gongjian.projects.KeyProject.Nature;
import org.gongjian.projects.KeyProject.Source;
import org.gongjian.projects.ProjectMilestones.MilestoneKind;
import org.gongjian.projects.KeyProjects.NewProject;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LedgerItemCleared;
import org.gongjian.shared.LedgerItemOverdue;
import org.gongjian.shared.UnitOfMeasure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/** The key-projects ledger's rules, on H2 and on PostgreSQL: register, reports and their review, scope, problems, figures. */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
@RecordApplicationEvents
abstract class ProjectsContract {

    static final BigDecimal WAN = new BigDecimal("10000");

    @Autowired KeyProjects projects;
    @Autowired ProjectMilestones steps;
    @Autowired ProgressReports reports;
    @Autowired CoordinationProblems problems;
    @Autowired ProjectIndicators indicators;
    @Autowired ProjectWorkbooks workbooks;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired ApplicationEvents events;

    final YearMonth month = YearMonth.now().minusMonths(1);

    @BeforeEach
    void staff() {
        accounts.create("t-dr", "发展改革局", "staff-secret-1", organisation.unit("development-reform").id(), Set.of(Role.UNIT_STAFF));
        accounts.create("t-chikan", "赤坎镇填报员", "staff-secret-1", organisation.unit("chikan").id(), Set.of(Role.UNIT_STAFF));
        accounts.create("t-tangkou", "塘口镇填报员", "staff-secret-1", organisation.unit("tangkou").id(), Set.of(Role.UNIT_STAFF));
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    void as(String username) {
        UserDetails u = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
    }

    static BigDecimal wan(long w) {
        return BigDecimal.valueOf(w).multiply(WAN);
    }

    static NewProject project(String code, BigDecimal land, UnitOfMeasure landUnit, String element) {
        return new NewProject(code, "测试重点项目" + code.substring(code.length() - 3), EnumSet.of(Level.CITY), Category.INDUSTRY,
                Nature.CONTINUING, "制造业", "chikan", null, null, "chikan", null, land, landUnit, wan(12000), wan(600),
                YearMonth.now().getYear() - 1, YearMonth.now().getYear() + 2, null, null, null, element,
                List.of(new Funding(Source.SELF_RAISED, wan(8000)), new Funding(Source.LOAN, wan(4000))));
    }

    KeyProject registered(String code) {
        as("t-dr");
        KeyProject p = projects.register(project(code, new BigDecimal("800"), UnitOfMeasure.HECTARES, "test.element"), false);
        projects.setPlan(p.id(), month.getYear(), wan(1200), null, List.of());
        return p;
    }

    @Test
    void a_project_is_registered_with_its_land_converted_exactly_and_a_bad_code_is_refused() {
        KeyProject p = registered("2024-440783-99-01-000101");
        assertThat(p.landMu()).as("800 公顷 = 12000 亩").isEqualByComparingTo("12000");
        assertThat(p.landHectares()).isEqualByComparingTo("800");
        assertThat(p.funding()).hasSize(2);
        assertThatThrownBy(() -> projects.register(project("2024-440783-99-01-00010", BigDecimal.ONE, UnitOfMeasure.MU, ""), false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(InvalidInputException.Violation::field).contains("code"));
        assertThatThrownBy(() -> projects.register(project("2024-440783-99-01-000101", BigDecimal.ONE, UnitOfMeasure.MU, ""), false))
                .as("the same code twice").isInstanceOf(InvalidInputException.class);
        NewProject unbalanced = new NewProject("2024-440783-99-01-000102", "资金不平衡", EnumSet.of(Level.CITY), Category.INDUSTRY,
                Nature.RESERVE, null, "chikan", null, "91440783MA00000000", "chikan", "nobody-here", null, null, wan(100), null,
                2024, 2026, null, null, null, "Bad Element", List.of(new Funding(Source.LOAN, wan(50))));
        assertThatThrownBy(() -> projects.register(unbalanced, false)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(InvalidInputException.Violation::field)
                        .contains("funding", "ownerUscc", "leader", "layoutElement"));
    }

    @Test
    void only_the_office_registers_and_a_towns_staff_report_only_their_own_projects() {
        as("t-chikan");
        assertThatThrownBy(() -> projects.register(project("2024-440783-99-01-000103", BigDecimal.ONE, UnitOfMeasure.MU, ""), false))
                .isInstanceOf(AccessDeniedException.class);
        KeyProject p = registered("2024-440783-99-01-000104");
        as("t-tangkou");
        assertThatThrownBy(() -> reports.save(p.id(), month, new ProgressReports.Entry(wan(100), "桩基施工", null, null), List.of(), true))
                .as("another town's staff, with the project's id forged").isInstanceOf(AccessDeniedException.class);
        as("t-chikan");
        ProgressReports.Report r = reports.save(p.id(), month, new ProgressReports.Entry(wan(100), "桩基施工", null, null), List.of(), true);
        assertThatThrownBy(() -> reports.review(r.id(), null)).as("a town does not review its own report")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_month_counts_once_reviewed_and_a_returned_report_does_not_count() {
        KeyProject p = registered("2024-440783-99-01-000105");
        as("t-chikan");
        ProgressReports.Report r = reports.save(p.id(), month, new ProgressReports.Entry(wan(300), "主体钢结构吊装", "用电增容", "设备进场"),
                List.of(), true);
        assertThat(r.status()).isEqualTo(ProgressReports.Status.SUBMITTED);
        assertThat(reports.progress(p, month).yearToDate()).as("submitted, not yet reviewed").isEqualByComparingTo("0");
        as("t-dr");
        reports.review(r.id(), null);
        Progress counted = reports.progress(p, month);
        assertThat(counted.yearToDate()).isEqualByComparingTo(wan(300));
        assertThat(counted.sinceStart()).as("600万 before, 300万 now").isEqualByComparingTo(wan(900));
        assertThat(counted.ytdPercent()).isEqualByComparingTo("25.00");
        reports.sendBack(r.id(), "投资额与形象进度不符，请核实", null);
        assertThat(reports.progress(p, month).yearToDate()).as("returned").isEqualByComparingTo("0");
        assertThat(reports.curve(p, month.getYear())).allSatisfy(c -> assertThat(c.actual()).isNull());
        as("t-chikan");
        reports.save(p.id(), month, new ProgressReports.Entry(wan(250), "主体钢结构吊装完成60%", null, null), List.of(), true);
        as("t-dr");
        reports.publish(reports.review(r.id(), null).id(), null);
        assertThat(reports.progress(p, month).yearToDate()).isEqualByComparingTo(wan(250));
        assertThat(reports.curve(p, month.getYear()).get(month.getMonthValue() - 1).actual()).isEqualByComparingTo(wan(250));
    }

    @Test
    void a_report_is_due_working_days_after_its_month_and_late_when_not_in_by_then() {
        KeyProject p = registered("2024-440783-99-01-000106");
        LocalDate due = reports.dueOn(month);
        assertThat(due).isAfter(month.atEndOfMonth()).isBefore(month.atEndOfMonth().plusDays(15));
        as("t-chikan");
        ProgressReports.Report draft = reports.save(p.id(), month, new ProgressReports.Entry(wan(10), "场地平整", null, null),
                List.of(), false);
        assertThat(draft.status()).isEqualTo(ProgressReports.Status.DRAFT);
        assertThat(draft.overdue(due)).isFalse();
        assertThat(draft.overdue(due.plusDays(1))).as("still a draft after the deadline").isTrue();
    }

    @Test
    void photos_must_be_jpg_or_png_by_their_content() {
        KeyProject p = registered("2024-440783-99-01-000107");
        as("t-chikan");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
        assertThatThrownBy(() -> reports.save(p.id(), month, new ProgressReports.Entry(wan(10), "场地平整", null, null),
                List.of(new ProgressReports.PhotoUpload("site.jpg", "not a photo".getBytes())), false))
                .isInstanceOf(InvalidInputException.class);
        ProgressReports.Report r = reports.save(p.id(), month, new ProgressReports.Entry(wan(10), "场地平整", null, null),
                List.of(new ProgressReports.PhotoUpload("site.jpg", jpeg)), false);
        assertThat(reports.photos(r.id())).singleElement().satisfies(ph -> assertThat(ph.contentType()).isEqualTo("image/jpeg"));
    }

    @Test
    void milestones_keep_their_order() {
        KeyProject p = registered("2024-440783-99-01-000108");
        LocalDate started = LocalDate.now().minusMonths(3);
        steps.setMilestone(p.id(), MilestoneKind.STARTED, started, started, null);
        assertThatThrownBy(() -> steps.setMilestone(p.id(), MilestoneKind.SIGNED, null, started.plusDays(1), null))
                .as("signed after the start").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> steps.setMilestone(p.id(), MilestoneKind.TOPPED_OUT, null, started.minusDays(1), null))
                .as("topped out before the start").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> steps.setMilestone(p.id(), MilestoneKind.COMPLETED, null, LocalDate.now().plusDays(1), null))
                .as("done in the future").isInstanceOf(InvalidInputException.class);
        steps.setMilestone(p.id(), MilestoneKind.STATS_INCLUDED, null, started.minusDays(10), "纳统不在顺序中");
        assertThat(steps.milestones(p.id())).extracting(ProjectMilestones.Milestone::kind)
                .containsExactly(MilestoneKind.STARTED, MilestoneKind.STATS_INCLUDED);
    }

    @Test
    void an_overdue_problem_is_reported_once_and_cleared_when_resolved() {
        KeyProject p = registered("2024-440783-99-01-000109");
        CoordinationProblems.Problem q = problems.raise(p.id(), "施工用电增容未批复", "chikan", LocalDate.now().plusDays(3));
        assertThat(problems.sweep(LocalDate.now())).isZero();
        problems.sweep(q.dueOn().plusDays(1));
        problems.sweep(q.dueOn().plusDays(2));
        List<LedgerItemOverdue> overdue = events.stream(LedgerItemOverdue.class).filter(o -> o.itemKey().equals(q.key())).toList();
        assertThat(overdue).singleElement().satisfies(o -> {
            assertThat(o.ledger()).isEqualTo("projects");
            assertThat(o.unitCode()).isEqualTo("chikan");
            assertThat(o.link()).isEqualTo("/projects/" + p.id());
            assertThat(o.due()).isEqualTo(q.dueOn());
        });
        problems.resolve(q.id(), "供电局已批复增容方案", null);
        assertThat(events.stream(LedgerItemCleared.class).filter(c -> c.itemKey().equals(q.key()))).hasSize(1);
    }

    @Test
    void the_feed_publishes_investment_land_and_starts_per_town_element_and_city_once() {
        KeyProject p = registered("2024-440783-99-01-000110");
        LocalDate start = month.atDay(1);
        steps.setMilestone(p.id(), MilestoneKind.LAND_SUPPLIED, start, start, null);
        steps.setMilestone(p.id(), MilestoneKind.STARTED, start, start, null);
        as("t-chikan");
        ProgressReports.Report r = reports.save(p.id(), month, new ProgressReports.Entry(wan(300), "桩基施工", null, null), List.of(), true);
        as("t-dr");
        reports.review(r.id(), null);
        LocalDate today = LocalDate.now();
        indicators.publish(today);
        LocalDate asOf = month.atEndOfMonth();
        assertThat(observed("projects.investment-completed@test.element", null, asOf)).as("the element: 600万 before + 300万")
                .isEqualByComparingTo(wan(900));
        assertThat(observed("projects.investment-completed", "chikan", asOf)).as("the town, which has no demo project")
                .isEqualByComparingTo(wan(900));
        assertThat(observed("projects.land-developed-ha@test.element", null, asOf)).isEqualByComparingTo("800");
        assertThat(observed("projects.started", "chikan", asOf)).isEqualByComparingTo("1");
        long before = events.stream(IndicatorObserved.class).count();
        indicators.publish(today);
        assertThat(events.stream(IndicatorObserved.class).count()).as("unchanged figures are not published again").isEqualTo(before);
    }

    @Test
    void the_monthly_table_is_exported_and_imported_all_or_none_with_every_rows_errors() throws Exception {
        KeyProject p = registered("2024-440783-99-01-000111");
        byte[] exported = workbooks.export(month);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(exported))) {
            var sheet = book.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                found |= row.getCell(0) != null && p.code().equals(row.getCell(0).getStringCellValue());
            }
            assertThat(found).as("the project's line in the export").isTrue();
        }
        List<Object> good = List.of(p.code(), month.toString(), 120, "桩基施工完成40%");
        List<Object> bad = List.of("2024-440783-99-01-999999", "2024-13", "一百", "");
        java.nio.file.Path file = xlsx(List.of(good, bad));
        ProjectWorkbooks.Result refused = workbooks.importProgress(file);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.written()).isZero();
        assertThat(refused.errors()).containsOnlyKeys(3);
        assertThat(refused.errors().get(3)).hasSize(4);
        assertThat(refused.errorFileId()).isNotNull();
        assertThat(reports.report(p.id(), month)).as("nothing written while a row is wrong").isNull();
        ProjectWorkbooks.Result done = workbooks.importProgress(xlsx(List.of(good)));
        assertThat(done.ok()).isTrue();
        assertThat(done.written()).isEqualTo(1);
        ProgressReports.Report r = reports.report(p.id(), month);
        assertThat(r.status()).isEqualTo(ProgressReports.Status.SUBMITTED);
        assertThat(r.thisMonth()).isEqualByComparingTo(wan(120));
        as("t-chikan");
        assertThatThrownBy(() -> workbooks.importProgress(xlsx(List.of(good)))).as("the office imports")
                .isInstanceOf(AccessDeniedException.class);
    }

    static java.nio.file.Path xlsx(List<List<Object>> rows) throws java.io.IOException {
        try (org.gongjian.reporting.excel.XlsxWriter out = new org.gongjian.reporting.excel.XlsxWriter()) {
            var sheet = out.sheet("月度进度", null, List.of("项目代码", "月份", "本月完成投资(万元)", "形象进度"), new int[] {});
            for (int i = 0; i < rows.size(); i++) {
                out.row(sheet, i + 1, rows.get(i));
            }
            java.nio.file.Path file = java.nio.file.Files.createTempFile("projects-", ".xlsx");
            java.nio.file.Files.write(file, out.bytes());
            return file;
        }
    }

    private BigDecimal observed(String code, String unit, LocalDate asOf) {
        return events.stream(IndicatorObserved.class)
                .filter(o -> o.indicatorCode().equals(code) && java.util.Objects.equals(o.unitCode(), unit) && o.asOf().equals(asOf))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + code + " for " + unit + " as of " + asOf))
                .value();
    }
}
