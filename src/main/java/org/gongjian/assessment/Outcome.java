package org.gongjian.assessment;

/** What an item came to by the end of the period; each has a message key {@code assessment.outcome.NAME}. */
public enum Outcome {
    /** A target met. */
    MET,
    /** A target measured: its progress is set against time progress. */
    PROGRESS,
    /** A target with nothing reported by the end of the period. */
    NOT_REPORTED,
    /** A target whose progress cannot be computed (a falling target without a baseline): left out. */
    NOT_MEASURABLE,
    /** A milestone completed or a report submitted by its due date. */
    ON_TIME,
    /** A milestone completed or a report submitted after its due date, within the period. */
    LATE,
    /** A milestone not completed, or a report not submitted, by the end of the period. */
    MISSED,
    /** A notice answered by its original due date. */
    ANSWERED_ON_TIME,
    /** A notice answered after its original due date. */
    ANSWERED_LATE,
    /** A notice due in the period and not answered by its end. */
    UNANSWERED,
    /** A notice escalated to (or raised as) 督办. */
    ESCALATED_SUPERVISE,
    /** A notice escalated to (or raised as) 通报. */
    ESCALATED_BULLETIN,
    /** An honour granted by a national body. */
    HONOUR_NATIONAL,
    HONOUR_PROVINCIAL,
    HONOUR_MUNICIPAL,
    HONOUR_COUNTY,
    /** A progress report rated 优 by the office. */
    RATED_EXCELLENT,
    /** 良. */
    RATED_GOOD,
    /** 中. */
    RATED_FAIR,
    /** 差. */
    RATED_POOR;

    public String messageKey() { return "assessment.outcome." + name(); }
}
