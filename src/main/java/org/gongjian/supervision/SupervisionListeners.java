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
            @org.springframework.beans.factory.annotation.Value("${gongjian.supervision.reevaluation-pause:PT0S}")
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
     * Gathers the targets written in a programme and lets one re-evaluation cover every figure recorded before it
     * started: a figure's target is added, then the figure counted; a run reads the count, then takes the targets
     * gathered so far — every figure counted by then has its target among them.
     */
    static final class Coalescer {
        private final java.util.concurrent.atomic.AtomicLong recorded = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.Set<Long> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private long covered;

        long record(long targetId) {
            pending.add(targetId);
            return recorded.incrementAndGet();
        }

        /**
         * Re-evaluates the targets gathered, unless a run that started after figure {@code mine} already finished;
         * waits {@code pause} first, so that the figures of a burst arriving meanwhile are covered by the same run.
         */
        synchronized boolean runUnlessCovered(long mine, java.time.Duration pause,
                java.util.function.Consumer<java.util.Set<Long>> evaluation) {
            if (covered >= mine) {
                return false;
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Re-evaluation interrupted", e);
            }
            long upTo = recorded.get();   // every figure counted so far is committed: events follow commits
            java.util.Set<Long> targets = new java.util.HashSet<>();
            for (java.util.Iterator<Long> it = pending.iterator(); it.hasNext(); ) {
                targets.add(it.next());
                it.remove();
            }
            if (!targets.isEmpty()) {
                try {
                    evaluation.accept(targets);
                } catch (RuntimeException e) {
                    pending.addAll(targets);   // the figures waiting for this run are covered by the next one
                    throw e;
                }
            }
            covered = upTo;
            return true;
        }
    }

    /**
     * Re-evaluates the targets written after a figure's commit, on the event thread (never in the reporting
     * request), without holding a connection while it waits: it is not one transaction (the notices it raises are
     * written in their own). Only the targets written are read and judged, not their initiatives, and a burst of
     * figures in one programme costs one run per {@code gongjian.supervision.reevaluation-pause} (1 s) at most, not
     * one per figure: a run first waits that long, and a figure whose run waits behind a running one is covered by
     * the next run, which reads everything committed before it starts. So the work after writes is bounded whatever
     * their rate, and a notice follows its figure within about a second. The event stays in the
     * publication registry until a run covering it is done.
     */
    @org.springframework.scheduling.annotation.Async
    @org.springframework.transaction.event.TransactionalEventListener
    void on(MeasurementRecorded recorded) {
        Coalescer coalescer = coalescers.computeIfAbsent(recorded.programmeCode(), code -> new Coalescer());
        long mine = coalescer.record(recorded.targetId());
        coalescer.runUnlessCovered(mine, pause, targetIds -> sweep.targetsChanged(recorded.programmeCode(), targetIds));
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
