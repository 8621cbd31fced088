package org.gongjian.programme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gongjian.support.ForkedApp;
import org.gongjian.support.TestPostgres;

/**
 * The database of the programme benchmarks ({@link WriteBenchmark}, {@link StatusRequestBenchmark}): H2 (the embedded
 * default, a file under a temporary data folder) or PostgreSQL ({@code TEST_PG_URL}, else an embedded server), the
 * application's arguments for it, and the same database by JDBC for what the benchmarks insert past the application.
 */
record BenchDatabase(String name, Path work, List<String> appArgs, String url, String user, String password) {

    /** The application's JVM in every benchmark run: as in production, with a bounded heap. */
    static final List<String> JVM = List.of("-Xmx1g", "-XX:+UseParallelGC");

    /** The demo's targets, by id and code in the same order. */
    record Targets(List<Long> ids, List<String> codes) {
    }

    /** A new, empty database: {@code h2} or {@code pg}. */
    static BenchDatabase of(String name, String prefix) throws Exception {
        Path work = Files.createTempDirectory(prefix + name);
        if (name.equals("h2")) {
            Path data = work.resolve("data");
            return new BenchDatabase(name, work, List.of("--gongjian.data-dir=" + data), "jdbc:h2:file:"
                    + data.resolve("db/gongjian") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "sa", "");
        }
        TestPostgres.Database pg = TestPostgres.newDatabase();
        return new BenchDatabase(name, work, List.of("--gongjian.data-dir=" + work.resolve("data"),
                "--spring.datasource.url=" + pg.url(), "--spring.datasource.username=" + pg.user(),
                "--spring.datasource.password=" + pg.password()), pg.url(), pg.user(), pg.password());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Starts the application once on the empty database (schema and demo) and stops it once its ledgers are done. */
    void loadDemo() throws Exception {
        try (ForkedApp first = ForkedApp.start(work, JVM, appArgs)) {
            first.awaitIdle(Duration.ofMinutes(5));   // the demo's ledgers have published what they publish
            System.out.printf("%s: schema and demo loaded%n", name);
        }
    }

    /**
     * Inserts {@link WriteBenchmark#PRELOAD} figures over the demo's targets by JDBC, past the application, in batches
     * of 1,000, and computes their targets' days as V280 does.
     */
    Targets preload(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("select id, code from programme_target order by id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
                codes.add(rs.getString(2));
            }
        }
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(WriteBenchmark.INSERT)) {
            for (int i = 0; i < WriteBenchmark.PRELOAD; i++) {
                WriteBenchmark.bind(insert, ids.get(i % ids.size()), i);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
        }
        FigureDays.rebuild(c);   // the figures went in past the application: their targets' days
        c.commit();
        return new Targets(ids, codes);
    }

    /** The measured run's JVM: {@code -Djfr=DIR} records it with Java Flight Recorder into {@code DIR/<name>.jfr}. */
    List<String> measuredJvm() {
        List<String> measured = new ArrayList<>(JVM);
        String jfr = System.getProperty("jfr");
        if (jfr != null) {
            measured.add("-XX:FlightRecorderOptions=stackdepth=256");
            measured.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(jfr).resolve(name + ".jfr"));
        }
        return measured;
    }
}
