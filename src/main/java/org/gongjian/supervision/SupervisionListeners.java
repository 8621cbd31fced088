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

    @ApplicationModuleListener
    void on(MeasurementRecorded recorded) {
        long initiativeId = targets.target(recorded.targetId()).initiativeId();
        sweep.initiativeChanged(recorded.programmeCode(), initiativeId);
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
