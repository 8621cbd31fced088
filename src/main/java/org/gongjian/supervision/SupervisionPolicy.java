package org.gongjian.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The supervision rules in force for a programme on a date, read from its versioned policy parameters.
 * {@code parameters} are the versions these values come from, so a result can say which rules applied.
 *
 * @param warningInclusive whether a shortfall exactly at a tolerance takes the worse colour (银川: 含)
 * @param forecastAtRiskBelow a target within tolerance whose probability of being met is below this is 预警,
 *                            if the forecast also falls short by at least {@code forecastMissPoints}
 * @param forecastFloor       the floor of forecast uncertainty: standard deviation as a fraction of the
 *                            baseline-to-target range, one year ahead with one point (ADR 0025)
 * @param forecastMissPoints  the material shortfall: the forecast must fall short of the target by at least
 *                            this many percentage points of the baseline-to-target range to warn (ADR 0025)
 */
public record SupervisionPolicy(String programmeCode, LocalDate on, TimeProgressMethod timeProgressMethod,
        WarningKind warningKind, BigDecimal warningYellow, BigDecimal warningRed, boolean warningInclusive,
        double forecastConfidence, double forecastAtRiskBelow, int milestoneDueSoonWorkdays, int noticeAnswerWorkdays,
        int chaseAfterDueWorkdays, int superviseAfterChaseWorkdays, int bulletinAfterSuperviseWorkdays,
        String noticeNumberPrefix, ReportCycle reportCycle, int reportDueDay, List<PolicyParameter> parameters,
        double forecastFloor, double forecastMissPoints) {

    /** Without the forecast floor and material shortfall (0: pure least squares, any shortfall warns). */
    @SuppressWarnings("java:S107")
    public SupervisionPolicy(String programmeCode, LocalDate on, TimeProgressMethod timeProgressMethod,
            WarningKind warningKind, BigDecimal warningYellow, BigDecimal warningRed, boolean warningInclusive,
            double forecastConfidence, double forecastAtRiskBelow, int milestoneDueSoonWorkdays, int noticeAnswerWorkdays,
            int chaseAfterDueWorkdays, int superviseAfterChaseWorkdays, int bulletinAfterSuperviseWorkdays,
            String noticeNumberPrefix, ReportCycle reportCycle, int reportDueDay, List<PolicyParameter> parameters) {
        this(programmeCode, on, timeProgressMethod, warningKind, warningYellow, warningRed, warningInclusive,
                forecastConfidence, forecastAtRiskBelow, milestoneDueSoonWorkdays, noticeAnswerWorkdays,
                chaseAfterDueWorkdays, superviseAfterChaseWorkdays, bulletinAfterSuperviseWorkdays, noticeNumberPrefix,
                reportCycle, reportDueDay, parameters, 0, 0);
    }

    /** The same policy with another floor and material shortfall. */
    public SupervisionPolicy withForecast(double floor, double missPoints) {
        return new SupervisionPolicy(programmeCode, on, timeProgressMethod, warningKind, warningYellow, warningRed,
                warningInclusive, forecastConfidence, forecastAtRiskBelow, milestoneDueSoonWorkdays, noticeAnswerWorkdays,
                chaseAfterDueWorkdays, superviseAfterChaseWorkdays, bulletinAfterSuperviseWorkdays, noticeNumberPrefix,
                reportCycle, reportDueDay, parameters, floor, missPoints);
    }
}
