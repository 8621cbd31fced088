package org.gongjian.finance;

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

/** The daily check under the scheduler lock: overdue SLA clocks reported once, then the figures recomputed. */
@Component
class FinanceSweep {

    private static final Logger log = LoggerFactory.getLogger(FinanceSweep.class);

    private final Needs needs;
    private final FinanceIndicators indicators;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    FinanceSweep(Needs needs, FinanceIndicators indicators, LockingTaskExecutor locks, Clock clock) {
        this.needs = needs;
        this.indicators = indicators;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${gongjian.finance.sweep-cron:0 40 7 * * *}", zone = "Asia/Shanghai")
    void daily() {
        LocalDate today = LocalDate.now(clock);
        try {
            locks.executeWithLock((Runnable) () -> {
                int late = needs.sweep(today);
                int published = indicators.publish(today);
                log.info("Finance sweep: {} SLA clocks reported overdue, {} figures published", late, published);
            }, new LockConfiguration(Instant.now(clock), "finance-sweep", Duration.ofMinutes(30), Duration.ZERO));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Finance sweep failed", e);
        }
    }
}
