package org.gongjian.assessment;

/** How long an assessment period is: a month, a quarter or a year. */
public enum PeriodKind {
    MONTH, QUARTER, YEAR;

    public String messageKey() { return "assessment.period-kind." + name(); }
}
