package org.gongjian.projects;

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

/** The daily check under the scheduler lock: overdue coordination problems reported once, then the figures recomputed. */
@Component
class ProjectSweep {

    private static final Logger log = LoggerFactory.getLogger(ProjectSweep.class);

    private final CoordinationProblems problems;
    private final ProjectIndicators indicators;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    ProjectSweep(CoordinationProblems problems, ProjectIndicators indicators, LockingTaskExecutor locks, Clock clock) {
        this.problems = problems;
        this.indicators = indicators;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${gongjian.projects.sweep-cron:0 40 7 * * *}", zone = "Asia/Shanghai")
    void daily() {
        LocalDate today = LocalDate.now(clock);
        try {
            locks.executeWithLock((Runnable) () -> {
                int late = problems.sweep(today);
                int published = indicators.publish(today);
                log.info("Projects sweep: {} problems reported overdue, {} figures published", late, published);
            }, new LockConfiguration(Instant.now(clock), "projects-sweep", Duration.ofMinutes(30), Duration.ZERO));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Projects sweep failed", e);
        }
    }
}
