package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal arithmetic of the engine: products are exact, quotients and powers carry 34 significant
 * digits (IEEE decimal128), and results leave the engine with six decimal places, which is far
 * below a fen; readers' rounding (万元, 亿元) happens only when a figure is displayed.
 */
public final class Num {

    public static final MathContext MC = MathContext.DECIMAL128;
    /** Decimal places of every figure in a result. */
    public static final int SCALE = 6;

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

    /** Real powers (Budyko's curve, d-factors with fractional years) computed in double, then back to decimal. */
    public static BigDecimal pow(BigDecimal base, BigDecimal exponent) {
        if (exponent.stripTrailingZeros().scale() <= 0) {
            return base.pow(exponent.intValueExact(), MC);
        }
        return new BigDecimal(Math.pow(base.doubleValue(), exponent.doubleValue()), MC);
    }
}
