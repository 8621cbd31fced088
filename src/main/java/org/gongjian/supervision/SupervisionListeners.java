package org.gongjian.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.gongjian.programme.MeasurementRecorded;
import org.gongjian.programme.MilestoneChanged;
import org.gongjian.shared.LedgerItemCleared;
import org.gongjian.shared.LedgerItemOverdue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates a target at once when it gets a measurement, and an initiative when one of its
 * milestones changes, raising a notice if it has fallen behind; and notes milestone changes as the
 * unit's reporting activity. Delivered through the event publication registry, so not lost in a crash.
 */
@Component
class SupervisionListeners {

    private final NoticeSweep sweep;
    private final NoticeManagement notices;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final java.time.Duration pause;

    SupervisionListeners(NoticeSweep sweep, NoticeManagement notices, JdbcClient jdbc, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${gongjian.supervision.reevaluation-pause:PT1S}")
            java.time.Duration pause) {
        this.pause = pause;
        this.sweep = sweep;
        this.notices = notices;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Per programme: the targets with figures waiting for a re-evaluation, and which figures runs have covered. */
    private final java.util.concurrent.ConcurrentMap<String, Coalescer> coalescers = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Gathers the targets written in a programme and lets one runner at a time re-evaluate them: the event that finds
     * no run under way becomes the runner, waits the pause (so that a burst's figures share the run), takes every
     * target gathered so far and judges them, and goes round again while more have come meanwhile. The other events
     * only add their target and return at once, so a burst holds one event thread per programme, never the pool the
     * other modules' deliveries share.
     */
    static final class Coalescer {
        private final java.util.Set<Long> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();

        void record(long targetId, java.time.Duration pause, java.util.function.Consumer<java.util.Set<Long>> evaluation) {
            pending.add(targetId);
            // a target added after the runner's last look finds running false here, or the runner finds it below
            while (!pending.isEmpty() && running.compareAndSet(false, true)) {
                try {
                    runOnce(pause, evaluation);
                } finally {
                    running.set(false);
                }
            }
        }

        private void runOnce(java.time.Duration pause, java.util.function.Consumer<java.util.Set<Long>> evaluation) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Re-evaluation interrupted", e);
            }
            java.util.Set<Long> targets = new java.util.HashSet<>();
            for (java.util.Iterator<Long> it = pending.iterator(); it.hasNext(); ) {
                targets.add(it.next());
                it.remove();
            }
            if (!targets.isEmpty()) {
                try {
                    evaluation.accept(targets);
                } catch (RuntimeException e) {
                    pending.addAll(targets);   // judged by the next run; this event stays incomplete and is retried
                    throw e;
                }
            }
        }
    }

    /**
     * Re-evaluates the targets written after a figure's commit, on the event thread (never in the reporting
     * request), without holding a connection while it waits: it is not one transaction (the notices it raises are
     * written in their own). Only the targets written are read and judged, not their initiatives, and a burst of
     * figures in one programme costs one run per {@code gongjian.supervision.reevaluation-pause} (1 s) at most, not
     * one per figure, so the notices of a burst are combined per unit. The event that runs stays in the publication
     * registry until its run is done; the events whose targets a running run will take complete at once (a crash
     * then leaves their targets to the daily sweep).
     */
    @org.springframework.scheduling.annotation.Async
    @org.springframework.transaction.event.TransactionalEventListener
    void on(MeasurementRecorded recorded) {
        coalescers.computeIfAbsent(recorded.programmeCode(), code -> new Coalescer()).record(recorded.targetId(), pause,
                targetIds -> sweep.targetsChanged(recorded.programmeCode(), targetIds));
    }

    @ApplicationModuleListener
    void on(MilestoneChanged changed) {
        jdbc.sql("insert into supervision_activity (initiative_id, subject, occurred_at) values (:i, :s, :at)")
                .param("i", changed.initiativeId()).param("s", "milestone:" + changed.milestoneId())
                .param("at", Timestamp.from(Instant.now(clock))).update();
        sweep.initiativeChanged(changed.programmeCode(), changed.initiativeId());
    }

    /** A ledger's item is overdue: a notice to the responsible unit, once while open (ADR 0025). */
    @ApplicationModuleListener
    void on(LedgerItemOverdue overdue) {
        notices.ledgerItemOverdue(overdue);
    }

    /** A ledger's item is done: its notice item is cleared, and the notice closed when nothing is left. */
    @ApplicationModuleListener
    void on(LedgerItemCleared cleared) {
        notices.ledgerItemCleared(cleared);
    }
}
