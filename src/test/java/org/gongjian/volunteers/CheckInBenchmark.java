package org.gongjian.volunteers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.gongjian.GongjianApplication;
import org.gongjian.organisation.ApiTokens;
import org.gongjian.support.HttpConnection;
import org.gongjian.support.PostgresCpu;
import org.gongjian.support.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The 万人行 day, as a command (not a test): the application on PostgreSQL (TEST_PG_URL, else an embedded
 * PostgreSQL), 10,000 registered volunteers and one activity, and 10,000 QR check-ins fired over HTTP from
 * concurrent clients on loopback, 5% of them retried at the same moment (two identical requests in flight).
 * It prints check-ins per second, latency percentiles, the CPU per request of the server, of the clients and of
 * PostgreSQL, the JDBC statements per request, the counts afterwards (none lost, none duplicated) and, as the
 * floor, the rate of inserting the same rows with plain JDBC on the same database and connection pool.
 * Run as docs/performance.md says.
 */
public final class CheckInBenchmark {

    static final int VOLUNTEERS = Integer.getInteger("volunteers", 10_000);
    static final int CLIENTS = Integer.getInteger("clients", 32);
    /**
     * Check-ins on another activity before the measured ones, so that the JIT has compiled the path (a city-wide day
     * runs on a server that has been up): with 2,000 (4 s) the compiler was still at work in the measured part.
     */
    static final int WARM_UP = Integer.getInteger("warmup", 10_000);

    private CheckInBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        // command-line arguments: they outrank application.properties (default properties would not)
        ConfigurableApplicationContext app = new SpringApplicationBuilder(GongjianApplication.class)
                .initializers(StatementCounter::register).run(
                "--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("pool", 20),
                "--gongjian.admin-password=bench-admin-secret", "--gongjian.data-dir=target/bench-data",
                "--gongjian.demo.progress.enabled=false", "--gongjian.demo.volunteers.enabled=false",
                "--gongjian.supervision.sweep-cron=-", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            run(app);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        JdbcTemplate template = app.getBean(JdbcTemplate.class);
        IdVault vault = app.getBean(IdVault.class);
        Teams teams = app.getBean(Teams.class);
        Activities activities = app.getBean(Activities.class);
        QrTokens tokens = app.getBean(QrTokens.class);
        UserDetails admin = app.getBean(UserDetailsService.class).loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        String apiToken = app.getBean(ApiTokens.class).create("bench", null).secret();

        // 10,000 registered volunteers (encrypted, hashed, masked as registration does), one team, activities
        long started = System.nanoTime();
        List<Object[]> rows = new ArrayList<>();
        Random random = new Random(20241205);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (rows.size() < VOLUNTEERS + WARM_UP) {
            String first17 = "440783" + (1960 + random.nextInt(45)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(1000));
            String n = first17 + IdNumbers.checkDigit(first17);
            if (seen.add(n)) {
                rows.add(new Object[] {"志愿者" + rows.size(), vault.encrypt(n), vault.hash(n), IdNumbers.mask(n),
                        "13800000000", "changsha", Timestamp.from(Instant.now()), LocalDate.now(Volunteers.CITY)});
            }
        }
        template.batchUpdate("""
                insert into volunteers_volunteer (name, id_cipher, id_hash, id_masked, phone, town_code, registered_at,
                    registered_on) values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        List<Long> ids = jdbc.sql("select id from volunteers_volunteer order by id").query(Long.class).list();
        Team team = teams.createTeam(new Teams.NewTeam("万人行测试队", TeamType.COMMUNITY, "长沙街道", "changsha", null));
        teams.decideTeam(team.id(), true, null);
        Instant now = Instant.now();
        Activity warm = activities.createActivity(new Activities.NewActivity(team.id(), "预热", "文明劝导", "长沙街道",
                null, null, null, now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofHours(4)), 100_000));
        Activity day = activities.createActivity(new Activities.NewActivity(team.id(), "万人行", "文明劝导", "长沙街道",
                null, null, null, now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofHours(4)), 100_000));
        Activity floor = activities.createActivity(new Activities.NewActivity(team.id(), "JDBC floor", "文明劝导", "长沙街道",
                null, null, null, now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofHours(4)), 100_000));
        SecurityContextHolder.clearContext();
        System.out.printf("setup: %,d volunteers registered in %d ms%n", ids.size(), (System.nanoTime() - started) / 1_000_000);

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("idle %.0f s after set-up%n", awaitIdle(os, Duration.ofMinutes(3)).toMillis() / 1e3);
        fire("127.0.0.1", port, apiToken, warm.id(), ids.subList(VOLUNTEERS, VOLUNTEERS + WARM_UP), tokens, false);
        awaitIdle(os, Duration.ofMinutes(1));
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        // CPU of the whole run: this JVM (server and clients; the clients' threads are timed on their own), and the
        // PostgreSQL processes (server processes of the pool and the background writers, from /proc)
        List<Long> pgPids = jdbc.sql("select pid from pg_stat_activity").query(Long.class).list();
        long pg0 = PostgresCpu.ticks(pgPids);
        long jvm0 = os.getProcessCpuTime();
        StatementCounter.reset();
        Result r = fire("127.0.0.1", port, apiToken, day.id(), ids.subList(0, VOLUNTEERS), tokens, true);
        StatementCounter.Counts statements = StatementCounter.snapshot();
        long jvmCpu = os.getProcessCpuTime() - jvm0;
        pgPids = jdbc.sql("select pid from pg_stat_activity").query(Long.class).list();
        long pgTicks = PostgresCpu.ticks(pgPids) - pg0;
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();

        // pgjdbc prepares a statement on the server after 5 uses on a connection (prepareThreshold): is the check-in's?
        long prepared = jdbc.sql("select count(*) from pg_prepared_statements where statement like '%volunteers_check_in%'")
                .query(Long.class).single();
        long rowsIn = jdbc.sql("select count(*) from volunteers_check_in where activity_id = :a").param("a", day.id())
                .query(Long.class).single();
        long distinct = jdbc.sql("select count(distinct volunteer_id) from volunteers_check_in where activity_id = :a")
                .param("a", day.id()).query(Long.class).single();
        long missing = jdbc.sql("select count(*) from volunteers_volunteer v where v.id <= :last and not exists "
                + "(select 1 from volunteers_check_in c where c.activity_id = :a and c.volunteer_id = v.id)")
                .param("last", ids.get(VOLUNTEERS - 1)).param("a", day.id()).query(Long.class).single();

        // the floor: the same rows inserted with plain JDBC (one statement and commit each), same pool, same clients
        DataSource ds = app.getBean(DataSource.class);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        String key = tokens.issue(floor.id());
        long t0 = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            pool.execute(() -> {
                try (Connection con = ds.getConnection(); PreparedStatement ps = con.prepareStatement("""
                        insert into volunteers_check_in (activity_id, volunteer_id, service_date, daily_index, method,
                            idempotency_key, checked_in_at, recorded_by) values (?, ?, ?, 1, 'QR', ?, ?, 'bench')""")) {
                    con.setAutoCommit(true);
                    for (int i; (i = next.getAndIncrement()) < VOLUNTEERS; ) {
                        ps.setLong(1, floor.id());
                        ps.setLong(2, ids.get(i));
                        ps.setObject(3, LocalDate.now(Volunteers.CITY));
                        ps.setString(4, "qr:" + key);
                        ps.setTimestamp(5, Timestamp.from(Instant.now()));
                        ps.executeUpdate();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double floorSeconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();

        System.out.println();
        System.out.println("=== 万人行: " + VOLUNTEERS + " check-ins over HTTP, " + CLIENTS + " clients, "
                + r.retried + " retried (two identical requests in flight) ===");
        System.out.printf("requests: %,d in %.2f s; check-ins/s (first requests): %,.0f; requests/s: %,.0f%n", r.requests,
                r.seconds, VOLUNTEERS / r.seconds, r.requests / r.seconds);
        System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", r.pct(50), r.pct(90), r.pct(99), r.pct(100));
        System.out.printf("answers: %d × 201 created, %d × 200 same check-in, %d other %s%n", r.created.get(), r.same.get(),
                r.other.get(), r.others);
        System.out.printf("afterwards: %d rows, %d distinct volunteers, %d volunteers without a check-in (lost), %d duplicates%n",
                rowsIn, distinct, missing, rowsIn - distinct);
        System.out.printf("JDBC floor: %,d single-row inserts with autocommit in %.2f s = %,.0f rows/s%n", VOLUNTEERS,
                floorSeconds, VOLUNTEERS / floorSeconds);
        double serverMs = (jvmCpu - r.clientCpuNanos.get()) / 1e6 / r.requests;
        double clientMs = r.clientCpuNanos.get() / 1e6 / r.requests;
        double pgMs = pgTicks < 0 ? Double.NaN : pgTicks * 1000.0 / PostgresCpu.TICKS_PER_SECOND / r.requests;
        System.out.printf("CPU ms per request: server JVM %.2f (incl. GC and JIT), client %.2f, PostgreSQL %s, total %s%n",
                serverMs, clientMs, Double.isNaN(pgMs) ? "n/a (not local)" : String.format("%.2f", pgMs),
                Double.isNaN(pgMs) ? "n/a" : String.format("%.2f", serverMs + clientMs + pgMs));
        System.out.printf("JDBC per request: %.2f statements, %.2f commits, %.2f rollbacks, %.2f connections taken%n",
                statements.statements() / (double) r.requests, statements.commits() / (double) r.requests,
                statements.rollbacks() / (double) r.requests, statements.connections() / (double) r.requests);
        System.out.printf("server-side prepared statements on a pool connection that name volunteers_check_in: %d%n",
                prepared);
        System.out.println("load average before: " + load + "; after: " + loadAfter);
    }

    /**
     * Waits until this JVM is idle — less than a tenth of a core over two seconds — or at most {@code limit}: the
     * ledgers' start-up feeds and the warm-up's last work are done before the measured part, so its CPU per request
     * is the check-ins' own. Answers how long it waited.
     */
    private static Duration awaitIdle(com.sun.management.OperatingSystemMXBean os, Duration limit)
            throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < limit.toNanos()) {
            long before = os.getProcessCpuTime();
            Thread.sleep(2000);
            if (os.getProcessCpuTime() - before < 200_000_000L) {
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Latencies and answers of one run. */
    static final class Result {
        final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger same = new AtomicInteger();
        final AtomicInteger other = new AtomicInteger();
        final ConcurrentLinkedQueue<String> others = new ConcurrentLinkedQueue<>();
        final java.util.concurrent.atomic.AtomicLong clientCpuNanos = new java.util.concurrent.atomic.AtomicLong();
        int requests;
        int retried;
        double seconds;
        long[] sorted;

        double pct(int p) {
            if (sorted == null) {
                sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    private static Result fire(String host, int port, String apiToken, long activity, List<Long> who, QrTokens tokens,
            boolean measure) throws Exception {
        Result r = new Result();
        // the captain's phone shows a new code every 20 s; a volunteer scans the code of the moment
        AtomicReference<String> code = new AtomicReference<>(tokens.issue(activity));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        java.util.concurrent.ScheduledExecutorService rotate = Executors.newSingleThreadScheduledExecutor();
        rotate.scheduleAtFixedRate(() -> code.set(tokens.issue(activity)), 20, 20, java.util.concurrent.TimeUnit.SECONDS);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < who.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(5));
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        AtomicInteger requests = new AtomicInteger();
        for (int c = 0; c < CLIENTS; c++) {
            clients.execute(() -> {
                long cpu0 = threads.getCurrentThreadCpuTime();
                // two keep-alive connections per client: the second carries the retry sent while the first is in flight
                try (HttpConnection first = new HttpConnection(host, port); HttpConnection second = new HttpConnection(host, port)) {
                    String path = "/api/v1/volunteers/activities/" + activity + "/check-ins";
                    for (int n; (n = next.getAndIncrement()) < order.size(); ) {
                        int i = order.get(n);
                        byte[] req = HttpConnection.post(host, port, path, apiToken,
                                "{\"volunteerId\":" + who.get(i) + ",\"token\":\"" + code.get() + "\"}");
                        boolean retry = i % 20 == 0;
                        long s = System.nanoTime();
                        if (retry) {
                            first.send(req);
                            second.send(req);
                            count(r, first.receive());
                            long e = System.nanoTime();
                            count(r, second.receive());
                            r.nanos.add(e - s);
                            r.nanos.add(System.nanoTime() - s);
                            requests.addAndGet(2);
                        } else {
                            first.send(req);
                            count(r, first.receive());
                            r.nanos.add(System.nanoTime() - s);
                            requests.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    r.other.incrementAndGet();
                    r.others.add(e.toString());
                } finally {
                    r.clientCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpu0);
                    done.countDown();
                }
            });
        }
        done.await();
        r.seconds = (System.nanoTime() - t0) / 1e9;
        r.requests = requests.get();
        r.retried = who.size() / 20;
        clients.shutdown();
        rotate.shutdown();
        if (!measure) {
            System.out.printf("warm-up: %,d requests in %.2f s%n", r.requests, r.seconds);
        }
        return r;
    }

    private static void count(Result r, HttpConnection.Answer a) {
        if (a.status() == 201) {
            r.created.incrementAndGet();
        } else if (a.status() == 200) {
            r.same.incrementAndGet();
        } else {
            r.other.incrementAndGet();
            if (r.others.size() < 5) {
                r.others.add(a.status() + " " + a.body().substring(0, Math.min(200, a.body().length())));
            }
        }
    }

}
