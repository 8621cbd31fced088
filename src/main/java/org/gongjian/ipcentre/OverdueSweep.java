package org.gongjian.ipcentre;

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

/** The daily check of the centre's clocks and timers, under the scheduler lock (one instance does it). */
@Component
class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);
    private static final String LOCK = "ipcentre-overdue-sweep";

    private final DesignCases designs;
    private final ProtectionCases protection;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    OverdueSweep(DesignCases designs, ProtectionCases protection, LockingTaskExecutor locks, Clock clock) {
        this.designs = designs;
        this.protection = protection;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${gongjian.ipcentre.sweep-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
    void daily() {
        LocalDate today = LocalDate.now(clock);
        LockConfiguration lock = new LockConfiguration(Instant.now(clock), LOCK, Duration.ofMinutes(30), Duration.ZERO);
        locks.executeWithLock((Runnable) () -> {
            int d = designs.sweepOverdue(today);
            int p = protection.sweepOverdue(today);
            log.info("IP centre sweep: {} design cases and {} protection cases reported overdue", d, p);
        }, lock);
    }
}
