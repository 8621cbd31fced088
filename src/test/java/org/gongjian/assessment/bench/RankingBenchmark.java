package org.gongjian.assessment.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gongjian.GongjianApplication;
import org.gongjian.assessment.Period;
import org.gongjian.assessment.Ranking;
import org.gongjian.assessment.internal.RunService;
import org.gongjian.support.TestPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ranking 2,000 units (1,000 towns, 1,000 departments) over the 12 months of 2024 from 1,000,000
 * measurements (40,000 targets × 25), with 4,000 milestones: the whole pipeline per month (programme
 * snapshot as of the month's end, status engine, items, scores, ranks; not stored), against the raw SQL
 * floor of the same attainment aggregation (latest valid figure per target as of the month's end,
 * progress against time progress, averaged per unit, ranked per group). Results: docs/performance.md.
 *
 * <pre>
 * ./mvnw -B -ntp test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   "-Dexec.args=-cp %classpath org.openjdk.jmh.Main RankingBenchmark"
 * </pre>
 * It runs on PostgreSQL: the server of {@code TEST_PG_URL}, else an embedded one (zonky), as the tests do.
 * {@code -jvmArgsAppend -Dbench.db=h2} runs it on the embedded H2 instead (the SQL floor is then very slow:
 * H2 plans the anti-join and window over a million rows poorly); {@code -Dbench.units=200} shrinks it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Duser.timezone=Asia/Shanghai"})
public class RankingBenchmark {

    static final String CODE = "bench-2024";

    private ConfigurableApplicationContext context;
    private RunService runs;
    private JdbcClient jdbc;
    private long programmeId;

    @Setup(Level.Trial)
    public void start() {
        // command-line arguments: they win over application.properties
        List<String> args = new ArrayList<>(List.of("--gongjian.demo.enabled=false",
                "--gongjian.admin-password=bench-secret", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--gongjian.supervision.sweep-cron=-", "--server.port=0", "--gongjian.data-dir=target/bench-data"));
        if ("h2".equals(System.getProperty("bench.db"))) {
            args.add("--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        } else {
            TestPostgres.Database db = TestPostgres.newDatabase();
            args.addAll(List.of("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                    "--spring.datasource.password=" + db.password()));
        }
        context = new SpringApplicationBuilder(GongjianApplication.class).run(args.toArray(String[]::new));
        runs = context.getBean(RunService.class);
        jdbc = context.getBean(JdbcClient.class);
        programmeId = BenchData.load(context, CODE);
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    /** The whole ranking of both peer groups for each month of 2024. */
    @Benchmark
    public int rankTwelveMonths() {
        int ranked = 0;
        for (int month = 1; month <= 12; month++) {
            Ranking ranking = runs.live(CODE, Period.parse(String.format("2024-%02d", month)));
            ranked += (int) ranking.entries().stream().filter(e -> e.rank() != null).count();
        }
        return ranked;
    }

    /** The raw SQL floor: attainment against time progress, averaged and ranked per group, month by month. */
    @Benchmark
    public int sqlFloorTwelveMonths() {
        int ranked = 0;
        for (int month = 1; month <= 12; month++) {
            ranked += BenchData.sqlFloor(jdbc, programmeId, month).size();
        }
        return ranked;
    }
}
