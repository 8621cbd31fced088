package org.gongjian.notification;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries deliveries while the application runs: every minute, one instance resubmits the event
 * publications that have stayed incomplete for a minute (a channel was down). On start-up every
 * instance republishes what is outstanding ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
class DeliveryRetries {

    private final IncompleteEventPublications incomplete;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    DeliveryRetries(IncompleteEventPublications incomplete, LockingTaskExecutor locks, Clock clock) {
        this.incomplete = incomplete;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gongjian.notification.retry-every:PT1M}", initialDelayString = "PT1M")
    void resubmit() {
        locks.executeWithLock((Runnable) () -> incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1)),
                new LockConfiguration(clock.instant(), "notification-retries", Duration.ofMinutes(10), Duration.ZERO));
    }
}
