package org.gongjian.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.assessment.scoring.TestRules.honour;
import static org.gongjian.assessment.scoring.TestRules.notice;
import static org.gongjian.assessment.scoring.TestRules.rating;
import static org.gongjian.assessment.scoring.TestRules.target;
import static org.gongjian.assessment.scoring.TestRules.timely;

import java.util.List;
import java.util.Map;
import org.gongjian.assessment.Adjustment;
import org.gongjian.assessment.Component;
import org.gongjian.assessment.ComponentScore;
import org.gongjian.assessment.Credit;
import org.gongjian.assessment.FactKind;
import org.gongjian.assessment.Outcome;
import org.gongjian.assessment.UnitScore;
import org.junit.jupiter.api.Test;

/** The scoring rules on small cases computed by hand (default scheme: 50 / 20 / 20 / 10, bonus cap 5). */
class ScorerTests {

    private final Scorer scorer = new Scorer(TestRules.standard());

    private static ComponentScore component(UnitScore score, Component c) {
        return score.component(c).orElseThrow();
    }

    @Test
    void a_co_unit_earns_half_the_credit_of_the_lead_unit_for_the_same_target() {
        // lead on T1 at 60 % progress with 75 % of the time gone (0.8 of full credit); co-unit on T2, met.
        // shares 1 and 0.5: T1 gives 50 × 1 × 0.8 / 1.5 = 26.6667 and loses 6.6667; T2 gives 50 × 0.5 / 1.5 = 16.6667
        UnitScore score = scorer.score(1, List.of(target("t1", Credit.LEAD, 0.6, 0.75),
                target("t2", Credit.CO_UNIT, Outcome.MET)), Map.of());
        ComponentScore attainment = component(score, Component.ATTAINMENT);
        assertThat(attainment.items()).extracting(i -> i.points().toPlainString())
                .containsExactly("26.6667", "16.6667");
        assertThat(attainment.items().get(0).lost()).isEqualByComparingTo("6.6667");
        assertThat(attainment.items().get(1).share()).isEqualByComparingTo("0.5");
        assertThat(attainment.points()).isEqualByComparingTo("43.3333");
    }

    @Test
    void components_without_items_are_left_out_and_the_base_is_scaled_to_full_marks() {
        // attainment 43.3333 (as above); timeliness: a milestone on time (1) and a late report (0.5) → 15;
        // supervision 20 with no notices; no ratings: quality does not apply → base 78.3333 × 100 / 90 = 87.0370
        UnitScore score = scorer.score(1, List.of(target("t1", Credit.LEAD, 0.6, 0.75),
                target("t2", Credit.CO_UNIT, Outcome.MET),
                timely(FactKind.MILESTONE, "milestone:1", Credit.LEAD, Outcome.ON_TIME),
                timely(FactKind.REPORT, "report:1:2024-05", Credit.OWN, Outcome.LATE)), Map.of());
        assertThat(component(score, Component.TIMELINESS).points()).isEqualByComparingTo("15");
        assertThat(component(score, Component.SUPERVISION).points()).isEqualByComparingTo("20");
        assertThat(component(score, Component.QUALITY).applicable()).isFalse();
        assertThat(score.scale()).isEqualByComparingTo("1.111111");
        assertThat(score.total()).isEqualByComparingTo("87.0370");
        assertThat(score.ranked()).isTrue();
    }

    @Test
    void being_ahead_of_time_progress_earns_no_more_than_full_credit_and_nothing_reported_earns_none() {
        UnitScore score = scorer.score(1, List.of(target("ahead", Credit.LEAD, 0.9, 0.5),
                target("silent", Credit.LEAD, Outcome.NOT_REPORTED),
                target("falling-without-baseline", Credit.LEAD, Outcome.NOT_MEASURABLE)), Map.of());
        ComponentScore attainment = component(score, Component.ATTAINMENT);
        // two items count (the unmeasurable one is left out): 25 + 0
        assertThat(attainment.items()).extracting(i -> i.points().toPlainString()).containsExactly("25.0000", "0.0000", "0.0000");
        assertThat(attainment.items().get(2).fraction()).isNull();
        assertThat(attainment.points()).isEqualByComparingTo("25");
    }

    @Test
    void supervision_deductions_stop_at_the_cap() {
        // two bulletins (2 × 5), three escalations to 督办 (3 × 3), one unanswered (2): 21 > cap 20 → 0 points
        UnitScore score = scorer.score(1, List.of(target("t", Credit.LEAD, Outcome.MET),
                notice("notice:1:BULLETIN", Outcome.ESCALATED_BULLETIN), notice("notice:2:BULLETIN", Outcome.ESCALATED_BULLETIN),
                notice("notice:3:SUPERVISE", Outcome.ESCALATED_SUPERVISE), notice("notice:4:SUPERVISE", Outcome.ESCALATED_SUPERVISE),
                notice("notice:5:SUPERVISE", Outcome.ESCALATED_SUPERVISE), notice("notice:6:answer", Outcome.UNANSWERED),
                notice("notice:7:answer", Outcome.ANSWERED_ON_TIME)), Map.of());
        ComponentScore supervision = component(score, Component.SUPERVISION);
        assertThat(supervision.points()).isEqualByComparingTo("0");
        assertThat(supervision.capped()).isTrue();
        assertThat(supervision.items()).extracting(i -> i.points().toPlainString())
                .containsExactly("-5.0000", "-5.0000", "-3.0000", "-3.0000", "-3.0000", "-2.0000", "0.0000");
        // attainment 50 + supervision 0 over weights 70 → 50 × 100 / 70
        assertThat(score.total()).isEqualByComparingTo("71.4286");
    }

    @Test
    void the_honours_bonus_is_added_on_top_and_stops_at_its_cap() {
        // national 3 + national 3 + provincial as co-unit 2 × 0.5 = 7 → capped at 5, on top of a perfect base
        UnitScore score = scorer.score(1, List.of(target("t", Credit.LEAD, Outcome.MET),
                honour("honour:1", Credit.LEAD, Outcome.HONOUR_NATIONAL), honour("honour:2", Credit.LEAD, Outcome.HONOUR_NATIONAL),
                honour("honour:3", Credit.CO_UNIT, Outcome.HONOUR_PROVINCIAL)), Map.of());
        ComponentScore honours = component(score, Component.HONOURS);
        assertThat(honours.items()).extracting(i -> i.points().toPlainString()).containsExactly("3.0000", "3.0000", "1.0000");
        assertThat(honours.points()).isEqualByComparingTo("5");
        assertThat(honours.capped()).isTrue();
        assertThat(score.total()).isEqualByComparingTo("105");
    }

    @Test
    void quality_averages_the_grades_of_the_rated_reports() {
        // 优 1, 良 0.85, 差 0.4 → 10 × 2.25 / 3 = 7.5
        UnitScore score = scorer.score(1, List.of(rating("rating:1", Outcome.RATED_EXCELLENT),
                rating("rating:2", Outcome.RATED_GOOD), rating("rating:3", Outcome.RATED_POOR)), Map.of());
        assertThat(component(score, Component.QUALITY).points()).isEqualByComparingTo("7.5");
        // quality 7.5 + supervision 20 over weights 30 → 27.5 × 100 / 30
        assertThat(score.total()).isEqualByComparingTo("91.6667");
    }

    @Test
    void an_upheld_appeal_gives_the_item_full_credit_or_leaves_it_out_and_the_score_is_recomputed() {
        var facts = List.of(target("a", Credit.LEAD, Outcome.MET), target("b", Credit.LEAD, Outcome.NOT_REPORTED),
                notice("notice:9:SUPERVISE", Outcome.ESCALATED_SUPERVISE));
        // before: attainment 25, supervision 17 → 42 × 100 / 70 = 60
        assertThat(scorer.score(1, facts, Map.of()).total()).isEqualByComparingTo("60");
        // target b reported through a ledger the office had not bound: full credit → 50 + 17 = 67 → 95.7143
        UnitScore full = scorer.score(1, facts, Map.of("target:b", Adjustment.FULL_CREDIT));
        assertThat(full.item("target:b").orElseThrow().adjustment()).isEqualTo(Adjustment.FULL_CREDIT);
        assertThat(full.total()).isEqualByComparingTo("95.7143");
        // or target b left out and the escalation waived: 50 + 20 → 100
        UnitScore excluded = scorer.score(1, facts,
                Map.of("target:b", Adjustment.EXCLUDED, "notice:9:SUPERVISE", Adjustment.EXCLUDED));
        assertThat(excluded.item("target:b").orElseThrow().points()).isEqualByComparingTo("0");
        assertThat(excluded.item("target:b").orElseThrow().share()).isEqualByComparingTo("0");
        assertThat(excluded.total()).isEqualByComparingTo("100");
    }

    @Test
    void a_unit_with_nothing_to_assess_but_notices_is_not_ranked() {
        UnitScore score = scorer.score(1, List.of(notice("notice:1:answer", Outcome.ANSWERED_LATE)), Map.of());
        assertThat(score.ranked()).isFalse();
        assertThat(scorer.score(2, List.of(), Map.of()).ranked()).isFalse();
    }
}
