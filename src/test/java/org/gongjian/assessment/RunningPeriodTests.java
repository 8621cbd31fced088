package org.gongjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.Evidence;
import org.gongjian.supervision.NoticeAction;
import org.gongjian.supervision.NoticeChanged;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeState;
import org.gongjian.supervision.NoticeTrigger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A period still under way (March 2025 of a programme running through 2025): provisional scores as of
 * today, notices heard from supervision, the office's quality ratings, and a new scheme version.
 */
@AssessmentTest
class RunningPeriodTests extends AssessmentFixture {

    static final String API = "/api/v1/programmes/" + RUNNING;
    static final Period MARCH = Period.parse("2025-03");

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired ScoringSchemes schemes;
    @Autowired ProgressReports reports;

    @Test
    void a_running_period_is_scored_as_of_today_as_provisional_and_cannot_be_appealed_yet() throws Exception {
        Scorecard baihe = rankings.scorecard(RUNNING, "baihe", MARCH);
        assertThat(baihe.provisional()).isTrue();
        assertThat(baihe.version()).isZero();
        assertThat(baihe.appealsOpen()).isFalse();
        // 30 of 100 km with two months of twelve gone: ahead of time, full credit
        ItemScore roads = baihe.score().item("target:run.roads").orElseThrow();
        assertThat(roads.fraction()).isEqualByComparingTo("1");
        // the node due on 10 March is missed; the one due on 28 March is not assessed yet
        assertThat(baihe.score().component(Component.TIMELINESS).orElseThrow().items())
                .extracting(i -> i.fact().label() + ":" + i.fact().outcome())
                .contains("一季度节点甲:MISSED", "农村公路提质:LATE").doesNotContain("一季度节点乙:MISSED");
        // 大沙镇 owes its own target's February report and sent nothing
        Scorecard dasha = rankings.scorecard(RUNNING, "dasha", MARCH);
        assertThat(dasha.score().item("target:run.roads.dasha").orElseThrow().fact().outcome()).isEqualTo(Outcome.NOT_REPORTED);
        assertThat(dasha.score().item("target:run.roads").orElseThrow().fact().credit()).isEqualTo(Credit.CO_UNIT);
        assertThat(dasha.score().item("report:1:2025-02").orElseThrow().fact().outcome()).isEqualTo(Outcome.MISSED);
        assertThatThrownBy(() -> appeals.file(RUNNING, "2025-03", "baihe", "target:run.roads", "理由", List.of()))
                .isInstanceOf(InvalidInputException.class);
        mvc.perform(get(API + "/rankings").param("period", "2025-05").with(office()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("尚未开始")));
        // February is over: stored, final
        assertThat(rankings.league(RUNNING, Period.parse("2025-02"), PeerGroup.TOWNS).provisional()).isFalse();
    }

    @Test
    void notices_escalated_or_left_unanswered_cost_supervision_points_as_supervision_reports_them() {
        long baihe = organisation.unit("baihe").id();
        BigDecimal before = rankings.scorecard(RUNNING, "baihe", MARCH).score().component(Component.SUPERVISION)
                .orElseThrow().points();
        // a notice raised straight at 督办 level, due on 12 March and not answered
        tx.executeWithoutResult(s -> events.publishEvent(new NoticeChanged(9001, RUNNING, baihe, NoticeAction.RAISED,
                NoticeTrigger.MANUAL, NoticeLevel.SUPERVISE, NoticeState.ISSUED, "开改督〔2025〕1号", "一季度节点甲未按期完成",
                LocalDate.of(2025, 3, 12), LocalDate.of(2025, 3, 12))));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from assessment_notice_fact where notice_id = 9001")
                .query(Long.class).single() == 1);
        ComponentScore supervision = rankings.scorecard(RUNNING, "baihe", MARCH).score().component(Component.SUPERVISION)
                .orElseThrow();
        assertThat(supervision.items()).extracting(i -> i.fact().outcome())
                .containsExactlyInAnyOrder(Outcome.ESCALATED_SUPERVISE, Outcome.UNANSWERED);
        assertThat(supervision.points()).isEqualByComparingTo(before.subtract(BigDecimal.valueOf(5)));
        assertThat(supervision.items()).allSatisfy(i -> assertThat(i.fact().reference()).isEqualTo("开改督〔2025〕1号"));
        // cancelled as raised in error: it no longer counts
        tx.executeWithoutResult(s -> events.publishEvent(new NoticeChanged(9001, RUNNING, baihe, NoticeAction.CANCELLED,
                NoticeTrigger.MANUAL, NoticeLevel.SUPERVISE, NoticeState.CANCELLED, "开改督〔2025〕1号", "一季度节点甲未按期完成",
                LocalDate.of(2025, 3, 12), LocalDate.of(2025, 3, 12))));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from assessment_notice_fact where notice_id = 9001")
                .query(Long.class).single() == 2);
        assertThat(rankings.scorecard(RUNNING, "baihe", MARCH).score().component(Component.SUPERVISION).orElseThrow()
                .points()).isEqualByComparingTo(before);
    }

    @Test
    void the_office_rates_a_report_that_came_in_and_the_rating_counts_in_the_period_it_is_given() throws Exception {
        List<ProgressReport> due = reports.due(RUNNING, MARCH);
        assertThat(due).extracting(r -> r.unit().code() + ":" + r.cycle() + ":" + r.state())
                .containsExactly("baihe:2025-02:LATE", "dasha:2025-02:MISSED");
        mvc.perform(put(API + "/progress-reports/baihe/1/2025-02/rating").with(as("baihe-clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\":\"EXCELLENT\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(API + "/progress-reports/dasha/1/2025-02/rating").with(office())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\":\"GOOD\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cycle"));
        mvc.perform(put(API + "/progress-reports/baihe/1/2025-02/rating").with(office())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\":\"FAIR\",\"comment\":\"数据无佐证\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.grade").value("FAIR"));
        Scorecard card = rankings.scorecard(RUNNING, "baihe", MARCH);
        SchemeRules.Quality quality = card.scheme().rules().quality();
        ItemScore rated = card.score().component(Component.QUALITY).orElseThrow().items().get(0);
        assertThat(rated.fact().outcome()).isEqualTo(Outcome.RATED_FAIR);
        assertThat(rated.points()).isEqualByComparingTo(quality.weight().multiply(quality.fair()));
        // rated again: the new grade replaces the old one
        mvc.perform(put(API + "/progress-reports/baihe/1/2025-02/rating").with(office())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\":\"EXCELLENT\"}"))
                .andExpect(status().isOk());
        assertThat(rankings.scorecard(RUNNING, "baihe", MARCH).score().component(Component.QUALITY).orElseThrow()
                .items()).singleElement().satisfies(i -> assertThat(i.points()).isEqualByComparingTo(quality.weight()));
        assertThat(reports.due(RUNNING, MARCH).get(0).rating().grade()).isEqualTo(Grade.EXCELLENT);
    }

    @Test
    void a_new_scheme_version_scores_the_periods_that_end_after_it_starts_and_only_the_office_may_add_one() throws Exception {
        String body = """
                {"name":"2025年考核办法","sourceDocument":"开改办〔2025〕2号","evidence":"VERIFIED","validFrom":"2025-03-01",
                 "rules":{"coUnitShare":1,"attainment":{"weight":60},"timeliness":{"weight":20,"lateCredit":0.6},
                  "supervision":{"weight":10,"cap":10,"answeredLate":1,"unanswered":2,"supervise":3,"bulletin":5},
                  "quality":{"weight":10,"excellent":1,"good":0.8,"fair":0.6,"poor":0.3},
                  "honours":{"cap":5,"national":3,"provincial":2,"municipal":1,"county":0,"statuses":["AWARDED"]},
                  "tieBreak":["ATTAINMENT","QUALITY"],"appealWindowWorkdays":5,"appealAnswerWorkdays":10}}""";
        mvc.perform(post(API + "/scoring-schemes").with(as("baihe-clerk")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post(API + "/scoring-schemes").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"weight\":60", "\"weight\":-1").replace("[\"ATTAINMENT\",\"QUALITY\"]", "[\"HONOURS\"]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("rules.attainment.weight")));
        mvc.perform(post(API + "/scoring-schemes").with(office()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.programmeCode").value(RUNNING));
        assertThat(rankings.scorecard(RUNNING, "baihe", MARCH).scheme().name()).isEqualTo("2025年考核办法");
        assertThat(rankings.scorecard(RUNNING, "dasha", MARCH).score().item("target:run.roads").orElseThrow().share())
                .isEqualByComparingTo("1");
        assertThat(rankings.scorecard(RUNNING, "baihe", Period.parse("2025-02")).scheme().programmeCode()).isNull();
        assertThat(schemes.inForce(KAIPING, LocalDate.of(2025, 3, 14)).programmeCode()).isNull();
        mvc.perform(post(API + "/scoring-schemes").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("2025-03-01", "2025-02-01")))
                .andExpect(status().isConflict());
        assertThat(schemes.history(RUNNING)).extracting(ScoringScheme::evidence).contains(Evidence.VERIFIED);
    }
}
