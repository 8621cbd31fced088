package org.gongjian.industry;

import java.math.BigDecimal;
import java.util.Map;
import org.gongjian.shared.UnitOfMeasure;

/**
 * A plan's target (e.g. food output 400亿元 by 2035), read from the indicator {@code indicatorCode}, split into
 * yearly slices by {@code pathKind} ({@code points}: the plan's stated values by year).
 */
public record PlanTarget(long id, String code, String name, String indicatorCode, UnitOfMeasure unit,
        int baselineYear, BigDecimal baselineValue, int targetYear, BigDecimal targetValue, PathKind pathKind,
        Map<Integer, BigDecimal> points) {

    /** The yearly path, whole firms for counts, 元 and dollars to the cent otherwise. */
    public java.util.List<PlanPath.Slice> path() {
        int scale = unit.dimension() == UnitOfMeasure.Dimension.COUNT ? 0 : 2;
        return PlanPath.slices(pathKind, baselineYear, baselineValue, targetYear, targetValue, points, scale);
    }
}
