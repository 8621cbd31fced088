package org.gongjian.industry;

import java.math.BigDecimal;
import java.util.Map;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;

/** A plan target as entered. */
public record PlanTargetData(@Nullable String code, @Nullable String name, @Nullable String indicatorCode,
        @Nullable UnitOfMeasure unit, @Nullable Integer baselineYear, @Nullable BigDecimal baselineValue,
        @Nullable Integer targetYear, @Nullable BigDecimal targetValue, @Nullable PathKind pathKind,
        @Nullable Map<Integer, BigDecimal> points) {
}
