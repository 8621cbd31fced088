package org.gongjian.programme;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongjian.support.ForkedApp;

/**
 * The CPU one dashboard status request ({@code GET /api/v1/programmes/kaiping-2024/status}, as the dashboard asks when
 * opened) costs the application (docs/performance.md, issue 12): the application in a JVM of its own on H2 (and on
 * PostgreSQL with {@code pg}), the Kaiping demo with 100,000 figures loaded as {@link WriteBenchmark} loads them, then
 * one client at a time, so that the figure is the request's own work and not its wait for the cores. Three phases of
 * {@code -Drequests=N} each: status requests alone; a figure written before each status request (the answer must
 * change, so nothing kept from the request before may serve it); figures alone. The CPU of a status request after a
 * write is the second phase's CPU per pair less the third's per figure. The application's CPU includes its
 * background work (scheduled jobs, the database's writer) and the JIT; the first phase is also split by thread kind
 * from {@code /proc} (Linux), the request threads' share being the request's own work.
 *
 * <pre>./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) -Dwarmup=2000 -Drequests=500 \
 *   org.gongjian.programme.StatusRequestBenchmark h2 pg</pre>
 *
 * {@code -Djfr=DIR} records the measured phases of each database with Java Flight Recorder into {@code DIR/<db>.jfr}.
 */
public final class StatusRequestBenchmark {

    static final int REQUESTS = Integer.getInteger("requests", 500);
    /** Status requests before the measured phases (a figure after every fifth), so that the JIT has compiled them. */
    static final int WARMUP = Integer.getInteger("warmup", 2_000);

    private StatusRequestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (String db : args.length == 0 ? List.of("h2") : List.of(args)) {
            run(db);
        }
        System.exit(0);
    }

    static void run(String db) throws Exception {
        BenchDatabase base = BenchDatabase.of(db, "gongjian-status-");
        base.loadDemo();
        List<String> codes;
        try (Connection c = base.connect()) {
            BenchDatabase.Targets targets = base.preload(c);
            codes = targets.codes();
            System.out.printf("%s: %,d figures loaded over %d targets%n", db, WriteBenchmark.PRELOAD, targets.ids().size());
        }
        try (ForkedApp app = ForkedApp.start(base.work(), base.measuredJvm(), base.appArgs())) {
            Client client = new Client(app, codes.get(0));
            System.out.printf("%s: load average before %s%n", db, WriteBenchmark.loadAverage());
            for (int i = 0; i < WARMUP; i++) {   // the JIT compiles the paths measured below
                client.status();
                if (i % 5 == 0) {
                    client.write(i);
                }
            }
            Duration cpu = app.cpu();
            Map<String, Long> threads = threadTicks(app.pid());
            List<Long> alone = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                alone.add(client.status());
            }
            double readMs = ms(app.cpu().minus(cpu)) / REQUESTS;
            Map<String, Long> after = threadTicks(app.pid());
            cpu = app.cpu();
            List<Long> afterWrite = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                client.write(i);
                afterWrite.add(client.status());
            }
            double pairMs = ms(app.cpu().minus(cpu)) / REQUESTS;
            cpu = app.cpu();
            for (int i = 0; i < REQUESTS; i++) {
                client.write(i);
            }
            double writeMs = ms(app.cpu().minus(cpu)) / REQUESTS;
            System.out.printf("%s: status alone: %.2f ms application CPU per request, wall p50 %.1f ms, p99 %.1f ms "
                    + "(%d requests)%n", db, readMs, quantile(alone, 0.5), quantile(alone, 0.99), REQUESTS);
            System.out.printf("%s: status alone, CPU per request by thread: %s%n", db, perRequest(threads, after));
            System.out.printf("%s: status right after a figure: %.2f ms CPU per request (%.2f per figure + status, "
                    + "%.2f per figure alone), wall p50 %.1f ms, p99 %.1f ms%n", db, pairMs - writeMs, pairMs, writeMs,
                    quantile(afterWrite, 0.5), quantile(afterWrite, 0.99));
            System.out.printf("%s: load average after %s%n", db, WriteBenchmark.loadAverage());
        }
    }

    /** One client: a figure for one target, and the dashboard's status request. */
    record Client(ForkedApp app, HttpClient http, String base, String target) {

        Client(ForkedApp app, String target) {
            this(app, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                    "http://127.0.0.1:" + app.port + "/api/v1/programmes/kaiping-2024", target);
        }

        /** The wall time of one status request, in nanoseconds. */
        long status() throws Exception {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                    .header("Authorization", "Bearer " + app.token).build(), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("status answered " + answer.statusCode() + ": " + answer.body());
            }
            return took;
        }

        void write(int i) throws Exception {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/targets/" + target
                            + "/measurements")).header("Authorization", "Bearer " + app.token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"value\":" + (i % 1000)
                            + ",\"asOf\":\"2024-12-31\",\"confirm\":true,\"reason\":\"benchmark\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("a figure answered " + answer.statusCode() + ": " + answer.body());
            }
        }
    }

    /**
     * CPU ticks (1/100 s) of the application's threads so far, by kind: the request threads ({@code http-nio…}),
     * the garbage collector, the JIT compilers and the rest (scheduled jobs, the database's background writer…).
     */
    static Map<String, Long> threadTicks(long pid) throws java.io.IOException {
        Map<String, Long> ticks = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                String name;
                try {
                    stat = Files.readString(task.resolve("stat"));
                    name = Files.readString(task.resolve("comm")).trim();
                } catch (java.io.IOException ended) {
                    continue;   // the thread ended meanwhile
                }
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime + stime
                String kind = name.startsWith("http-nio") ? "request threads"
                        : name.startsWith("GC") || name.startsWith("VM Thread") ? "garbage collector"
                        : name.startsWith("C1 ") || name.startsWith("C2 ") ? "JIT compilers" : "other threads";
                ticks.merge(kind, used, Long::sum);
            }
        }
        return ticks;
    }

    static String perRequest(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder text = new StringBuilder();
        after.forEach((kind, ticks) -> text.append(text.isEmpty() ? "" : ", ").append(String.format("%s %.2f ms", kind,
                (ticks - before.getOrDefault(kind, 0L)) * 10.0 / REQUESTS)));
        return text.toString();
    }

    static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    static double quantile(List<Long> nanos, double q) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()))) / 1e6;
    }
}
