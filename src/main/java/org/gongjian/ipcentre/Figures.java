package org.gongjian.ipcentre;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The centre's figures as of a day, over the calendar year up to that day.
 *
 * @param designDaysAvg     average calendar days from submission to grant of the design cases granted
 * @param preExamPassRatePct passes ÷ pre-exam decisions (pass or fail), in %
 * @param firms             firms registered on the day (not suspended, not revoked)
 * @param firmsByTown       the same by town (unit code)
 * @param casesClosed       protection cases closed
 * @param caseDaysAvg       their average calendar days from receipt to closure
 */
public record Figures(@Nullable BigDecimal designDaysAvg, int designGrants, @Nullable BigDecimal preExamPassRatePct,
        int firms, Map<String, Integer> firmsByTown, int casesClosed, @Nullable BigDecimal caseDaysAvg) {
}
