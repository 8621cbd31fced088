package org.gongjian.roads;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily check under the scheduler lock: overdue defects reported once, then the figures recomputed. */
@Component
class RoadSweep {

    private static final Logger log = LoggerFactory.getLogger(RoadSweep.class);

    private final RoadIssues issues;
    private final RoadIndicators indicators;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    RoadSweep(RoadIssues issues, RoadIndicators indicators, LockingTaskExecutor locks, Clock clock) {
        this.issues = issues;
        this.indicators = indicators;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${gongjian.roads.sweep-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
    void daily() {
        LocalDate today = LocalDate.now(clock);
        try {
            locks.executeWithLock((Runnable) () -> {
                int late = issues.sweep(today);
                int published = indicators.publish(today);
                log.info("Roads sweep: {} defects reported overdue, {} figures published", late, published);
            }, new LockConfiguration(Instant.now(clock), "roads-sweep", Duration.ofMinutes(30), Duration.ZERO));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Roads sweep failed", e);
        }
    }
}
