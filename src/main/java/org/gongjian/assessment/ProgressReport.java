package org.gongjian.assessment;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A periodic progress report (进展报告): what a unit reported on an initiative for a reporting cycle (the
 * measurements of its targets recorded in the cycle's window), whether it came on time, and the office's
 * quality rating of it. See {@link org.gongjian.assessment.scoring.ReportBook} for the rules.
 */
public record ProgressReport(UnitRef unit, long initiativeId, int initiativeNumber, String initiativeTitle, String cycle,
        LocalDate windowStart, LocalDate due, ReportState state, @Nullable Instant submitted, int measurements,
        @Nullable Rating rating, boolean demo) {

    /** Where a report stands. */
    public enum ReportState {
        /** Not in yet, and not due yet. */
        PENDING,
        ON_TIME,
        LATE,
        /** Not in, and the due date has passed. */
        MISSED;

        public String messageKey() { return "assessment.report-state." + name(); }

        public boolean submitted() { return this == ON_TIME || this == LATE; }
    }
}
