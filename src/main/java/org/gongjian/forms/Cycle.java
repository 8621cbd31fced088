package org.gongjian.forms;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How often a unit returns a form. Periods are named {@code 2024-10} (monthly), {@code 2024-Q4},
 * {@code 2024-H1} (half-yearly: 1 January–30 June, 1 July–31 December), {@code 2024} (yearly) and
 * {@code once}.
 */
public enum Cycle {
    ONCE, MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY;

    /** A period of a cycle. */
    public record Period(String code, LocalDate start, LocalDate end) {
    }

    /** The period containing a day; for ONCE, the assignment's whole run from {@code starts}. */
    public Period containing(LocalDate day, LocalDate starts, LocalDate ends) {
        int y = day.getYear();
        return switch (this) {
            case ONCE -> new Period("once", starts, ends);
            case MONTHLY -> {
                YearMonth m = YearMonth.from(day);
                yield new Period(m.toString(), m.atDay(1), m.atEndOfMonth());
            }
            case QUARTERLY -> {
                int q = (day.getMonthValue() - 1) / 3;
                LocalDate s = LocalDate.of(y, q * 3 + 1, 1);
                yield new Period(y + "-Q" + (q + 1), s, s.plusMonths(3).minusDays(1));
            }
            case HALF_YEARLY -> day.getMonthValue() <= 6
                    ? new Period(y + "-H1", LocalDate.of(y, 1, 1), LocalDate.of(y, 6, 30))
                    : new Period(y + "-H2", LocalDate.of(y, 7, 1), LocalDate.of(y, 12, 31));
            case YEARLY -> new Period(String.valueOf(y), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        };
    }

    /** The periods that have begun by {@code today}, from the one containing {@code starts}, within [starts, ends]. */
    public List<Period> begun(LocalDate starts, LocalDate ends, LocalDate today) {
        List<Period> periods = new ArrayList<>();
        if (starts.isAfter(today)) {
            return periods;
        }
        if (this == ONCE) {
            periods.add(containing(starts, starts, ends));
            return periods;
        }
        LocalDate day = starts;
        while (!day.isAfter(today) && !day.isAfter(ends)) {
            Period p = containing(day, starts, ends);
            periods.add(p);
            day = p.end().plusDays(1);
        }
        return periods;
    }

    /** The period after the one containing a day (where a new form version applies from). */
    public LocalDate nextPeriodStart(LocalDate day) {
        return this == ONCE ? day : containing(day, day, day).end().plusDays(1);
    }
}
