package org.gongjian.shared;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Decimal helpers: the database pads to six places; readers and documents want 68, not 68.000000. */
public final class Decimals {

    /** The most digits a figure may have before the decimal point (the database keeps 18; 10^15 元 is a thousand 万亿). */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** The most digits a figure may have after the decimal point, trailing zeros aside. */
    public static final int MAX_FRACTION_DIGITS = 12;

    private Decimals() {
    }

    /**
     * Whether a number is one the application can store and compute with: at most {@link #MAX_INTEGER_DIGITS}
     * digits before the point and {@link #MAX_FRACTION_DIGITS} after it. Checked where a number enters (JSON,
     * forms, Excel cells, GEP requests) before any arithmetic: {@code 1e400000000} is a short text but an
     * endless computation. Costs at most the number's own digits.
     */
    public static boolean inRange(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return false;
        }
        if (value.scale() <= MAX_FRACTION_DIGITS) {
            return true;
        }
        if (value.scale() - value.precision() > MAX_FRACTION_DIGITS) {
            return false;   // 1e-400000000: every digit far beyond the last place kept
        }
        return value.stripTrailingZeros().scale() <= MAX_FRACTION_DIGITS;
    }

    /** Whether a floating-point number is finite and within the same range. */
    public static boolean inRange(double value) {
        return Double.isFinite(value) && Math.abs(value) < 1e15;
    }

    /** The same number without trailing zeros and never in exponent form (6800000000, 7.3, 0.5). */
    public static @Nullable BigDecimal normal(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
