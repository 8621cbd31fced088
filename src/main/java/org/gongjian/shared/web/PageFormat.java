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

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
