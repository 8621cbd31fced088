package org.gongjian.supervision.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.gongjian.supervision.TimeProgressMethod;
import org.jspecify.annotations.Nullable;

/** 时间进度: how much of a target's period from its start to its deadline has elapsed on a date. */
public final class TimeProgress {

    private TimeProgress() {
    }

    /**
     * The elapsed fraction of {@code [start, deadline]} on {@code asOf}, from 0 to 1.
     *
     * @param planCurve the planned path's own progress on {@code asOf}, used by {@code PLAN_CURVE}; when
     *                  null that method falls back to months elapsed
     */
    public static double of(TimeProgressMethod method, LocalDate start, LocalDate deadline, LocalDate asOf,
            @Nullable Double planCurve) {
        if (asOf.isBefore(start)) {
            return 0;
        }
        if (!asOf.isBefore(deadline)) {
            return 1;
        }
        return switch (method) {
            case MONTHS_ELAPSED -> monthsElapsed(start, deadline, asOf);
            case DAYS_ELAPSED -> (ChronoUnit.DAYS.between(start, asOf) + 1.0) / (ChronoUnit.DAYS.between(start, deadline) + 1.0);
            case PLAN_CURVE -> planCurve != null ? Math.max(0, Math.min(1, planCurve)) : monthsElapsed(start, deadline, asOf);
        };
    }

    /**
     * Completed calendar months over the months of the period (start's month to the deadline's, both
     * counted): k/12 for a calendar year, as bulletins report 1–3月 25%, 1–11月 91.7%. A month is
     * completed on its last day, the deadline's month on the deadline.
     */
    static double monthsElapsed(LocalDate start, LocalDate deadline, LocalDate asOf) {
        YearMonth first = YearMonth.from(start);
        YearMonth last = YearMonth.from(deadline);
        long total = ChronoUnit.MONTHS.between(first, last) + 1;
        long completed = ChronoUnit.MONTHS.between(first, YearMonth.from(asOf));
        if (asOf.equals(YearMonth.from(asOf).atEndOfMonth())) {
            completed++;
        }
        return Math.max(0, Math.min(total, completed)) / (double) total;
    }
}
