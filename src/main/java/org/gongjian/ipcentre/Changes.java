package org.gongjian.ipcentre;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects the changes of one transaction into a single {@link IpCentreChanged} (dated by the earliest
 * day touched), published just before it commits: an import of a thousand rows recomputes the figures once.
 */
@Component
class Changes {

    private static final Object KEY = new Object();

    private final ApplicationEventPublisher events;

    Changes(ApplicationEventPublisher events) {
        this.events = events;
    }

    void touched(LocalDate on) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            events.publishEvent(new IpCentreChanged(on));
            return;
        }
        @SuppressWarnings("unchecked")
        AtomicReference<LocalDate> earliest = (AtomicReference<LocalDate>) TransactionSynchronizationManager.getResource(KEY);
        if (earliest != null) {
            earliest.accumulateAndGet(on, (a, b) -> a.isBefore(b) ? a : b);
            return;
        }
        AtomicReference<LocalDate> first = new AtomicReference<>(on);
        TransactionSynchronizationManager.bindResource(KEY, first);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                events.publishEvent(new IpCentreChanged(first.get()));
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            }
        });
    }
}
