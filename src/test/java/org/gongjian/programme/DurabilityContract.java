package org.gongjian.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongjian.support.ForkedApp;
import org.junit.jupiter.api.Test;

/**
 * A 201 means stored: the application runs in a JVM of its own, 20 clients post measurements at once, the JVM
 * is killed with {@code kill -9} in the middle, started again on the same database, and every measurement
 * that had been answered 201 is there.
 */
abstract class DurabilityContract {

    static final String TARGET = "/api/v1/programmes/kaiping-2024/targets/finance.pairs/measurements";

    /** The database arguments of the forked application. */
    abstract List<String> database(Path workDir);

    @Test
    void every_measurement_answered_201_is_there_after_kill_9_under_concurrent_writers() throws Exception {
        Path work = Files.createTempDirectory("gongjian-crash");
        List<String> args = database(work);
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        try (ForkedApp first = ForkedApp.start(work, args)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger values = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(20);
            for (int w = 0; w < 20; w++) {
                writers.submit(() -> {
                    while (!stop.get()) {
                        int value = values.incrementAndGet();
                        try {
                            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + first.port + TARGET))
                                    .header("Authorization", "Bearer " + first.token)
                                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"value\":" + value + ",\"asOf\":\"2024-06-30\",\"note\":\"crash\"}"))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() == 201) {
                                acknowledged.add(id(answer.body()));
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();   // in flight when the JVM died: never acknowledged
                        }
                    }
                });
            }
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acknowledged.size() < 300 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            first.kill();
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("measurements answered 201 before the kill").hasSizeGreaterThan(20);
        try (ForkedApp second = ForkedApp.start(work, args)) {
            Set<Long> stored = stored(second);
            Set<Long> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertThat(lost).as("of %d acknowledged (%d refused or cut off)", acknowledged.size(), failed.get()).isEmpty();
        }
    }

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    static long id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    /** The ids of the target's measurements, page by page. */
    static Set<Long> stored(ForkedApp app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Set<Long> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port + TARGET
                            + "?size=500&page=" + page)).header("Authorization", "Bearer " + app.token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String content = body.substring(0, Math.max(0, body.indexOf("\"page\"")));
            Matcher m = ID.matcher(content);
            int found = 0;
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
                found++;
            }
            if (found < 500) {
                return ids;
            }
        }
    }
}
