package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongjian.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two sweeps at once on one PostgreSQL, as two application instances would run them: the scheduler lock
 * lets one through, and even without the lock the unique keys let no notice be raised twice.
 */
@SpringBootTest
@ActiveProfiles("test")
class SweepConcurrencyPostgresTests {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @Autowired NoticeSweep sweep;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    <T> List<T> together(java.util.concurrent.Callable<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    long raisedToday() {
        return jdbc.sql("select count(*) from supervision_notice where raised_on = :today")
                .param("today", LocalDate.now(clock)).query(Long.class).single();
    }

    long duplicates() {
        return jdbc.sql("""
                select count(*) from (select subject_key, basis from supervision_notice
                 group by subject_key, basis having count(*) > 1) d""").query(Long.class).single();
    }

    @Test
    void two_sweeps_without_the_lock_still_raise_each_notice_once() throws Exception {
        List<NoticeSweep.Result> results = together(() -> sweep.sweep("kaiping-2024", LocalDate.of(2025, 1, 10)));
        long raised = jdbc.sql("select count(*) from supervision_notice where raised_on = date '2025-01-10'")
                .query(Long.class).single();
        assertThat(raised).isPositive();
        assertThat(results.get(0).raised() + results.get(1).raised()).isEqualTo(raised);
        assertThat(duplicates()).isZero();
        assertThat(jdbc.sql("select count(*) from supervision_notice_history h join supervision_notice n on n.id = h.notice_id "
                + "where n.raised_on = date '2025-01-10'").query(Long.class).single()).isEqualTo(raised);
    }

    @Test
    void with_the_scheduler_lock_a_second_instance_leaves_the_sweep_to_the_first() throws Exception {
        // notices raised at once by start-up events (e.g. the demo GEP accounts' ledger measurements) land first
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
        long before = raisedToday();
        List<Optional<NoticeSweep.Result>> results = together(() -> sweep.sweepLocked("kaiping-2024"));
        assertThat(results).anyMatch(Optional::isPresent);
        int reported = results.stream().flatMap(Optional::stream).mapToInt(NoticeSweep.Result::raised).sum();
        assertThat(reported).isEqualTo(raisedToday() - before);
        assertThat(sweep.sweepLocked("kaiping-2024")).hasValueSatisfying(r -> assertThat(r.raised()).isZero());
        assertThat(duplicates()).isZero();
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'supervision-sweep'").query(Long.class).single())
                .isEqualTo(1);
    }
}
