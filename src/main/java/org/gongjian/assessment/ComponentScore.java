package org.gongjian.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * A component of a unit's score with its items.
 *
 * @param applicable false when the unit had no item of this kind: the base score is then scaled up
 *                   in proportion (未涉及的考核项按比例折算)
 * @param weight     the component's full marks (for honours: its cap)
 * @param points     what the component gave, before any scaling
 * @param capped     whether the component's cap cut its deductions or bonus (扣完为止 / 加分封顶)
 */
public record ComponentScore(Component component, boolean applicable, BigDecimal weight, BigDecimal points,
        boolean capped, List<ItemScore> items) {
}
