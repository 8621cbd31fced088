package org.gongjian.programme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.gongjian.support.ForkedApp;
import org.gongjian.support.HttpConnection;
import org.gongjian.support.PostgresCpu;

/**
 * Measurement writes under load (docs/performance.md): the application in a JVM of its own on H2 (the embedded
 * default) and on PostgreSQL, 100,000 measurements loaded, then 20 clients posting measurements as fast as they
 * are answered while one reader asks for the programme's status (the dashboard's data, as the dashboard asks for it
 * when opened; see {@link #READER_AS_OF}); prints writes/s, write
 * p50/p99 and reader p99, beside the raw JDBC rate of 20 threads inserting one row per commit on the same database.
 *
 * <pre>./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) -Dwarmup=30 -Dseconds=30 \
 *   org.gongjian.programme.WriteBenchmark h2 pg</pre>
 *
 * {@code -Djfr=DIR} records the measured run of each database with Java Flight Recorder into {@code DIR/<db>.jfr}.
 */
public final class WriteBenchmark {

    static final int PRELOAD = Integer.getInteger("preload", 100_000);
    static final int WRITERS = 20;
    /** {@code -Dreaders=0} measures the writers alone (what the status reader costs them). */
    static final int READERS = Integer.getInteger("readers", 1);
    /** Long enough for the JIT to compile the request path (with 10 s it was still compiling in the measured part). */
    static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("warmup", 30));
    static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("seconds", 30));
    /**
     * The date the reader asks the status for; none by default, as the dashboard asks when it is opened (today's
     * judgement, every figure counted). {@code -DreaderAsOf=2024-12-31} asks, as this benchmark did before ADR 0037,
     * for the programme as it was known at the end of that day, which none of the figures written here belong to.
     */
    static final String READER_AS_OF = System.getProperty("readerAsOf", "");

    private WriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 ? List.of("h2", "pg") : List.of(args);
        for (String db : which) {
            run(db);
        }
        System.exit(0);
    }

    static void run(String db) throws Exception {
        BenchDatabase base = BenchDatabase.of(db, "gongjian-bench-");
        base.loadDemo();
        String url = base.url();
        String user = base.user();
        String password = base.password();
        List<String> codes;
        try (Connection c = base.connect()) {
            long started = System.nanoTime();
            BenchDatabase.Targets targets = base.preload(c);
            codes = targets.codes();
            System.out.printf("%s: %,d measurements loaded in %.1f s%n", db, PRELOAD, (System.nanoTime() - started) / 1e9);
            double raw = rawInserts(url, user, password, targets.ids().get(0));
            System.out.printf("%s: raw JDBC, %d threads, one row per commit: %,.0f rows/s%n", db, WRITERS, raw);
        }
        try (ForkedApp app = ForkedApp.start(base.work(), base.measuredJvm(), base.appArgs())) {
            Duration idle = app.awaitIdle(Duration.ofMinutes(3));   // start-up feeds worked off before the clients begin
            System.out.printf("%s: idle %.0f s after start; load average before the run %s%n", db,
                    idle.toMillis() / 1e3, loadAverage());
            Result warm = load(app, codes, WARMUP);
            System.out.printf("%s: warm-up %,.0f writes/s%n", db, warm.writesPerSecond());
            List<Long> pgPids = db.equals("pg") ? postgresPids(url, user, password) : List.of();
            long pg0 = PostgresCpu.ticks(pgPids);
            java.time.Duration cpuBefore = app.cpu();
            Result r = load(app, codes, MEASURE);
            double cpuMs = (app.cpu().minus(cpuBefore)).toNanos() / 1e6;
            long pgTicks = PostgresCpu.ticks(pgPids) - pg0;
            System.out.printf("%s: %,.0f writes/s from %d clients, write p50 %.1f ms, p99 %.1f ms, errors %d; "
                            + "reader p50 %.1f ms, p99 %.1f ms (%d reads)%n", db, r.writesPerSecond(), WRITERS,
                    r.writeP50(), r.writeP99(), r.errors(), r.readP50(), r.readP99(), r.reads());
            // CPU the application's JVM used in the measured window, per write: less sensitive to a busy machine
            System.out.printf("%s: application CPU %.1f s in %d s, %.1f ms per write (reads included)%n", db,
                    cpuMs / 1000, MEASURE.toSeconds(), cpuMs / Math.max(1, r.writesPerSecond() * MEASURE.toSeconds()));
            double requests = Math.max(1, r.writesPerSecond() * MEASURE.toSeconds() + r.reads());
            System.out.printf("%s: CPU per request (writes and reads): application %.2f ms, client %.2f ms%s%n", db,
                    cpuMs / requests, r.clientCpuMsPerRequest(), pgPids.isEmpty() || pg0 < 0 ? ""
                            : String.format(", PostgreSQL %.2f ms", pgTicks * 1000.0 / PostgresCpu.TICKS_PER_SECOND / requests));
            System.out.printf("%s: load average after the run %s%n", db, loadAverage());
        }
    }

    /** The server processes of the database (the application's connections and the background workers). */
    static List<Long> postgresPids(String url, String user, String password) throws java.sql.SQLException {
        List<Long> pids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                ResultSet rs = c.createStatement().executeQuery("select pid from pg_stat_activity where pid <> pg_backend_pid()")) {
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
        }
        return pids;
    }

    /** The 1-, 5- and 15-minute load averages, as {@code uptime} shows them (Linux). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static final String INSERT = """
            insert into programme_measurement (target_id, measured_value, as_of, source, note, reporter, recorded_at, demo)
            values (?, ?, ?, 'MANUAL', 'benchmark', 'admin', ?, false)""";

    static void bind(PreparedStatement insert, long target, int i) throws java.sql.SQLException {
        insert.setLong(1, target);
        insert.setBigDecimal(2, java.math.BigDecimal.valueOf(i % 1000));
        insert.setObject(3, LocalDate.of(2024, 12, 31));
        insert.setTimestamp(4, Timestamp.from(Instant.now()));
    }

    /** 20 threads, each with its own connection, inserting one row per commit for five seconds. */
    static double rawInserts(String url, String user, String password, long target) throws Exception {
        AtomicLong rows = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        for (int t = 0; t < WRITERS; t++) {
            pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                        PreparedStatement insert = c.prepareStatement(INSERT)) {
                    int i = 0;
                    while (!stop.get()) {
                        bind(insert, target, i++);
                        insert.executeUpdate();
                        rows.incrementAndGet();
                    }
                }
                return null;
            });
        }
        long started = System.nanoTime();
        Thread.sleep(5000);
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return rows.get() / ((System.nanoTime() - started) / 1e9);
    }

    record Result(double writesPerSecond, double writeP50, double writeP99, long errors, double readP50, double readP99,
            int reads, double clientCpuMsPerRequest) {
    }

    static Result load(ForkedApp app, List<String> codes, Duration length) throws Exception {
        List<Long> writes = Collections.synchronizedList(new ArrayList<>());
        List<Long> reads = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        String host = "127.0.0.1";
        String base = "/api/v1/programmes/kaiping-2024";
        for (int w = 0; w < WRITERS; w++) {
            String path = base + "/targets/" + codes.get(w % codes.size()) + "/measurements";
            int[] i = {0};
            pool.submit(() -> client(host, app.port, () -> HttpConnection.post(host, app.port, path, app.token,
                    "{\"value\":" + (i[0]++ % 1000) + ",\"asOf\":\"2024-12-31\",\"confirm\":true,\"reason\":\"benchmark\"}"),
                    201, writes, errors, stop));
        }
        byte[] status = HttpConnection.get(host, app.port, base + "/status"
                + (READER_AS_OF.isEmpty() ? "" : "?asOf=" + READER_AS_OF), app.token);
        for (int r = 0; r < READERS; r++) {
            pool.submit(() -> client(host, app.port, () -> status, 200, reads, errors, stop));
        }
        long cpu0 = clientCpuNanos();
        long started = System.nanoTime();
        Thread.sleep(length.toMillis());
        stop.set(true);
        double seconds = (System.nanoTime() - started) / 1e9;
        long clientCpu = clientCpuNanos() - cpu0;
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        List<Long> w = new ArrayList<>(writes);
        List<Long> r = new ArrayList<>(reads);
        Collections.sort(w);
        Collections.sort(r);
        return new Result(w.size() / seconds, ms(w, 0.5), ms(w, 0.99), errors.get(), ms(r, 0.5), ms(r, 0.99), r.size(),
                w.size() + r.size() == 0 ? Double.NaN : clientCpu / 1e6 / (w.size() + r.size()));
    }

    /**
     * One client on a keep-alive connection: sends the next request as soon as the last is answered, until told to
     * stop, and keeps the latency of each answer with the expected status (the others count as errors).
     */
    static Void client(String host, int port, java.util.function.Supplier<byte[]> next, int expected, List<Long> latencies,
            AtomicLong errors, AtomicBoolean stop) throws java.io.IOException {
        try (HttpConnection http = new HttpConnection(host, port)) {
            while (!stop.get()) {
                byte[] request = next.get();
                long t0 = System.nanoTime();
                if (http.exchange(request).status() == expected) {
                    latencies.add(System.nanoTime() - t0);
                } else {
                    errors.incrementAndGet();
                }
            }
        }
        return null;
    }

    /** CPU time of this JVM (the clients), in nanoseconds. */
    static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double ms(List<Long> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()))) / 1e6;
    }
}
