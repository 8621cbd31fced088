package org.gongjian.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.assessment.scoring.TestRules.target;
import static org.gongjian.assessment.scoring.TestRules.timely;

import java.util.List;
import java.util.Map;
import org.gongjian.assessment.Component;
import org.gongjian.assessment.Credit;
import org.gongjian.assessment.FactKind;
import org.gongjian.assessment.Outcome;
import org.gongjian.assessment.UnitScore;
import org.junit.jupiter.api.Test;

/** Ranking within a peer group, with the documented tie-break. */
class RankerTests {

    private final Scorer scorer = new Scorer(TestRules.standard());
    private final Ranker ranker = new Ranker(TestRules.standard().tieBreak());

    @Test
    void equal_totals_are_separated_by_attainment_first_and_units_still_equal_share_a_rank() {
        // unit 1: attainment 50 (met), timeliness 0 (missed)            → 50 + 0 + 20 = 70 of 90 → 77.7778
        // unit 2: attainment 30 (0.6 of the pace), timeliness 20 (on time) → 30 + 20 + 20 = 70 → 77.7778
        // unit 3: the same as unit 2; unit 4: better than all; unit 5 nothing to assess
        UnitScore one = scorer.score(1, List.of(target("a", Credit.LEAD, Outcome.MET),
                timely(FactKind.MILESTONE, "milestone:1", Credit.LEAD, Outcome.MISSED)), Map.of());
        UnitScore two = scorer.score(2, List.of(target("b", Credit.LEAD, 0.3, 0.5),
                timely(FactKind.MILESTONE, "milestone:2", Credit.LEAD, Outcome.ON_TIME)), Map.of());
        UnitScore three = scorer.score(3, List.of(target("c", Credit.LEAD, 0.3, 0.5),
                timely(FactKind.MILESTONE, "milestone:3", Credit.LEAD, Outcome.ON_TIME)), Map.of());
        UnitScore four = scorer.score(4, List.of(target("d", Credit.LEAD, Outcome.MET),
                timely(FactKind.MILESTONE, "milestone:4", Credit.LEAD, Outcome.ON_TIME)), Map.of());
        UnitScore five = scorer.score(5, List.of(), Map.of());
        assertThat(one.total()).isEqualByComparingTo(two.total());
        assertThat(one.counted(Component.ATTAINMENT)).isGreaterThan(two.counted(Component.ATTAINMENT));

        Map<Long, Integer> ranks = ranker.rank(List.of(three, five, two, one, four));
        assertThat(ranks).containsExactly(Map.entry(4L, 1), Map.entry(1L, 2), Map.entry(2L, 3), Map.entry(3L, 3));
    }

    @Test
    void after_a_shared_rank_the_next_rank_is_skipped() {
        UnitScore a = scorer.score(1, List.of(target("a", Credit.LEAD, Outcome.MET)), Map.of());
        UnitScore b = scorer.score(2, List.of(target("b", Credit.LEAD, Outcome.MET)), Map.of());
        UnitScore c = scorer.score(3, List.of(target("c", Credit.LEAD, 0.1, 0.5)), Map.of());
        assertThat(ranker.rank(List.of(a, b, c))).containsEntry(1L, 1).containsEntry(2L, 1).containsEntry(3L, 3);
    }
}
