package org.gongjian.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Writes figures the way Chinese readers expect them: money in 万元 or 亿元 (68亿元, 7.3亿元),
 * large head counts in 万 (6万人), other counts as they are (12000亩, 3000多家), with the
 * qualifier in its place (约, 超, 多, 以上, 5-8).
 */
public final class Figures {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);

    private Figures() {
    }

    public static String format(BigDecimal value, UnitOfMeasure unit, Locale locale) {
        return format(value, null, unit, Qualifier.EXACT, locale);
    }

    public static String format(BigDecimal value, @Nullable BigDecimal upper, UnitOfMeasure unit,
            @Nullable Qualifier qualifier, Locale locale) {
        Qualifier q = qualifier == null ? Qualifier.EXACT : qualifier;
        return "zh".equals(locale.getLanguage()) ? chinese(value, upper, unit, q) : english(value, upper, unit, q);
    }

    private static String chinese(BigDecimal value, @Nullable BigDecimal upper, UnitOfMeasure unit, Qualifier q) {
        Scaled scaled = scale(value, unit);
        String number = scaled.number;
        if (q == Qualifier.RANGE && upper != null) {
            number = number + "-" + scale(upper, unit).number;
        }
        String measure = scaled.magnitude + unit.zh();
        return switch (q) {
            case EXACT, RANGE -> number + measure;
            case APPROX -> "约" + number + measure;
            case OVER -> "超" + number + measure;
            case MORE -> number + scaled.magnitude + "多" + unit.zh();
            case AT_LEAST -> number + measure + "以上";
            case AT_MOST -> "不超过" + number + measure;
        };
    }

    private static String english(BigDecimal value, @Nullable BigDecimal upper, UnitOfMeasure unit, Qualifier q) {
        String number = englishNumber(value, unit);
        if (q == Qualifier.RANGE && upper != null) {
            number = number + "–" + englishNumber(upper, unit);
        }
        String text = number + " " + unit.en();
        return switch (q) {
            case EXACT, RANGE -> text;
            case APPROX -> "about " + text;
            case OVER, MORE -> "over " + text;
            case AT_LEAST -> "at least " + text;
            case AT_MOST -> "at most " + text;
        };
    }

    private static String englishNumber(BigDecimal value, UnitOfMeasure unit) {
        BigDecimal billion = BigDecimal.valueOf(1_000_000_000);
        BigDecimal million = BigDecimal.valueOf(1_000_000);
        if (unit.isMoney() && value.abs().compareTo(billion) >= 0) {
            return plain(value.divide(billion, 3, RoundingMode.HALF_UP)) + " bn";
        }
        if (unit.isMoney() && value.abs().compareTo(million) >= 0) {
            return plain(value.divide(million, 2, RoundingMode.HALF_UP)) + " m";
        }
        BigDecimal stripped = new BigDecimal(plain(value));
        return stripped.scale() > 0
                ? String.format(Locale.ENGLISH, "%,." + stripped.scale() + "f", stripped)
                : String.format(Locale.ENGLISH, "%,d", stripped.toBigInteger());
    }

    private record Scaled(String number, String magnitude) {
    }

    private static Scaled scale(BigDecimal value, UnitOfMeasure unit) {
        BigDecimal abs = value.abs();
        boolean tenThousands = unit.isMoney() || unit == UnitOfMeasure.PEOPLE || unit == UnitOfMeasure.PERSON_TIMES;
        if (unit.isMoney() && abs.compareTo(YI) >= 0) {
            return new Scaled(plain(value.divide(YI, 4, RoundingMode.HALF_UP)), "亿");
        }
        if (tenThousands && abs.compareTo(WAN) >= 0) {
            return new Scaled(plain(value.divide(WAN, 2, RoundingMode.HALF_UP)), "万");
        }
        // shown to at most two decimals (42397.07吨, 19.45%); the value itself is kept exact
        return new Scaled(plain(value.setScale(Math.min(Math.max(value.scale(), 0), 2), RoundingMode.HALF_UP)), "");
    }

    /** The number without trailing zeros or exponent: 68, 7.3, 217.8, 12000. */
    public static String plain(BigDecimal value) {
        return java.util.Objects.requireNonNull(Decimals.normal(value)).toPlainString();
    }
}
