package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How a price of base year n is brought to the accounting year m: not at all, by one given factor
 * (e.g. 1.1607), by the CPI ratio CPI_m / CPI_n, or by the GB/T 38582 d-factor
 * (1 + (D_r + L_r)/2)^(m − n) from the average deposit and loan rates (fractions, 0.015 for 1.5 %).
 */
public record PriceAdjustment(Method method, BigDecimal factor, Map<Integer, BigDecimal> cpi, BigDecimal depositRate,
        BigDecimal loanRate) {

    /** The adjustment methods. */
    public enum Method {
        NONE("不调整"), FACTOR("给定系数"), CPI_RATIO("CPI比值"), D_FACTOR("GB/T 38582 贴现率d");

        private final String zh;

        Method(String zh) {
            this.zh = zh;
        }

        public String zh() { return zh; }
    }

    public static PriceAdjustment none() {
        return new PriceAdjustment(Method.NONE, null, null, null, null);
    }

    public static PriceAdjustment factor(BigDecimal factor) {
        return new PriceAdjustment(Method.FACTOR, factor, null, null, null);
    }

    public static PriceAdjustment cpi(Map<Integer, BigDecimal> cpi) {
        return new PriceAdjustment(Method.CPI_RATIO, null, cpi, null, null);
    }

    public static PriceAdjustment dFactor(BigDecimal depositRate, BigDecimal loanRate) {
        return new PriceAdjustment(Method.D_FACTOR, null, null, depositRate, loanRate);
    }

    public Method methodOrNone() {
        return method == null ? Method.NONE : method;
    }

    /**
     * The factor for a price of {@code baseYear} in {@code accountingYear}; the inputs must have been validated.
     * A given FACTOR applies to prices of another base year (or of none given), never to a price whose base
     * year is the accounting year.
     */
    public BigDecimal factorFor(Integer baseYear, int accountingYear) {
        return switch (methodOrNone()) {
            case NONE -> BigDecimal.ONE;
            // a price already in the accounting year's money is not inflated again
            case FACTOR -> baseYear != null && baseYear == accountingYear ? BigDecimal.ONE : factor;
            case CPI_RATIO -> baseYear == null ? BigDecimal.ONE : Num.div(cpi.get(accountingYear), cpi.get(baseYear));
            case D_FACTOR -> baseYear == null ? BigDecimal.ONE
                    : Formulas.dFactor(depositRate, loanRate, accountingYear, baseYear);
        };
    }
}
