package org.gongjian.supervision;

import java.util.List;

/**
 * What a target's chart draws: the planned path (dashed grey), the measurements (solid, with points),
 * and, when there is a forecast, a dashed line from the latest measurement to the forecast at the
 * deadline with the prediction interval shaded ({@code lower} and {@code upper} share its dates).
 */
public record TargetChart(TargetStatus status, List<DatedValue> planned, List<DatedValue> actual,
        List<DatedValue> forecast, List<DatedValue> lower, List<DatedValue> upper, boolean plannedSteps) {
}
