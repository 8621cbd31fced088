package org.gongjian.assessment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every ranked unit's score for a period: once the period is over, stored when first computed and then
 * read back unchanged (a new version for each re-score, such as an upheld appeal); before that, computed
 * afresh and provisional.
 *
 * @param version    the stored version (1 = as first computed), 0 when provisional
 * @param computedAt when the stored version was computed; null when provisional
 * @param reason     why the version was made (period closed, appeal upheld, recomputed by the office)
 */
public record Ranking(String programmeCode, Period period, boolean provisional, int version,
        @Nullable Instant computedAt, @Nullable String reason, ScoringScheme scheme, List<Entry> entries) {

    /** A unit's score, and its rank in its group when it is ranked. */
    public record Entry(UnitRef unit, @Nullable Integer rank, UnitScore score) {
    }

    /** The group's units, ranked ones first by rank, then the rest by code. */
    public List<Entry> group(PeerGroup group) {
        return entries.stream().filter(e -> e.unit().group() == group)
                .sorted(Comparator.comparing((Entry e) -> e.rank() == null ? Integer.MAX_VALUE : e.rank())
                        .thenComparing(e -> e.unit().code()))
                .toList();
    }

    public Optional<Entry> unit(long unitId) {
        return entries.stream().filter(e -> e.unit().id() == unitId).findFirst();
    }

    /** How many units of a group are ranked. */
    public int rankedIn(PeerGroup group) {
        return (int) entries.stream().filter(e -> e.unit().group() == group && e.rank() != null).count();
    }
}
