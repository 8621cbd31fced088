package org.gongjian.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongjian.shared.InvalidInputException;

/**
 * An assessment period: a month ({@code 2024-05}), a quarter ({@code 2024-Q2}) or a year ({@code 2024}).
 * A period's score is computed from the data as it stood at the end of its last day.
 *
 * @param number the month (1–12), the quarter (1–4), or 1 for a year
 */
public record Period(PeriodKind kind, int year, int number) implements Comparable<Period> {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public Period {
        int max = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 1;
        };
        if (year < 2000 || year > 2100 || number < 1 || number > max) {
            throw new IllegalArgumentException("No such period: " + kind + " " + year + "/" + number);
        }
    }

    public static Period month(YearMonth month) {
        return new Period(PeriodKind.MONTH, month.getYear(), month.getMonthValue());
    }

    public static Period quarter(int year, int quarter) {
        return new Period(PeriodKind.QUARTER, year, quarter);
    }

    public static Period year(int year) {
        return new Period(PeriodKind.YEAR, year, 1);
    }

    /** The period of a kind that contains a date. */
    public static Period containing(PeriodKind kind, LocalDate date) {
        return switch (kind) {
            case MONTH -> month(YearMonth.from(date));
            case QUARTER -> quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
            case YEAR -> year(date.getYear());
        };
    }

    /** Reads 2024-05, 2024-Q2 or 2024; anything else is refused naming the field {@code period}. */
    public static Period parse(String text) {
        String t = text.trim();
        try {
            Matcher m = MONTH.matcher(t);
            if (m.matches()) {
                return new Period(PeriodKind.MONTH, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = QUARTER.matcher(t);
            if (m.matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = YEAR.matcher(t);
            if (m.matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
        } catch (IllegalArgumentException e) {
            // out of range: refused below
        }
        throw new InvalidInputException("period", "error.assessment.period", text);
    }

    public LocalDate start() {
        return switch (kind) {
            case MONTH -> LocalDate.of(year, number, 1);
            case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    /** The period's last day: its score is the data as it stood at the end of this day. */
    public LocalDate end() {
        return switch (kind) {
            case MONTH -> YearMonth.of(year, number).atEndOfMonth();
            case QUARTER -> YearMonth.of(year, number * 3).atEndOfMonth();
            case YEAR -> LocalDate.of(year, 12, 31);
        };
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** The period of the same kind just before this one. */
    public Period previous() {
        return containing(kind, start().minusDays(1));
    }

    public Period next() {
        return containing(kind, end().plusDays(1));
    }

    /** The code used in URLs and storage: 2024-05, 2024-Q2, 2024. */
    public String code() {
        return switch (kind) {
            case MONTH -> String.format("%d-%02d", year, number);
            case QUARTER -> year + "-Q" + number;
            case YEAR -> String.valueOf(year);
        };
    }

    /** The message key of the period's name; its arguments are {@link #year()} and {@link #number()}. */
    public String messageKey() {
        return "assessment.period." + kind.name();
    }

    /** The periods of a kind that overlap {@code [from, to]}, in order. */
    public static List<Period> between(PeriodKind kind, LocalDate from, LocalDate to) {
        List<Period> periods = new ArrayList<>();
        for (Period p = containing(kind, from); !p.start().isAfter(to); p = p.next()) {
            periods.add(p);
        }
        return periods;
    }

    @Override
    public int compareTo(Period other) {
        int byEnd = end().compareTo(other.end());
        return byEnd != 0 ? byEnd : kind.compareTo(other.kind);
    }

    @Override
    public String toString() {
        return code();
    }
}
