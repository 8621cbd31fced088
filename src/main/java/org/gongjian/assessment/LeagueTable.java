package org.gongjian.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A league table (龙虎榜) of one peer group for one period: each ranked unit with its rank, total, the
 * components as they count in the total, and its movement since the previous period of the same kind.
 *
 * @param previous    the period movement is measured against; null for the programme's first period
 * @param unranked    the group's units with nothing to assess in the period
 * @param bestMovers  the units that rose most (all of them when tied); empty when nobody rose
 * @param worstMovers the units that fell most; empty when nobody fell
 * @param demo        whether any score rests on demo data
 */
public record LeagueTable(String programmeCode, Period period, PeerGroup group, boolean provisional, int version,
        @Nullable Instant computedAt, ScoringScheme scheme, @Nullable Period previous, List<Row> rows,
        List<UnitRef> unranked, List<Row> bestMovers, List<Row> worstMovers, boolean demo) {

    /**
     * A unit's line.
     *
     * @param components each component's points as the scorecard shows them (before the base is scaled);
     *                   a component that did not apply is absent
     * @param movement places gained since the previous period (positive: up, ↑3; negative: down, ↓1);
     *                 null when the unit was not ranked then (new in the table) or there is no previous period
     */
    public record Row(int rank, UnitRef unit, BigDecimal total, Map<Component, BigDecimal> components,
            @Nullable Integer previousRank, @Nullable Integer movement, boolean demo) {
    }
}
