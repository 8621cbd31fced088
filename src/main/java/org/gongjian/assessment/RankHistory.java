package org.gongjian.assessment;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Rank and total of some units of a group over the periods of a kind, for the rank-history chart. */
public record RankHistory(PeerGroup group, PeriodKind kind, List<Period> periods, List<Line> lines) {

    /** One unit's ranks and totals, one per period (null where it was not ranked). */
    public record Line(UnitRef unit, List<@Nullable Integer> ranks, List<@Nullable BigDecimal> totals) {
    }
}
