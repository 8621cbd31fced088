package org.gongjian.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the monthly key-project bulletin needs from the key-projects ledger, which implements it. Reporting
 * defines it (and the ledger depends on reporting for its Excel work), so the modules form no cycle.
 */
public interface KeyProjectFigures {

    /** The month's figures of the projects with a plan for the month's year; money in 元. */
    Summary summary(YearMonth month);

    /**
     * @param projects       projects on the year's list (with an annual plan)
     * @param plannedStarts  projects of the list to start this year (新开工)
     * @param started        of those, the ones whose start milestone is done by the month's end
     */
    record Summary(YearMonth month, int projects, BigDecimal totalInvestment, BigDecimal annualPlan, BigDecimal completed,
            int plannedStarts, int started, List<Row> rows) {
    }

    /** One project's line: schedule is AHEAD, NORMAL or BEHIND, or null without a plan. */
    record Row(String code, String name, String town, BigDecimal totalInvestment, BigDecimal annualPlan, BigDecimal completed,
            @Nullable BigDecimal percentOfPlan, @Nullable String schedule, @Nullable String imageProgress) {
    }
}
