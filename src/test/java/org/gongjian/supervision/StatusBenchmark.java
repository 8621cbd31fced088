package org.gongjian.supervision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.gongjian.GongjianApplication;
import org.gongjian.programme.ProgrammeSnapshots;
import org.gongjian.support.TestPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The status of a programme of 300 initiatives, 1,500 targets and 100,000 measurements (1% of them
 * corrections), computed by the status engine, against the same aggregation written as one SQL query,
 * both on the same PostgreSQL database (TEST_PG_URL, else an embedded PostgreSQL). Run as
 * docs/performance.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StatusBenchmark {

    static final String CODE = "bench";
    static final LocalDate AS_OF = LocalDate.of(2024, 10, 31);
    static final int INITIATIVES = 300;
    static final int TARGETS_PER_INITIATIVE = 5;
    static final int MEASUREMENTS = 100_000;

    /**
     * Per target: the latest valid value, planned value on a straight line, progress, least-squares trend
     * and forecast at the deadline with a normal-approximation interval, and the status by the same rules;
     * per initiative the worst status (window function). One statement.
     */
    static final String SQL = """
            with valid as (
              select m.target_id, m.measured_value as v, m.as_of, m.recorded_at, m.id
                from programme_measurement m join programme_target t on t.id = m.target_id
               where t.programme_id = :p and m.as_of <= :d and m.recorded_at < :end
                 and not exists (select 1 from programme_measurement s where s.supersedes_id = m.id and s.recorded_at < :end)
            ), per_date as (
              select distinct on (target_id, as_of) target_id, as_of, v, (as_of - date '2000-01-01') as x
                from valid order by target_id, as_of, recorded_at desc, id desc
            ), stats as (
              select target_id, count(*) as n, regr_slope(v, x) as slope, regr_intercept(v, x) as icpt,
                     regr_sxx(v, x) as sxx, regr_avgx(v, x) as avgx,
                     greatest(regr_syy(v, x) - regr_slope(v, x) * regr_slope(v, x) * regr_sxx(v, x), 0) as sse
                from per_date group by target_id
            ), latest as (
              select distinct on (target_id) target_id, v, as_of from per_date order by target_id, as_of desc
            ), figures as (
              select t.id, t.initiative_id, t.direction, t.target_value as goal, l.v as actual, s.n,
                     coalesce(t.baseline_value, 0) + (t.target_value - coalesce(t.baseline_value, 0))
                       * least(greatest((:d - coalesce(t.baseline_date, i.start_date))::numeric
                       / nullif(t.deadline - coalesce(t.baseline_date, i.start_date), 0), 0), 1) as planned,
                     (l.v - coalesce(t.baseline_value, 0)) / nullif(t.target_value - coalesce(t.baseline_value, 0), 0) as progress,
                     case when s.n >= 3 then s.icpt + s.slope * (t.deadline - date '2000-01-01') end as forecast,
                     case when s.n >= 3 then sqrt(s.sse / (s.n - 2)) * sqrt(1 + 1.0 / s.n
                       + power((t.deadline - date '2000-01-01') - s.avgx, 2) / nullif(s.sxx, 0)) end as se,
                     t.deadline, t.baseline_value
                from programme_target t join programme_initiative i on i.id = t.initiative_id
                left join latest l on l.target_id = t.id left join stats s on s.target_id = t.id
               where t.programme_id = :p
            ), judged as (
              select f.*, f.forecast - 1.2816 * f.se as lower, f.forecast + 1.2816 * f.se as upper,
                     case
                       when f.actual is not null and ((f.direction = 'UP' and f.actual >= f.goal) or (f.direction = 'DOWN' and f.actual <= f.goal)) then 0
                       when :d > f.deadline then 5
                       when f.actual is null then 2
                       when ((f.planned - coalesce(f.baseline_value, 0)) / nullif(f.goal - coalesce(f.baseline_value, 0), 0) - f.progress) * 100 >= 30 then 4
                       when ((f.planned - coalesce(f.baseline_value, 0)) / nullif(f.goal - coalesce(f.baseline_value, 0), 0) - f.progress) * 100 >= 10 then 3
                       when f.se > 0 and (case when f.direction = 'UP' then f.forecast - f.goal else f.goal - f.forecast end) / f.se < 0 then 3
                       else 1 end as severity
                from figures f
            )
            select j.*, max(j.severity) over (partition by j.initiative_id) as initiative_severity from judged j
            order by j.initiative_id, j.id""";

    ConfigurableApplicationContext app;
    StatusEngine engine;
    JdbcClient jdbc;
    long programmeId;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        app = new SpringApplicationBuilder(GongjianApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--gongjian.demo.enabled=false",
                "--gongjian.admin-password=bench-admin-secret", "--logging.level.root=WARN",
                "--gongjian.notification.retry-every=PT24H");
        engine = app.getBean(StatusEngine.class);
        jdbc = app.getBean(JdbcClient.class);
        load(app.getBean(DataSource.class));
        programmeId = jdbc.sql("select id from programme where code = :c").param("c", CODE).query(Long.class).single();
        int targets = engine.status(CODE, AS_OF).targets().size();
        int rows = sql().size();
        if (targets != INITIATIVES * TARGETS_PER_INITIATIVE || rows != targets) {
            throw new IllegalStateException("expected 1500 targets, got " + targets + " and " + rows);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        app.close();
    }

    @Benchmark
    public ProgrammeStatus statusEngine() {
        return engine.status(CODE, AS_OF);
    }

    @Benchmark
    public List<Map<String, Object>> oneSqlQuery() {
        return sql();
    }

    List<Map<String, Object>> sql() {
        return jdbc.sql(SQL).param("p", programmeId).param("d", AS_OF)
                .param("end", Timestamp.from(ProgrammeSnapshots.endOf(AS_OF))).query().listOfRows();
    }

    /** 300 initiatives × 5 targets; 100,000 measurements from January to October 2024, 1% corrections. */
    static void load(DataSource dataSource) throws Exception {
        Random random = new Random(20241031);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("insert into programme (version, code, plan_year, title, start_date, end_date) values "
                        + "(0, '" + CODE + "', 2024, '基准测试方案', date '2024-01-01', date '2024-12-31')");
            }
            long programme;
            try (Statement s = c.createStatement(); var rs = s.executeQuery("select id from programme where code = '" + CODE + "'")) {
                rs.next();
                programme = rs.getLong(1);
            }
            try (PreparedStatement ini = c.prepareStatement("""
                    insert into programme_initiative (version, programme_id, number, title, category_code, lead_unit_id,
                      start_date, end_date, status) values (0, ?, ?, ?, 'bench', ?, date '2024-01-01', date '2024-12-31', 'IN_PROGRESS')""")) {
                for (int i = 1; i <= INITIATIVES; i++) {
                    ini.setLong(1, programme);
                    ini.setInt(2, i);
                    ini.setString(3, "攻坚任务" + i);
                    ini.setLong(4, 1 + i % 30);
                    ini.addBatch();
                }
                ini.executeBatch();
            }
            try (PreparedStatement tgt = c.prepareStatement("""
                    insert into programme_target (version, programme_id, initiative_id, position, code, name, unit, direction,
                      baseline_value, baseline_date, target_value, target_qualifier, deadline)
                    select 0, ?, id, ?, ?, ?, 'PIECES', ?, ?, date '2024-01-01', ?, 'EXACT', date '2024-12-31'
                      from programme_initiative where programme_id = ? and number = ?""");
                 PreparedStatement ms = c.prepareStatement("""
                    insert into programme_milestone (version, programme_id, initiative_id, title, due_date)
                    select 0, ?, id, ?, ? from programme_initiative where programme_id = ? and number = ?""")) {
                for (int i = 1; i <= INITIATIVES; i++) {
                    for (int k = 0; k < TARGETS_PER_INITIATIVE; k++) {
                        boolean down = k == 4;
                        tgt.setLong(1, programme);
                        tgt.setInt(2, k);
                        tgt.setString(3, "t" + i + "-" + k);
                        tgt.setString(4, "指标" + i + "-" + k);
                        tgt.setString(5, down ? "DOWN" : "UP");
                        tgt.setBigDecimal(6, java.math.BigDecimal.valueOf(down ? 180 : 0));
                        tgt.setBigDecimal(7, java.math.BigDecimal.valueOf(down ? 7 : 1000));
                        tgt.setLong(8, programme);
                        tgt.setInt(9, i);
                        tgt.addBatch();
                    }
                    for (int m = 1; m <= 2; m++) {
                        ms.setLong(1, programme);
                        ms.setString(2, "节点" + m);
                        ms.setObject(3, LocalDate.of(2024, 6 * m, 28));
                        ms.setLong(4, programme);
                        ms.setInt(5, i);
                        ms.addBatch();
                    }
                }
                tgt.executeBatch();
                ms.executeBatch();
            }
            List<Long> targets = new java.util.ArrayList<>();
            try (Statement s = c.createStatement(); var rs = s.executeQuery(
                    "select id from programme_target where programme_id = " + programme + " order by id")) {
                while (rs.next()) {
                    targets.add(rs.getLong(1));
                }
            }
            int perTarget = MEASUREMENTS / targets.size();
            int extra = MEASUREMENTS % targets.size();
            try (PreparedStatement m = c.prepareStatement("""
                    insert into programme_measurement (target_id, measured_value, as_of, source, reporter, recorded_at, demo)
                    values (?, ?, ?, 'MANUAL', 'bench', ?, false)""")) {
                int n = 0;
                for (int t = 0; t < targets.size(); t++) {
                    boolean down = t % TARGETS_PER_INITIATIVE == 4;
                    double pace = 0.6 + random.nextDouble() * 0.7;
                    int count = perTarget + (t < extra ? 1 : 0);
                    for (int j = 0; j < count; j++) {
                        LocalDate asOf = LocalDate.of(2024, 1, 1).plusDays(j * 4L);
                        double share = pace * j * 4 / 365.0 + random.nextGaussian() * 0.01;
                        double value = down ? 180 - 173 * share : 1000 * share;
                        m.setLong(1, targets.get(t));
                        m.setBigDecimal(2, java.math.BigDecimal.valueOf(Math.round(value * 100) / 100.0));
                        m.setObject(3, asOf);
                        m.setTimestamp(4, Timestamp.from(asOf.atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant().plusSeconds(36_000)));
                        m.addBatch();
                        if (++n % 5000 == 0) {
                            m.executeBatch();
                        }
                    }
                }
                m.executeBatch();
            }
            // 1% corrections: a later row superseding an earlier one of the same target and date
            try (Statement s = c.createStatement()) {
                s.executeUpdate("""
                        insert into programme_measurement (target_id, measured_value, as_of, source, reporter, recorded_at, supersedes_id, demo)
                        select target_id, measured_value * 1.01, as_of, 'MANUAL', 'bench', recorded_at + interval '1 day', id, false
                          from programme_measurement where reporter = 'bench' and id % 100 = 0""");
                s.executeUpdate("""
                        delete from programme_measurement where id in (
                          select id from programme_measurement where reporter = 'bench' and supersedes_id is null
                           and id not in (select supersedes_id from programme_measurement where supersedes_id is not null)
                           order by id desc limit (select count(*) from programme_measurement where supersedes_id is not null))""");
            }
            org.gongjian.programme.FigureDays.rebuild(c);   // the figures went in past the application
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("analyze");
            }
        }
    }
}
