package org.gongjian.assessment;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What one item gave or cost: {@code points} it gave (negative for a deduction) and {@code lost}, the
 * points it would have given at full credit but did not (for a deduction, the same as the cost).
 *
 * @param share      the credit share it counts with (1 for lead and own items, the scheme's co-unit share)
 * @param fraction   for items averaged into a component, how far it earned full credit (0–1); null for
 *                   deductions, bonuses and items left out
 * @param adjustment set when an upheld appeal changed the item
 */
public record ItemScore(Fact fact, BigDecimal share, @Nullable BigDecimal fraction, BigDecimal points,
        BigDecimal lost, @Nullable Adjustment adjustment) {
}
