package org.gongjian.shared;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure as people type it, read into the unit it is stored in, exactly. A clerk thinks of a 亿元 target
 * in 亿元: the form asks in the target's display unit ({@link #displayScale}), a bare number means that
 * unit, and an explicit 万 or 亿 ("5.8亿", "5800万元") says what it says. Full-width digits, thousands
 * separators ("1,234.5", "1，234.5") and the unit's own symbol are accepted.
 */
public final class FigureInput {

    /** The number, an optional 万/亿 and an optional unit word after it. */
    private static final Pattern FIGURE = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(万|亿|万亿)?(.*)");
    /** The stored column holds 18 integer digits and six decimals. */
    private static final BigDecimal LIMIT = new BigDecimal("1e18");
    private static final int MAX_SCALE = 6;

    private FigureInput() {
    }

    /** The magnitude a figure is shown and asked in: 1, 万 or 亿 of its unit. */
    public enum Scale {
        ONE(BigDecimal.ONE, ""), WAN(BigDecimal.valueOf(10_000), "万"), YI(BigDecimal.valueOf(100_000_000), "亿");

        private final BigDecimal factor;
        private final String zh;

        Scale(BigDecimal factor, String zh) {
            this.factor = factor;
            this.zh = zh;
        }

        public BigDecimal factor() { return factor; }

        /** The unit asked for, e.g. 亿元, 万人, 公里; in English the stored unit with its factor (100 m yuan). */
        public String label(UnitOfMeasure unit, Locale locale) {
            if ("zh".equals(locale.getLanguage())) {
                return zh + unit.zh();
            }
            return switch (this) {
                case ONE -> unit.en();
                case WAN -> "10,000 " + unit.en();
                case YI -> "100 million " + unit.en();
            };
        }
    }

    /**
     * The scale a target's figures are asked in, from the size of its target value, as {@link Figures} writes
     * it: money of a 亿 or more in 亿, of a 万 or more in 万; head counts of a 万 or more in 万; else as stored.
     */
    public static Scale displayScale(UnitOfMeasure unit, BigDecimal reference) {
        BigDecimal abs = reference.abs();
        if (unit.isMoney() && abs.compareTo(Scale.YI.factor) >= 0) {
            return Scale.YI;
        }
        boolean tenThousands = unit.isMoney() || unit == UnitOfMeasure.PEOPLE || unit == UnitOfMeasure.PERSON_TIMES;
        return tenThousands && abs.compareTo(Scale.WAN.factor) >= 0 ? Scale.WAN : Scale.ONE;
    }

    /** What was read: the value in the stored unit, or the message key (and argument) of why not. */
    public record Reading(Optional<BigDecimal> value, String errorKey) {

        static Reading of(BigDecimal value) {
            return new Reading(Optional.of(Objects.normal(value)), "");
        }

        static Reading error(String key) {
            return new Reading(Optional.empty(), key);
        }

        public boolean ok() {
            return value.isPresent();
        }
    }

    /**
     * Reads a typed figure for a target stored in {@code unit} and asked in {@code scale}. Errors:
     * {@code error.measurement.value-missing}, {@code error.measurement.value-format} (not a number, or a
     * unit of another kind), {@code error.measurement.value-range} (too large, or finer than six decimals).
     */
    public static Reading read(String typed, UnitOfMeasure unit, Scale scale) {
        String text = normalise(typed);
        if (text.isEmpty()) {
            return Reading.error("error.measurement.value-missing");
        }
        Matcher m = FIGURE.matcher(text);
        if (!m.matches()) {
            return Reading.error("error.measurement.value-format");
        }
        String rest = m.group(3);
        if (!rest.isEmpty() && !rest.equalsIgnoreCase(unit.zh()) && !rest.equalsIgnoreCase(unit.en())
                && !(unit == UnitOfMeasure.YUAN && (rest.equals("元人民币") || rest.equalsIgnoreCase("rmb")))) {
            return Reading.error("error.measurement.value-format");
        }
        BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
        BigDecimal factor = m.group(2) == null ? scale.factor
                : switch (m.group(2)) {
                    case "万" -> Scale.WAN.factor;
                    case "亿" -> Scale.YI.factor;
                    default -> Scale.WAN.factor.multiply(Scale.YI.factor);
                };
        BigDecimal value = Objects.normal(number.multiply(factor));
        if (value.abs().compareTo(LIMIT) >= 0 || value.scale() > MAX_SCALE) {
            return Reading.error("error.measurement.value-range");
        }
        return Reading.of(value);
    }

    /** Full-width to half-width (NFKC), Chinese comma and spaces removed, thousands separators dropped. */
    static String normalise(String typed) {
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || Character.isWhitespace(c) || c == '\u00a0' || c == '_') {
                continue;
            }
            out.append(c == '。' ? '.' : c);
        }
        return out.toString();
    }

    private static final class Objects {
        static BigDecimal normal(BigDecimal value) {
            return java.util.Objects.requireNonNull(Decimals.normal(value));
        }
    }
}
