package org.gongjian.ecology.engine;

import java.math.BigDecimal;

/**
 * The valuation of InVEST's carbon model (natcap/invest {@code carbon.py}): the net present value of
 * a change in carbon storage between two years is ΔC × (price/n) · Σ_{t=0}^{n−1} 1/((1+r)(1+c))^t,
 * with r the discount rate and c the yearly change of the carbon price (both in percent), and the
 * price per t of carbon (not CO₂).
 */
public final class InvestCarbon {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvestCarbon() {
    }

    /** The valuation constant; multiplied by ΔC (t C) it gives the NPV. */
    public static BigDecimal valuationConstant(int fromYear, int toYear, BigDecimal discountRatePercent,
            BigDecimal rateChangePercent, BigDecimal pricePerTonneC) {
        int years = toYear - fromYear;
        if (years <= 0) {
            throw new IllegalArgumentException("The future year must follow the current year");
        }
        BigDecimal ratio = Num.div(BigDecimal.ONE,
                BigDecimal.ONE.add(Num.div(discountRatePercent, HUNDRED))
                        .multiply(BigDecimal.ONE.add(Num.div(rateChangePercent, HUNDRED))));
        BigDecimal perYear = Num.div(pricePerTonneC, BigDecimal.valueOf(years));
        if (ratio.compareTo(BigDecimal.ONE) == 0) {
            return perYear.multiply(BigDecimal.valueOf(years));
        }
        BigDecimal sum = Num.div(BigDecimal.ONE.subtract(ratio.pow(years, Num.MC)), BigDecimal.ONE.subtract(ratio));
        return Num.mul(perYear, sum);
    }

    /** The NPV of a carbon change ΔC (t C, negative for a loss). */
    public static BigDecimal netPresentValue(BigDecimal deltaCarbon, BigDecimal valuationConstant) {
        return Num.mul(deltaCarbon, valuationConstant);
    }
}
