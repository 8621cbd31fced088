package org.gongjian.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The computed status (研判状态) of a programme's initiatives and targets on a date, as the programme's
 * pages show it beside the lead unit's declared stage: the traffic light with its word, time progress
 * (时间进度) beside actual progress, the planned path and the forecast to the deadline.
 * <p>
 * The supervision module computes it and provides the bean: data flows from the programme to supervision,
 * so the programme names what its pages need here and never calls supervision (ADR 0024). Without a
 * provider the pages show declared stages and progress only.
 */
public interface StatusLights {

    /** Every initiative's and target's status on {@code asOf}, from one evaluation of the whole programme; no paths. */
    Lights programme(String programmeCode, LocalDate asOf);

    /** One initiative's and its targets' status on {@code asOf}, with each target's planned path and forecast line. */
    Lights initiative(String programmeCode, long initiativeId, LocalDate asOf);

    /**
     * The statuses of a programme's initiatives and targets by id.
     *
     * @param scale every status there is, worst first (for filters and legends)
     */
    record Lights(LocalDate asOf, List<Light> scale, Map<Long, Light> initiatives, Map<Long, TargetLight> targets) {

        /** Nothing computed: pages show declared stages and progress only. */
        public static Lights none(LocalDate asOf) {
            return new Lights(asOf, List.of(), Map.of(), Map.of());
        }

        public @Nullable Light initiative(long id) {
            return initiatives.get(id);
        }

        public @Nullable TargetLight target(long id) {
            return targets.get(id);
        }

        /** How bad an initiative stands: its light's severity, or -1 when it has none. */
        public int severity(long initiativeId) {
            Light light = initiatives.get(initiativeId);
            return light == null ? -1 : light.severity();
        }
    }

    /**
     * A status: its name ({@code OVERDUE}), severity (higher is worse), colour (green, yellow, red, blue, grey),
     * the message key of its word (逾期), and whether the office should press the unit (预警 and worse).
     */
    record Light(String name, int severity, String colour, String wordKey, boolean attention) {
    }

    /**
     * A target's status on a date.
     *
     * @param progress     actual progress from baseline to target as a fraction (1 = met); null without a figure
     * @param timeProgress 时间进度 as a fraction of the target's period
     * @param gapPoints    progress minus time progress in percentage points; null without progress
     * @param path         the planned path's points (empty from {@link StatusLights#programme})
     * @param pathSteps    whether the path steps at its points (a milestone step path) instead of running straight
     */
    record TargetLight(Light light, String reasonKey, @Nullable Double progress, double timeProgress,
            @Nullable Double gapPoints, List<DatedPoint> path, boolean pathSteps, Outlook forecast) {
    }

    /** A value on a date. */
    record DatedPoint(LocalDate date, BigDecimal value) {
    }

    /**
     * The forecast of a target's value at its deadline from the measurements so far, with a prediction
     * interval at {@code confidence} and the probability of meeting the target; with fewer than
     * {@code minimumPoints} measurements it is insufficient and every figure is null.
     *
     * @param from where a forecast line starts: the latest measurement
     */
    record Outlook(int points, int minimumPoints, LocalDate at, @Nullable BigDecimal value, @Nullable BigDecimal lower,
            @Nullable BigDecimal upper, double confidence, @Nullable Double probability, @Nullable DatedPoint from) {

        public boolean sufficient() {
            return value != null;
        }

        /** Whether a line can be drawn from the latest measurement forward to the deadline. */
        public boolean drawable() {
            return sufficient() && from != null && at.isAfter(from.date());
        }
    }
}
