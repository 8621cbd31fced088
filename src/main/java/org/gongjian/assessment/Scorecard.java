package org.gongjian.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A unit's scorecard for a period: the full breakdown, its rank in its group, its appeals and every
 * recorded change of its score.
 *
 * @param appealDeadline the last day to appeal (the scheme's working days after the ranking was first
 *                       stored); null while the period is provisional
 * @param revisions      the unit's total and rank in each stored version, oldest first
 */
public record Scorecard(String programmeCode, Period period, UnitRef unit, boolean provisional, int version,
        @Nullable Instant computedAt, ScoringScheme scheme, @Nullable Integer rank, int rankedInGroup,
        @Nullable Integer previousRank, UnitScore score, List<AppealView> appeals, @Nullable LocalDate appealDeadline,
        boolean appealsOpen, List<Revision> revisions) {

    /** The unit's score in one stored version, and why that version was made. */
    public record Revision(int version, Instant at, String reason, BigDecimal total, @Nullable Integer rank) {
    }

    /** Whether any item rests on demo data. */
    public boolean demo() {
        return score.components().stream().flatMap(c -> c.items().stream()).anyMatch(i -> i.fact().demo());
    }
}
