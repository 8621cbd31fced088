package org.gongjian.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.programme.Direction;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;

/**
 * Where a target stands on {@code asOf}: where it should be (planned), where it is (actual, the latest
 * valid measurement), how far from baseline to target that is (progress, respecting direction), the
 * time progress (时间进度) beside it, the forecast at the deadline, and its status with the reason.
 *
 * @param start           where the planned path and time progress begin: the baseline date, else the
 *                        initiative's start
 * @param planned         the planned value on {@code asOf}; null when it cannot be placed (a falling
 *                        target without baseline)
 * @param progress        actual progress from baseline to target as a fraction (1 = met); null without
 *                        a measurement or when not measurable
 * @param plannedProgress the planned value's progress as a fraction
 * @param timeProgress    时间进度 as a fraction of the period, by the policy's method
 * @param gapPoints       progress minus time progress in percentage points, from unrounded values
 *                        ("快于/慢于时间进度 N 个百分点")
 * @param yearlyPlan      for targets running past one year: the planned value at each year's end
 */
public record TargetStatus(long targetId, String code, String name, long initiativeId, int initiativeNumber,
        UnitOfMeasure unit, Direction direction, Qualifier qualifier, @Nullable BigDecimal baseline, LocalDate start,
        BigDecimal target, @Nullable BigDecimal targetMax, LocalDate deadline, TrajectoryKind trajectory,
        LocalDate asOf, @Nullable BigDecimal planned, @Nullable BigDecimal actual, @Nullable LocalDate actualAsOf,
        int measurements, @Nullable Double progress, @Nullable Double plannedProgress, double timeProgress,
        @Nullable Double gapPoints, Forecast forecast, Status status, StatusReason reason,
        List<DatedValue> yearlyPlan) {
}
