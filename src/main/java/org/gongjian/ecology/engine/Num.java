package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal arithmetic of the engine. Stands are read and their physical quantities summed per town ×
 * forest type in {@code double}; a group's sum becomes a decimal of {@link #DIGITS} significant
 * digits ({@link #ofDouble}), and from there valuation and totals are exact decimal: products exact,
 * quotients and powers at 34 significant digits (IEEE decimal128). Results leave the engine with six
 * decimal places, far below a fen; readers' rounding (万元, 亿元) happens only when a figure is displayed.
 */
public final class Num {

    public static final MathContext MC = MathContext.DECIMAL128;
    /** Decimal places of every figure in a result. */
    public static final int SCALE = 6;
    /** Significant digits of a figure computed in double: what a double carries whatever its magnitude. */
    public static final int DIGITS = 15;
    private static final MathContext DOUBLE_DIGITS = new MathContext(DIGITS, RoundingMode.HALF_EVEN);

    private Num() {
    }

    public static BigDecimal div(BigDecimal a, BigDecimal b) {
        return a.divide(b, MC);
    }

    public static BigDecimal mul(BigDecimal a, BigDecimal b) {
        return a.multiply(b, MC);
    }

    public static BigDecimal of(String text) {
        return new BigDecimal(text);
    }

    /** A figure as it leaves the engine: six decimal places, no exponent, no trailing zeros. */
    public static BigDecimal out(BigDecimal value) {
        BigDecimal r = value.setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    /** A sum computed in double as a decimal of {@link #DIGITS} significant digits (1000.0000000000001 → 1000). */
    public static BigDecimal ofDouble(double value) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("Not a finite figure: " + value);
        }
        if (value == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal d = new BigDecimal(value).round(DOUBLE_DIGITS).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** Real powers (Budyko's curve, d-factors with fractional years) computed in double, then back to decimal. */
    public static BigDecimal pow(BigDecimal base, BigDecimal exponent) {
        if (exponent.stripTrailingZeros().scale() <= 0) {
            return base.pow(exponent.intValueExact(), MC);
        }
        return new BigDecimal(Math.pow(base.doubleValue(), exponent.doubleValue()), MC);
    }
}
