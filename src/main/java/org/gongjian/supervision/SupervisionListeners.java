package org.gongjian.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.gongjian.programme.MeasurementRecorded;
import org.gongjian.programme.MilestoneChanged;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.LedgerItemCleared;
import org.gongjian.shared.LedgerItemOverdue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates an initiative at once when one of its targets gets a measurement or one of its
 * milestones changes, raising a notice if it has fallen behind; and notes milestone changes as the
 * unit's reporting activity. Delivered through the event publication registry, so not lost in a crash.
 */
@Component
class SupervisionListeners {

    private final NoticeSweep sweep;
    private final NoticeManagement notices;
    private final TargetManagement targets;
    private final JdbcClient jdbc;
    private final Clock clock;

    SupervisionListeners(NoticeSweep sweep, NoticeManagement notices, TargetManagement targets, JdbcClient jdbc,
            Clock clock) {
        this.sweep = sweep;
        this.notices = notices;
        this.targets = targets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Per initiative: figures recorded, and figures covered by the last re-evaluation that finished. */
    private final java.util.concurrent.ConcurrentMap<Long, Coalescer> coalescers = new java.util.concurrent.ConcurrentHashMap<>();

    /** Counts an initiative's figures, and lets one re-evaluation cover every figure recorded before it started. */
    static final class Coalescer {
        private final java.util.concurrent.atomic.AtomicLong recorded = new java.util.concurrent.atomic.AtomicLong();
        private long covered;

        long record() {
            return recorded.incrementAndGet();
        }

        /** Runs the re-evaluation unless one that started after figure {@code mine} already finished. */
        synchronized boolean runUnlessCovered(long mine, Runnable evaluation) {
            if (covered >= mine) {
                return false;
            }
            long upTo = recorded.get();   // every figure counted so far is committed: events follow commits
            evaluation.run();
            covered = upTo;
            return true;
        }
    }

    /**
     * Re-evaluates the initiative after a figure's commit, on the event thread (never in the reporting request),
     * without holding a connection while it waits: it is not one transaction (the notices it raises are written
     * in their own). A burst of figures for one initiative costs one or two re-evaluations, not one each: a
     * figure whose re-evaluation waits behind a running one is covered by the next run, which reads everything
     * committed before it starts. The event stays in the publication registry until a run covering it is done.
     */
    @org.springframework.scheduling.annotation.Async
    @org.springframework.transaction.event.TransactionalEventListener
    void on(MeasurementRecorded recorded) {
        long initiativeId = targets.target(recorded.targetId()).initiativeId();
        Coalescer coalescer = coalescers.computeIfAbsent(initiativeId, id -> new Coalescer());
        long mine = coalescer.record();
        coalescer.runUnlessCovered(mine, () -> sweep.initiativeChanged(recorded.programmeCode(), initiativeId));
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
