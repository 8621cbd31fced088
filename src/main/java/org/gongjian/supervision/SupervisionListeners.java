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
 * unit's reporting activity. Milestone changes and ledger items are delivered through the event publication
 * registry, so not lost in a crash; figures are gathered per programme in memory (see {@link #on(MeasurementRecorded)}).
 */
@Component
class SupervisionListeners {

    private final NoticeSweep sweep;
    private final NoticeManagement notices;
    private final JdbcClient jdbc;
    private final Clock clock;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SupervisionListeners.class);

    private final java.time.Duration pause;
    private final java.util.concurrent.Executor executor;

    SupervisionListeners(NoticeSweep sweep, NoticeManagement notices, JdbcClient jdbc, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${gongjian.supervision.reevaluation-pause:PT1S}")
            java.time.Duration pause,
            @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor")
            java.util.concurrent.Executor executor) {
        this.pause = pause;
        this.executor = executor;
        this.sweep = sweep;
        this.notices = notices;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Per programme: the targets with figures waiting for a re-evaluation. */
    private final java.util.concurrent.ConcurrentMap<String, Coalescer> coalescers = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Gathers the targets written in a programme and lets one runner at a time re-evaluate them on the task executor:
     * the figure that finds no run under way starts one, which waits the pause (so that a burst's figures share the
     * run), takes every target gathered so far and judges them, and goes round again while more have come meanwhile.
     * Other figures only add their target. A run that fails leaves its targets for the next run (the next figure of
     * the programme starts it) and for the daily sweep.
     */
    static final class Coalescer {
        private final java.util.Set<Long> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();

        void record(long targetId, java.time.Duration pause, java.util.concurrent.Executor executor,
                java.util.function.Consumer<java.util.Set<Long>> evaluation) {
            pending.add(targetId);
            start(pause, executor, evaluation);
        }

        private void start(java.time.Duration pause, java.util.concurrent.Executor executor,
                java.util.function.Consumer<java.util.Set<Long>> evaluation) {
            if (pending.isEmpty() || !running.compareAndSet(false, true)) {
                return;
            }
            try {
                executor.execute(() -> run(pause, executor, evaluation));
            } catch (RuntimeException e) {   // the executor is shutting down: the daily sweep judges what is left
                running.set(false);
                log.warn("Re-evaluation after figures not started: {}", e.toString());
            }
        }

        private void run(java.time.Duration pause, java.util.concurrent.Executor executor,
                java.util.function.Consumer<java.util.Set<Long>> evaluation) {
            boolean failed = false;
            try {
                do {
                    runOnce(pause, evaluation);
                } while (!pending.isEmpty());
            } catch (RuntimeException e) {
                failed = true;
                log.warn("Re-evaluation after figures failed; its targets wait for the next run", e);
            } finally {
                running.set(false);
            }
            if (!failed) {   // a target added after the last look, before running was cleared
                start(pause, executor, evaluation);
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
                    pending.addAll(targets);
                    throw e;
                }
            }
        }
    }

    /**
     * Re-evaluates the targets written once a figure's transaction has committed (at once when there is none), never
     * in the reporting request: the request only adds the target to its programme's gathering, and a runner on the
     * task executor reads and judges the targets written and raises or clears only their notice items (ADR 0036).
     * The figure is not recorded in the event publication registry (ADR 0037): a run covers many figures, and the
     * registry's three writes per figure were most of what a figure cost after its own insert. A process that dies
     * between a figure and its run leaves the target to the daily sweep, as a figure whose target a running run took
     * already did before.
     */
    @org.springframework.context.event.EventListener
    void on(MeasurementRecorded recorded) {
        Runnable gather = () -> coalescers.computeIfAbsent(recorded.programmeCode(), code -> new Coalescer())
                .record(recorded.targetId(), pause, executor,
                        targetIds -> sweep.targetsChanged(recorded.programmeCode(), targetIds));
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            gather.run();
            return;
        }
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        gather.run();
                    }
                });
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
