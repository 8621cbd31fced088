package org.gongjian.supervision;

/** Why a target or milestone has its status; each has a message key {@code status.reason.NAME}. */
public enum StatusReason {
    /** The latest value meets the target. */
    TARGET_MET,
    /** The deadline has passed and the latest value does not meet the target. */
    PAST_DEADLINE,
    /** Nothing reported yet and the deadline has not passed. */
    NO_MEASUREMENT,
    /** Behind the planned path by at least the red tolerance. */
    BEHIND_PLAN_RED,
    /** Behind the planned path by at least the yellow tolerance. */
    BEHIND_PLAN_YELLOW,
    /** Within tolerance, but the forecast gives less than the policy's probability of meeting the target. */
    FORECAST_MISS,
    /** Within tolerance of the planned path. */
    ON_PLAN,
    /** The milestone was completed. */
    MILESTONE_DONE,
    /** The milestone's due date has passed and it is not completed. */
    MILESTONE_OVERDUE,
    /** The milestone is due within the policy's working days and has not started. */
    MILESTONE_DUE_SOON,
    /** The milestone is not due yet, or due soon but started. */
    MILESTONE_PENDING;

    public String messageKey() { return "status.reason." + name(); }
}
