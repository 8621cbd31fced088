package org.gongjian.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The official working-day calendar: Monday to Friday, less the State Council's holidays, plus its
 * weekend make-up working days (调休上班). For a year whose notice is not out yet the calendar is
 * unknown: Monday to Friday is assumed and dates in it are {@linkplain #provisional(LocalDate) provisional}.
 */
public final class Workdays {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeupDays;
    private final Set<Integer> knownYears;

    public Workdays(Set<LocalDate> holidays, Set<LocalDate> makeupDays, Set<Integer> knownYears) {
        this.holidays = Set.copyOf(holidays);
        this.makeupDays = Set.copyOf(makeupDays);
        this.knownYears = Set.copyOf(knownYears);
    }

    /** A 工作日: Monday to Friday and not a holiday, or a make-up working day. */
    public boolean isWorkingDay(LocalDate date) {
        if (makeupDays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** Whether the date lies in a year whose holiday notice has not been entered. */
    public boolean provisional(LocalDate date) {
        return !knownYears.contains(date.getYear());
    }

    /**
     * The day by which "N个工作日内" ends when counted from {@code from}: the start day is not counted
     * (民法典 第二百零一条), so the count begins on the next day. N = 0 gives {@code from} itself.
     */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        LocalDate date = from;
        int left = n;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /**
     * Working days in {@code (from, to]}; 0 when {@code to} is not after {@code from}. Counted without walking the
     * days: Monday to Friday by whole weeks, less the holidays on them, plus the make-up days on a weekend or a
     * holiday — as many steps as the calendar has special days, however far apart the dates (a milestone due in ten
     * years is counted on every status request).
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(from, to);
        long count = days / 7 * 5;
        for (LocalDate d = from.plusDays(days / 7 * 7 + 1); !d.isAfter(to); d = d.plusDays(1)) {
            count += weekday(d) ? 1 : 0;
        }
        for (LocalDate holiday : holidays) {
            if (holiday.isAfter(from) && !holiday.isAfter(to) && weekday(holiday) && !makeupDays.contains(holiday)) {
                count--;
            }
        }
        for (LocalDate makeup : makeupDays) {
            if (makeup.isAfter(from) && !makeup.isAfter(to) && (!weekday(makeup) || holidays.contains(makeup))) {
                count++;
            }
        }
        return Math.toIntExact(count);
    }

    private static boolean weekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** Working days in a calendar year. */
    public int workingDaysIn(int year) {
        return workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
    }
}
