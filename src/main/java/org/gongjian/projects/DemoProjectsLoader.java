package org.gongjian.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongjian.audit.AuditLog;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.enterprise.Uscc;
import org.gongjian.projects.KeyProject.Category;
import org.gongjian.projects.KeyProject.Funding;
import org.gongjian.projects.KeyProject.Level;
import org.gongjian.projects.KeyProject.Nature;
import org.gongjian.projects.KeyProject.Source;
import org.gongjian.projects.KeyProjects.NewProject;
import org.gongjian.projects.ProjectMilestones.MilestoneKind;
import org.gongjian.shared.UnitOfMeasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo key-project list, loaded once on the first start of an empty database after the programme demo:
 * the 三埠 hydrogen base (68亿元 on 800 公顷 = 12000亩, in three batches), two food-plan projects and the first
 * batch of GEP-conversion projects started on 2024-08-23 in 赤水镇 and 金鸡镇 (7.3亿元 together, with the
 * national codes the ecology ledger refers to). Plans, monthly reports up to two months ago and milestones are
 * generated from a fixed seed and flagged {@code demo} (「演示」 on the pages), with one open coordination problem
 * (the third batch's forest-land approval); the hydrogen projects name the
 * first-start administrator as 挂点领导, so that 我的项目 shows them. Then the figures are published.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class DemoProjectsLoader implements ApplicationRunner {

    static final String MARKER = "projects/demo-2024";
    private static final Logger log = LoggerFactory.getLogger(DemoProjectsLoader.class);
    private static final BigDecimal YI = new BigDecimal("100000000");

    /** One demo project: code, name, town, element, total (亿元), land (亩), start day, category, owner's name. */
    private record Demo(String code, String name, String town, String element, String totalYi, int landMu, LocalDate start,
            Category category, String owner, String industry, String leader, boolean curve) {
    }

    static final List<Demo> DEMOS = List.of(
            new Demo("2024-440783-34-03-052201", "三埠氢能基地液氢储运装备制造项目（第一批）", "sanbu", "hydrogen.base", "20",
                    1500, LocalDate.of(2024, 5, 22), Category.INDUSTRY, "开平氢能储运装备有限公司", "C3432", "admin", true),
            new Demo("2024-440783-34-03-052202", "三埠氢能基地液氨储运装备项目（第一批）", "sanbu", "hydrogen.base", "15", 1200,
                    LocalDate.of(2024, 5, 22), Category.INDUSTRY, "开平液氨装备科技有限公司", "C3432", "admin", false),
            new Demo("2025-440783-34-03-031503", "三埠氢能基地加氢核心部件项目（第二批）", "sanbu", "hydrogen.base", "13", 900,
                    LocalDate.of(2025, 3, 15), Category.INDUSTRY, "开平氢能部件制造有限公司", "C3449", "admin", false),
            new Demo("2026-440783-34-03-060904", "三埠氢能基地应用示范及配套园区（第三批）", "sanbu", "hydrogen.base", "20", 8400,
                    LocalDate.of(2026, 6, 9), Category.INFRASTRUCTURE, "开平氢能产业园开发有限公司", "E4813", "admin", false),
            new Demo("2024-440783-14-03-071805", "开兰中央厨房米面制品项目", "cuishanhu", "food.park", "2", 60,
                    LocalDate.of(2024, 7, 18), Category.INDUSTRY, "开平开兰食品有限公司", "C1431", "", false),
            new Demo("2024-440783-14-03-090306", "大湾区（江门开平）优质农产品供应及出口基地冷链仓储项目", "yueshan", "food.core", "3",
                    150, LocalDate.of(2024, 9, 3), Category.INDUSTRY, "开平湾区农产品供应链有限公司", "G5960", "", true),
            new Demo("2024-440783-05-03-823001", "赤水镇GEP转化生态产品价值实现项目（第一批）", "chishui", "", "4.1", 300,
                    LocalDate.of(2024, 8, 23), Category.GEP_CONVERSION, "开平赤水生态旅游发展有限公司", "N7712", "", false),
            new Demo("2024-440783-05-03-823002", "金鸡镇GEP转化生态产品价值实现项目（第一批）", "jinji", "", "3.2", 240,
                    LocalDate.of(2024, 8, 23), Category.GEP_CONVERSION, "开平金鸡生态农业发展有限公司", "A0141", "", false));

    private final JdbcClient jdbc;
    private final KeyProjects projects;
    private final ProgressReports reports;
    private final ProjectMilestones steps;
    private final ProjectIndicators indicators;
    private final CoordinationProblems problems;
    private final Enterprises enterprises;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    DemoProjectsLoader(JdbcClient jdbc, KeyProjects projects, ProgressReports reports, ProjectMilestones steps,
            ProjectIndicators indicators,
            CoordinationProblems problems, Enterprises enterprises, AuditLog audit, TransactionTemplate tx, Clock clock,
            @Value("${gongjian.demo.enabled:true}") boolean demo, @Value("${gongjian.demo.projects.enabled:true}") boolean own) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.reports = reports;
        this.steps = steps;
        this.indicators = indicators;
        this.problems = problems;
        this.enterprises = enterprises;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.enabled = demo && own;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Map<String, Integer> counts = tx.execute(status -> {
            boolean done = jdbc.sql("select count(*) from projects_seed where code = :c").param("c", MARKER)
                    .query(Long.class).single() > 0;
            boolean empty = jdbc.sql("select count(*) from projects_project").query(Long.class).single() == 0;
            if (done || !empty) {
                return null;
            }
            try {
                jdbc.sql("insert into projects_seed (code, loaded_at) values (:c, :at)").param("c", MARKER)
                        .param("at", Timestamp.from(Instant.now(clock))).update();
            } catch (DuplicateKeyException raced) {
                return null;
            }
            Map<String, Integer> loaded = load();
            audit.created("projects-demo", MARKER, loaded);
            indicators.publish(LocalDate.now(clock));
            return loaded;
        });
        if (counts != null) {
            log.info("First start: demo key-project list loaded: {}", counts);
        }
    }

    private Map<String, Integer> load() {
        Random random = new Random(20241205L);
        YearMonth lastReported = YearMonth.now(clock).minusMonths(2);
        int reportCount = 0;
        int serial = 0;
        for (Demo d : DEMOS) {
            String uscc = uscc(++serial);
            enterprises.findOrRegister(new EnterpriseData(uscc, d.owner(), d.town(), null, d.industry(), List.of(), true,
                    null, null), true);
            BigDecimal total = new BigDecimal(d.totalYi()).multiply(YI);
            boolean started = !d.start().isAfter(LocalDate.now(clock));
            int endYear = d.start().getYear() + 3;
            KeyProject p = projects.register(new NewProject(d.code(), d.name(),
                    EnumSet.of(Level.CITY, d.category() == Category.INDUSTRY ? Level.PROVINCE : Level.COUNTY), d.category(),
                    started ? Nature.CONTINUING : Nature.NEW_START, industryName(d), d.town(), null, uscc,
                    d.category() == Category.GEP_CONVERSION ? d.town() : "development-reform", d.leader().isEmpty() ? null : d.leader(),
                    BigDecimal.valueOf(d.landMu()), UnitOfMeasure.MU, total, BigDecimal.ZERO, d.start().getYear(), endYear,
                    total.multiply(BigDecimal.valueOf(2)), total.divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP),
                    20 + random.nextInt(400), d.element().isEmpty() ? null : d.element(), funding(total)), true);
            milestones(p, d, random);
            if (d.category() == Category.INFRASTRUCTURE) {
                problems.raise(p.id(), "第三批用地中约600亩林地占用审批未完成，影响配套园区场平施工", "natural-resources", null);
            }
            BigDecimal invested = BigDecimal.ZERO;
            for (int year = d.start().getYear(); year <= Math.min(endYear, lastReported.getYear() + 1); year++) {
                BigDecimal planned = total.subtract(invested).multiply(BigDecimal.valueOf(0.3 + random.nextDouble() * 0.15))
                        .setScale(-4, RoundingMode.HALF_UP).setScale(2);
                int firstMonth = year == d.start().getYear() ? d.start().getMonthValue() : 1;
                List<BigDecimal> curve = d.curve() ? curve(planned, firstMonth) : List.of();
                projects.setPlan(p.id(), year, planned, "年度计划：" + d.name(), curve);
                for (int m = firstMonth; m <= 12 && !YearMonth.of(year, m).isAfter(lastReported); m++) {
                    BigDecimal month = planned.divide(BigDecimal.valueOf(13 - firstMonth), 2, RoundingMode.HALF_UP)
                            .multiply(BigDecimal.valueOf(0.6 + random.nextDouble() * 0.7)).setScale(-4, RoundingMode.HALF_UP).setScale(2);
                    month = month.min(total.subtract(invested)).max(BigDecimal.ZERO);
                    invested = invested.add(month);
                    ProgressReports.Report r = reports.save(p.id(), YearMonth.of(year, m), new ProgressReports.Entry(month,
                            imageProgress(d, m, random), m % 4 == 0 ? "施工用电增容审批待协调" : null, "按计划推进下月施工"), List.of(), true);
                    reports.review(r.id(), null);
                    if (YearMonth.of(year, m).isBefore(lastReported)) {
                        reports.publish(r.id(), null);
                    }
                    reportCount++;
                }
            }
        }
        // submitted by the deadline, as the demo's reporters would have
        jdbc.sql("update projects_report set demo = true, submitted_on = due_on").update();
        jdbc.sql("update projects_problem set demo = true").update();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("projects", DEMOS.size());
        counts.put("reports", reportCount);
        counts.put("problems", 1);
        return counts;
    }

    private void milestones(KeyProject p, Demo d, Random random) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = d.start();
        // days from the start; each actual day falls within five days after its planned one, so the order holds
        Object[][] plan = {{MilestoneKind.SIGNED, -120}, {MilestoneKind.LAND_SUPPLIED, -18}, {MilestoneKind.PERMITS, -8},
                {MilestoneKind.STARTED, 0}, {MilestoneKind.TOPPED_OUT, 300}, {MilestoneKind.COMPLETED, 480},
                {MilestoneKind.TRIAL_PRODUCTION, 560}};
        for (Object[] step : plan) {
            MilestoneKind kind = (MilestoneKind) step[0];
            LocalDate planned = start.plusDays((Integer) step[1]);
            LocalDate actual = planned.plusDays(kind == MilestoneKind.STARTED ? 0 : random.nextInt(5));
            steps.setMilestone(p.id(), kind, planned, actual.isAfter(today) ? null : actual, null);
        }
        if (!start.isAfter(today)) {
            steps.setMilestone(p.id(), MilestoneKind.STATS_INCLUDED, null, start.plusDays(35).isAfter(today) ? null
                    : start.plusDays(35), "已纳入固定资产投资统计");
        }
    }

    /** A cumulative curve: nothing before the first month, then slow at first and faster after the spring. */
    private static List<BigDecimal> curve(BigDecimal planned, int firstMonth) {
        List<BigDecimal> curve = new ArrayList<>();
        int span = 13 - firstMonth;
        for (int m = 1; m <= 12; m++) {
            int k = Math.max(0, m - firstMonth + 1);
            double share = m == 12 ? 1 : Math.pow((double) k / span, 1.3);
            curve.add(planned.multiply(BigDecimal.valueOf(share)).setScale(-4, RoundingMode.DOWN).setScale(2).min(planned));
        }
        curve.set(11, planned);
        return curve;
    }

    private static List<Funding> funding(BigDecimal total) {
        BigDecimal loan = total.multiply(new BigDecimal("0.4")).setScale(2, RoundingMode.HALF_UP);
        return List.of(new Funding(Source.SELF_RAISED, total.subtract(loan)), new Funding(Source.LOAN, loan));
    }

    private static String imageProgress(Demo d, int month, Random random) {
        String[] stages = {"场地平整及桩基施工", "主体厂房钢结构吊装", "设备基础浇筑", "生产线设备安装调试", "配套道路及管网施工"};
        return d.name() + "：" + stages[(month + random.nextInt(2)) % stages.length] + "，现场施工人员约" + (80 + random.nextInt(120)) + "人。";
    }

    private static String industryName(Demo d) {
        return switch (d.industry().substring(0, 1)) {
            case "C" -> "制造业";
            case "E" -> "建筑业";
            case "G" -> "交通运输、仓储和邮政业";
            case "N" -> "水利、环境和公共设施管理业";
            default -> "农、林、牧、渔业";
        };
    }

    /** A demo credit code with a valid check character: 9144078 3 MA + a serial. */
    static String uscc(int serial) {
        String first17 = "91440783MA" + String.format("%07d", 5000 + serial);
        return first17 + Uscc.checkCharacter(first17);
    }
}
