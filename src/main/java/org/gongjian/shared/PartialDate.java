package org.gongjian.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A date known to the day, the month or the year, written {@code 2024-05-22}, {@code 2024-03} or
 * {@code 2024}. It is held as its first day and a precision.
 */
public record PartialDate(LocalDate start, DatePrecision precision) implements Comparable<PartialDate> {

    public PartialDate {
        start = switch (precision) {
            case DAY -> start;
            case MONTH -> start.withDayOfMonth(1);
            case YEAR -> start.withDayOfYear(1);
        };
    }

    public static PartialDate ofDay(LocalDate date) {
        return new PartialDate(date, DatePrecision.DAY);
    }

    @JsonCreator
    public static PartialDate parse(String text) {
        String s = text.trim();
        try {
            return switch (s.length()) {
                case 4 -> new PartialDate(LocalDate.of(Integer.parseInt(s), 1, 1), DatePrecision.YEAR);
                case 7 -> new PartialDate(YearMonth.parse(s).atDay(1), DatePrecision.MONTH);
                case 10 -> new PartialDate(LocalDate.parse(s), DatePrecision.DAY);
                default -> throw new IllegalArgumentException("Not a date: " + text);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a date: " + text, e);
        }
    }

    /** The last day the date may stand for. */
    public LocalDate end() {
        return switch (precision) {
            case DAY -> start;
            case MONTH -> YearMonth.from(start).atEndOfMonth();
            case YEAR -> start.withDayOfYear(start.lengthOfYear());
        };
    }

    @JsonValue
    @Override
    public String toString() {
        return switch (precision) {
            case DAY -> start.toString();
            case MONTH -> YearMonth.from(start).toString();
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** Chinese prose form: 2024年5月22日, 2024年3月, 2024年; without the year when asked. */
    public String toChinese(boolean withYear) {
        String year = withYear ? start.getYear() + "年" : "";
        return switch (precision) {
            case DAY -> year + start.getMonthValue() + "月" + start.getDayOfMonth() + "日";
            case MONTH -> year + start.getMonthValue() + "月";
            case YEAR -> start.getYear() + "年";
        };
    }

    public String format(Locale locale) {
        if ("zh".equals(locale.getLanguage())) {
            return toChinese(true);
        }
        return toString();
    }

    @Override
    public int compareTo(PartialDate other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : precision.compareTo(other.precision);
    }
}
