package org.gongjian.assessment.bench;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongjian.programme.ProgrammeData;
import org.gongjian.programme.ProgrammeManagement;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The benchmark's data, written with JDBC batches: units, a programme, initiatives, targets, milestones, figures. */
final class BenchData {

    /** 2,000 unless {@code -Dbench.units} says otherwise (for a quick look with a profiler). */
    static final int UNITS = Integer.getInteger("bench.units", 2_000);
    static final int TARGETS_PER_UNIT = 20;
    static final int FIGURES_PER_TARGET = 25;
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private BenchData() {
    }

    static long load(ConfigurableApplicationContext context, String code) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        context.getBean(ProgrammeManagement.class).createProgramme(new ProgrammeData(code, 2024, "基准测试方案", null, null,
                null, null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), List.of(),
                List.of(new ProgrammeData.CategoryData("bench", "基准", null))));
        long programme = jdbc.queryForObject("select id from programme where code = ?", Long.class, code);
        List<Object[]> units = new ArrayList<>();
        for (int u = 0; u < UNITS; u++) {
            units.add(new Object[] {String.format("bench-%04d", u), "基准单位" + u, u % 2 == 0 ? "TOWN" : "DEPARTMENT"});
        }
        jdbc.batchUpdate("insert into organisation_unit (version, code, name, kind, assumed, active) values (0, ?, ?, ?, false, true)", units);
        List<Long> unitIds = jdbc.queryForList("select id from organisation_unit where code like 'bench-%' order by code", Long.class);
        List<Object[]> initiatives = new ArrayList<>();
        for (int u = 0; u < UNITS; u++) {
            initiatives.add(new Object[] {programme, u + 1, "基准任务" + u, unitIds.get(u)});
        }
        jdbc.batchUpdate("""
                insert into programme_initiative (version, programme_id, number, title, category_code, lead_unit_id,
                  lead_unit_assumed, start_date, end_date, status)
                values (0, ?, ?, ?, 'bench', ?, false, date '2024-01-01', date '2024-12-31', 'IN_PROGRESS')""", initiatives);
        List<Long> initiativeIds = jdbc.queryForList("select id from programme_initiative where programme_id = ? order by number",
                Long.class, programme);
        List<Object[]> coUnits = new ArrayList<>();
        List<Object[]> targets = new ArrayList<>();
        List<Object[]> milestones = new ArrayList<>();
        Random random = new Random(2024);
        for (int u = 0; u < UNITS; u++) {
            coUnits.add(new Object[] {initiativeIds.get(u), 0, unitIds.get((u + 2) % UNITS)});
            for (int t = 0; t < TARGETS_PER_UNIT; t++) {
                targets.add(new Object[] {programme, initiativeIds.get(u), t, String.format("b%04d.%02d", u, t), "基准指标"});
            }
            for (int m = 0; m < 2; m++) {
                LocalDate due = LocalDate.of(2024, 3 + 6 * m, 15 + random.nextInt(10));
                LocalDate done = random.nextDouble() < 0.7 ? due.plusDays(random.nextInt(20) - 10) : null;
                milestones.add(new Object[] {programme, initiativeIds.get(u), "基准节点" + m, due, done});
            }
        }
        jdbc.batchUpdate("insert into programme_initiative_unit (initiative_id, position, unit_id) values (?, ?, ?)", coUnits);
        jdbc.batchUpdate("""
                insert into programme_target (version, programme_id, initiative_id, position, code, name, unit, direction,
                  baseline_value, baseline_date, target_value, target_qualifier, deadline)
                values (0, ?, ?, ?, ?, ?, 'PIECES', 'UP', 0, date '2024-01-01', 100, 'EXACT', date '2024-12-31')""", targets);
        jdbc.batchUpdate("""
                insert into programme_milestone (version, programme_id, initiative_id, title, due_date, completed_on)
                values (0, ?, ?, ?, ?, ?)""", milestones);
        List<Long> targetIds = jdbc.queryForList("select id from programme_target where programme_id = ? order by id",
                Long.class, programme);
        List<Object[]> figures = new ArrayList<>(10_000);
        for (long target : targetIds) {
            double pace = 0.5 + random.nextDouble();
            for (int k = 0; k < FIGURES_PER_TARGET; k++) {
                LocalDate asOf = LocalDate.of(2024, 1, 5).plusDays(14L * k);
                double value = Math.min(120, 100 * pace * (asOf.getDayOfYear() / 366.0) + random.nextDouble() * 3);
                Timestamp recorded = Timestamp.from(asOf.plusDays(1 + random.nextInt(3)).atTime(10, 0).atZone(CITY).toInstant());
                figures.add(new Object[] {target, BigDecimal.valueOf(Math.round(value * 100) / 100.0), asOf, recorded});
                if (figures.size() == 10_000) {
                    insertFigures(jdbc, figures);
                    figures.clear();
                }
            }
        }
        insertFigures(jdbc, figures);
        jdbc.execute((java.sql.Connection c) -> {   // the figures went in past the application
            org.gongjian.programme.FigureDays.rebuild(c);
            return null;
        });
        return programme;
    }

    private static void insertFigures(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("""
                insert into programme_measurement (target_id, measured_value, as_of, source, reporter, recorded_at, demo)
                values (?, ?, ?, 'IMPORT', 'bench', ?, false)""", rows);
    }

    /**
     * The floor: one statement per month computing each unit's attainment (latest valid figure per target as of
     * the month's end, progress against time progress, capped at 1, averaged over the targets it leads) and its
     * rank within its group.
     */
    static List<Map<String, Object>> sqlFloor(JdbcClient jdbc, long programme, int month) {
        LocalDate end = YearMonth.of(2024, month).atEndOfMonth();
        Timestamp cutOff = Timestamp.from(end.plusDays(1).atStartOfDay(CITY).toInstant());
        double timeProgress = month / 12.0;
        return jdbc.sql("""
                with latest as (
                  select m.target_id, m.measured_value,
                         row_number() over (partition by m.target_id order by m.as_of desc, m.recorded_at desc, m.id desc) as rn
                    from programme_measurement m join programme_target t on t.id = m.target_id
                   where t.programme_id = :programme and m.as_of <= :end and m.recorded_at < :cutoff
                     and not exists (select 1 from programme_measurement s where s.supersedes_id = m.id and s.recorded_at < :cutoff)
                ), paced as (
                  select i.lead_unit_id as unit_id,
                         least(1.0, greatest(0.0, (l.measured_value - t.baseline_value)
                               / (t.target_value - t.baseline_value) / :time)) as pace
                    from latest l join programme_target t on t.id = l.target_id
                    join programme_initiative i on i.id = t.initiative_id
                   where l.rn = 1
                ), scored as (
                  select p.unit_id, u.kind, 50 * avg(p.pace) as score
                    from paced p join organisation_unit u on u.id = p.unit_id group by p.unit_id, u.kind
                )
                select unit_id, kind, score,
                       rank() over (partition by case when kind = 'DEPARTMENT' then 1 else 0 end order by score desc) as place
                  from scored""")
                .param("programme", programme).param("end", end).param("cutoff", cutOff).param("time", timeProgress)
                .query().listOfRows();
    }
}
