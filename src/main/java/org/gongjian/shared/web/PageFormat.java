package org.gongjian.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.gongjian.shared.Figures;
import org.gongjian.shared.PartialDate;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats for templates ({@code ${@fmt.figure(...)}}), in the reader's language: figures with their
 * units (68亿元), percentages, dates as 2024-05-22 in tables and 2024年5月22日 in prose, times in the
 * city's time zone.
 */
@Component("fmt")
public class PageFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;

    PageFormat(Clock clock) {
        this.clock = clock;
    }

    public String figure(@Nullable BigDecimal value, UnitOfMeasure unit) {
        return value == null ? "—" : Figures.format(value, unit, locale());
    }

    public String figure(@Nullable BigDecimal value, @Nullable BigDecimal upper, UnitOfMeasure unit,
            @Nullable Qualifier qualifier) {
        return value == null ? "—" : Figures.format(value, upper, unit, qualifier, locale());
    }

    /** A fraction as a whole percentage (0.456 → 46%); a dash when unknown. */
    public String percent(@Nullable BigDecimal fraction) {
        if (fraction == null) {
            return "—";
        }
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A computed fraction as a percentage to one decimal, as bulletins print 时间进度: 0.9167 → 91.7%, 0.75 → 75%. */
    public String percentage(@Nullable Double fraction) {
        return fraction == null ? "—" : points(fraction * 100) + "%";
    }

    /** A number of percentage points to one decimal, without trailing zeros: 13.79 → 13.8, 5.0 → 5. */
    public String points(double points) {
        return BigDecimal.valueOf(points).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A computed figure (a forecast, a planned value) with its unit, to a precision a reader wants. */
    public String estimate(@Nullable BigDecimal value, UnitOfMeasure unit) {
        return value == null ? "—" : Figures.format(readable(value), unit, locale());
    }

    /** A computed figure to a readable precision: no decimals from 100 up, one from 1, two below (6303, 95.5, 0.82). */
    public static BigDecimal readable(BigDecimal v) {
        int places = v.abs().compareTo(BigDecimal.valueOf(100)) >= 0 ? 0 : v.abs().compareTo(BigDecimal.ONE) >= 0 ? 1 : 2;
        BigDecimal rounded = v.setScale(Math.min(places, Math.max(0, v.scale())), RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** A fraction as a percentage between 0 and 100, for a bar's length. */
    public int barOf(@Nullable Double fraction) {
        return fraction == null ? 0 : bar(BigDecimal.valueOf(fraction));
    }

    /** A fraction as a percentage between 0 and 100, for a bar's length. */
    public int bar(@Nullable BigDecimal fraction) {
        if (fraction == null) {
            return 0;
        }
        int percent = fraction.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).intValue();
        return Math.max(0, Math.min(100, percent));
    }

    /** A date in a table or an input: 2024-05-22. */
    public String date(@Nullable LocalDate date) {
        return date == null ? "—" : date.toString();
    }

    /** A date in prose: 2024年5月22日, or 22 May 2024. */
    public String prose(@Nullable LocalDate date) {
        if (date == null) {
            return "—";
        }
        Locale locale = locale();
        return "zh".equals(locale.getLanguage()) ? PartialDate.ofDay(date).toChinese(true)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.UK).format(date);
    }

    /** A date known to the day, month or year, in prose: 2024年3月. */
    public String prose(@Nullable PartialDate date) {
        return date == null ? "—" : date.format(locale());
    }

    /** A moment, in the city's time zone: 2024-05-22 14:03. */
    public String time(@Nullable Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant.atZone(clock.getZone()));
    }

    /** A moment, in the city's time zone, in a shorter pattern such as {@code HH:mm} or {@code MM-dd HH:mm}. */
    public String time(@Nullable Instant instant, String pattern) {
        return instant == null ? "—" : DateTimeFormatter.ofPattern(pattern).format(instant.atZone(clock.getZone()));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
