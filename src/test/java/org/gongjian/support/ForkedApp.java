package org.gongjian.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gongjian.GongjianApplication;
import org.gongjian.organisation.ApiTokens;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The application in a JVM of its own, as in production (no test profile), so that a test can kill it with
 * {@code kill -9} and start it again on the same database. Its {@link #main} starts the application, makes a
 * personal API token for {@code admin} and prints {@code FORKED-READY <port> <token>}.
 */
public final class ForkedApp implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "forked-admin-secret";

    private final Process process;
    public final int port;
    public final String token;

    private ForkedApp(Process process, int port, String token) {
        this.process = process;
        this.port = port;
        this.token = token;
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext app = SpringApplication.run(GongjianApplication.class, args);
        UserDetails admin = app.getBean(UserDetailsService.class).loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        String token = app.getBean(ApiTokens.class).create("forked-" + System.nanoTime(), null).secret();
        SecurityContextHolder.clearContext();
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        System.out.println("FORKED-READY " + port + " " + token);
        System.out.flush();
    }

    /** Starts the application in a new JVM with these arguments (besides port, address and admin password). */
    public static ForkedApp start(Path workDir, List<String> args) throws Exception {
        return start(workDir, List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), args);
    }

    /** As {@link #start(Path, List)}, with these JVM options (a benchmark wants the full JIT). */
    public static ForkedApp start(Path workDir, List<String> jvm, List<String> args) throws Exception {
        Files.createDirectories(workDir);
        Path log = Files.createTempFile(workDir, "app-", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-cp", absoluteClassPath(), ForkedApp.class.getName(),
                "--server.port=0", "--server.address=127.0.0.1", "--gongjian.admin-password=" + ADMIN_PASSWORD,
                "--gongjian.demo.progress.enabled=false", "--gongjian.supervision.sweep-cron=-",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(Long.getLong("gongjian.fork.start-minutes", 10)).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith("FORKED-READY ")) {
                    String[] parts = line.split(" ");
                    return new ForkedApp(process, Integer.parseInt(parts[1]), parts[2]);
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The forked application stopped:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The forked application did not start:\n" + Files.readString(log));
    }

    /** This JVM's class path with every entry made absolute: the fork runs in another directory. */
    static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** The CPU time the application's JVM has used so far (all its threads). */
    public Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed. */
    /**
     * Waits until the application is idle — its JVM using less than a tenth of a core over two seconds — or at most
     * {@code limit}: after a start, the ledgers' start-up feeds and the events left over from the run before are
     * worked off, so a benchmark measures its own requests. Answers how long it waited.
     */
    public Duration awaitIdle(Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < limit.toNanos()) {
            Duration before = cpu();
            Thread.sleep(2000);
            if (cpu().minus(before).toMillis() < 200) {
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
