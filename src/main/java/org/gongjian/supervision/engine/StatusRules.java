package org.gongjian.supervision.engine;

import org.gongjian.supervision.Forecast;
import org.gongjian.supervision.Status;
import org.gongjian.supervision.StatusReason;
import org.gongjian.supervision.SupervisionPolicy;
import org.gongjian.supervision.WarningKind;
import org.jspecify.annotations.Nullable;

/**
 * The status rules of a target, in order (ADR 0020):
 * <ol>
 * <li>the latest value meets the target → 已完成;</li>
 * <li>the deadline has passed → 逾期;</li>
 * <li>nothing reported → 无数据;</li>
 * <li>the shortfall behind the planned path reaches the red tolerance → 滞后, the yellow one → 预警
 *     (boundaries belong to the worse colour when the policy says inclusive);</li>
 * <li>the forecast gives a probability of meeting the target below the policy's threshold <b>and</b> falls short
 *     of the target by a material amount (the policy's {@code forecast.missPoints} of the baseline-to-target
 *     range) → 预警; a target exactly on plan, forecast to land on its target, is not a coin flip (ADR 0025);</li>
 * <li>otherwise → 正常.</li>
 * </ol>
 */
public final class StatusRules {

    private StatusRules() {
    }

    /** A status with its reason. */
    public record Verdict(Status status, StatusReason reason) {
    }

    /**
     * @param met             whether the latest value meets the target
     * @param pastDeadline    whether the date is after the deadline
     * @param progress        actual progress as a fraction, null without measurement or when not measurable
     * @param plannedProgress planned progress as a fraction, null when not measurable
     */
    public static Verdict target(boolean hasMeasurement, boolean met, boolean pastDeadline, @Nullable Double progress,
            @Nullable Double plannedProgress, Forecast forecast, SupervisionPolicy policy) {
        return target(hasMeasurement, met, pastDeadline, progress, plannedProgress, forecast, null, policy);
    }

    /**
     * @param forecastProgress the forecast value's progress from baseline to target as a fraction (1 = on
     *                         target); null when not measurable, then any shortfall counts
     */
    public static Verdict target(boolean hasMeasurement, boolean met, boolean pastDeadline, @Nullable Double progress,
            @Nullable Double plannedProgress, Forecast forecast, @Nullable Double forecastProgress,
            SupervisionPolicy policy) {
        if (met) {
            return new Verdict(Status.ACHIEVED, StatusReason.TARGET_MET);
        }
        if (pastDeadline) {
            return new Verdict(Status.OVERDUE, StatusReason.PAST_DEADLINE);
        }
        if (!hasMeasurement) {
            return new Verdict(Status.NO_DATA, StatusReason.NO_MEASUREMENT);
        }
        if (progress != null && plannedProgress != null) {
            double shortfall = shortfall(policy.warningKind(), progress, plannedProgress);
            if (reaches(shortfall, policy.warningRed().doubleValue(), policy.warningInclusive())) {
                return new Verdict(Status.OFF_TRACK, StatusReason.BEHIND_PLAN_RED);
            }
            if (reaches(shortfall, policy.warningYellow().doubleValue(), policy.warningInclusive())) {
                return new Verdict(Status.AT_RISK, StatusReason.BEHIND_PLAN_YELLOW);
            }
        }
        boolean material = forecastProgress == null
                || (1 - forecastProgress) * 100 >= policy.forecastMissPoints() - 1e-9;
        if (forecast.sufficient() && forecast.probability() != null
                && forecast.probability() < policy.forecastAtRiskBelow() && material) {
            return new Verdict(Status.AT_RISK, StatusReason.FORECAST_MISS);
        }
        return new Verdict(Status.ON_TRACK, StatusReason.ON_PLAN);
    }

    /** The shortfall behind plan in percentage points (ABS) or percent of planned progress (RELATIVE). */
    static double shortfall(WarningKind kind, double progress, double plannedProgress) {
        double gap = (plannedProgress - progress) * 100;
        if (kind == WarningKind.RELATIVE_SHORTFALL) {
            return plannedProgress <= 0 ? 0 : gap / plannedProgress;
        }
        return gap;
    }

    private static boolean reaches(double shortfall, double tolerance, boolean inclusive) {
        // a tolerance of 0 would flag every target on plan; 0 means "not used"
        if (tolerance <= 0) {
            return false;
        }
        double eps = 1e-9;
        return inclusive ? shortfall >= tolerance - eps : shortfall > tolerance + eps;
    }
}
