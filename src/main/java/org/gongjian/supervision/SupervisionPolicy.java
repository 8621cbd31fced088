package org.gongjian.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The supervision rules in force for a programme on a date, read from its versioned policy parameters.
 * {@code parameters} are the versions these values come from, so a result can say which rules applied.
 *
 * @param warningInclusive whether a shortfall exactly at a tolerance takes the worse colour (银川: 含)
 * @param forecastAtRiskBelow a target within tolerance whose probability of being met is below this is 预警
 */
public record SupervisionPolicy(String programmeCode, LocalDate on, TimeProgressMethod timeProgressMethod,
        WarningKind warningKind, BigDecimal warningYellow, BigDecimal warningRed, boolean warningInclusive,
        double forecastConfidence, double forecastAtRiskBelow, int milestoneDueSoonWorkdays, int noticeAnswerWorkdays,
        int chaseAfterDueWorkdays, int superviseAfterChaseWorkdays, int bulletinAfterSuperviseWorkdays,
        String noticeNumberPrefix, ReportCycle reportCycle, int reportDueDay, List<PolicyParameter> parameters) {
}
