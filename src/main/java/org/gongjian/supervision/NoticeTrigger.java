package org.gongjian.supervision;

/** Why a notice was raised. */
public enum NoticeTrigger {
    /** A target is off track (滞后) or overdue (逾期). */
    TARGET_OFF_TRACK,
    /** A target is forecast to miss: its probability of being met is below the policy's threshold. */
    TARGET_FORECAST_MISS,
    /** A milestone's due date has passed and it is not completed. */
    MILESTONE_OVERDUE,
    /** A milestone is due within the policy's working days and has not started. */
    MILESTONE_DUE_SOON,
    /** A unit has not reported progress for a cycle by its due day. */
    REPORT_MISSING,
    /** A ledger's item passed its deadline ({@code shared.LedgerItemOverdue}). */
    LEDGER_OVERDUE,
    /** Raised by hand by the programme office. */
    MANUAL;

    public String messageKey() { return "notice.trigger." + name(); }
}
