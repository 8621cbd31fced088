package org.gongjian.supervision;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How often responsible units report progress. A cycle's report is due on the policy's due day of the
 * month after the cycle ends (the 5th, say: 重点项目每月5日前报送上月进展).
 */
public enum ReportCycle {
    MONTHLY(1), QUARTERLY(3);

    private final int months;

    ReportCycle(int months) {
        this.months = months;
    }

    /** The first day of the cycle that contains a date. */
    public LocalDate cycleStart(LocalDate date) {
        int firstMonth = ((date.getMonthValue() - 1) / months) * months + 1;
        return LocalDate.of(date.getYear(), firstMonth, 1);
    }

    /** The last day of the cycle that starts on {@code start}. */
    public LocalDate cycleEnd(LocalDate start) {
        return YearMonth.from(start).plusMonths(months - 1L).atEndOfMonth();
    }

    /** The cycle's label, e.g. 2024-05 or 2024-Q2. */
    public String label(LocalDate start) {
        return this == MONTHLY ? YearMonth.from(start).toString()
                : start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    /** The report of the cycle starting on {@code start} is due on this day. */
    public LocalDate dueDate(LocalDate start, int dueDay) {
        return YearMonth.from(cycleEnd(start)).plusMonths(1).atDay(dueDay);
    }

    /** The cycle before the one starting on {@code start}. */
    public LocalDate previous(LocalDate start) {
        return start.minusMonths(months);
    }
}
