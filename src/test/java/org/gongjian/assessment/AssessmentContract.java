package org.gongjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongjian.organisation.UnitKind;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.NewMeasurement;
import org.gongjian.programme.Target;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rankings of the Kaiping 2024 demo, on H2 and on PostgreSQL: peer groups, movement, reproducibility,
 * explanations, co-unit shares, honours, the JSON API and the appeal flow. Tests share one database, so
 * each works on periods of its own.
 */
abstract class AssessmentContract extends AssessmentFixture {

    static final String API = "/api/v1/programmes/kaiping-2024";
    private final JsonMapper json = JsonMapper.builder().build();

    private static Period p(String code) {
        return Period.parse(code);
    }

    @Test
    void towns_are_ranked_against_towns_and_departments_against_departments_never_against_each_other() {
        LeagueTable towns = rankings.league(KAIPING, p("2024-06"), PeerGroup.TOWNS);
        LeagueTable departments = rankings.league(KAIPING, p("2024-Q4"), PeerGroup.DEPARTMENTS);
        assertThat(towns.rows()).hasSize(16)
                .allSatisfy(r -> assertThat(organisation.unit(r.unit().code()).kind().isTownLevel()).isTrue());
        assertThat(towns.rows()).extracting(LeagueTable.Row::rank).first().isEqualTo(1);
        assertThat(departments.rows()).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(r -> assertThat(organisation.unit(r.unit().code()).kind()).isEqualTo(UnitKind.DEPARTMENT));
        assertThat(departments.unranked()).allSatisfy(u -> assertThat(u.group()).isEqualTo(PeerGroup.DEPARTMENTS));
    }

    @Test
    void the_table_moves_from_month_to_month_and_names_who_rose_and_fell_most() {
        int moved = 0;
        for (int month = 5; month <= 12; month++) {
            LeagueTable table = rankings.league(KAIPING, p(String.format("2024-%02d", month)), PeerGroup.TOWNS);
            moved += (int) table.rows().stream().filter(r -> r.movement() != null && r.movement() != 0).count();
            int best = table.rows().stream().filter(r -> r.movement() != null).mapToInt(LeagueTable.Row::movement).max().orElse(0);
            int worst = table.rows().stream().filter(r -> r.movement() != null).mapToInt(LeagueTable.Row::movement).min().orElse(0);
            if (best > 0) {
                assertThat(table.bestMovers()).isNotEmpty().allSatisfy(r -> assertThat(r.movement()).isEqualTo(best));
            }
            if (worst < 0) {
                assertThat(table.worstMovers()).isNotEmpty().allSatisfy(r -> assertThat(r.movement()).isEqualTo(worst));
            }
        }
        assertThat(moved).as("units changing place over eight months").isGreaterThan(40);
        LeagueTable first = rankings.league(KAIPING, p("2024-01"), PeerGroup.TOWNS);
        assertThat(first.previous()).isNull();
        assertThat(first.bestMovers()).isEmpty();
    }

    @Test
    @WithMockUser(username = "late-reporter", roles = "ADMIN")
    void a_past_period_recomputed_later_from_the_data_gives_exactly_the_same_ranking() {
        Period june = p("2024-06");
        Ranking before = runs.live(KAIPING, june);
        // later, figures for June are reported and corrected, and a report is rated: none of it was known on 30 June
        targets.report(KAIPING, "demo.roads.chikan", new NewMeasurement(BigDecimal.valueOf(60), LocalDate.of(2024, 6, 20), "补报", null).confirmed("补报"));
        // a demo figure of May (the towns' road targets now follow the roads ledger, so any demo series will do)
        Measurement juneFigure = targets.targets(programmes.programme(KAIPING)).stream()
                .flatMap(t -> targets.measurements(t).stream())
                .filter(m -> m.demo() && m.asOf().getYear() == 2024 && m.asOf().getMonthValue() == 5 && !m.superseded())
                .findFirst().orElseThrow();
        Target credit = targets.target(juneFigure.targetId());
        targets.report(KAIPING, credit.code(), new NewMeasurement(BigDecimal.ZERO, juneFigure.asOf(), "更正", juneFigure.id()).confirmed("更正"));
        Ranking after = runs.live(KAIPING, june);
        assertThat(summary(after)).isEqualTo(summary(before));
        assertThat(summary(rankings.ranking(KAIPING, june))).isEqualTo(summary(before));
    }

    private static List<String> summary(Ranking ranking) {
        List<String> lines = new ArrayList<>();
        for (Ranking.Entry e : ranking.entries()) {
            String items = e.score().components().stream().flatMap(c -> c.items().stream())
                    .map(i -> i.fact().key() + "=" + i.points().toPlainString()).collect(Collectors.joining(","));
            lines.add(e.unit().code() + " #" + e.rank() + " " + e.score().total().toPlainString() + " [" + items + "]");
        }
        return lines;
    }

    @Test
    void every_point_of_every_score_is_explained_by_the_items_that_gave_or_cost_it() {
        Ranking ranking = rankings.ranking(KAIPING, p("2024-Q3"));
        SchemeRules rules = ranking.scheme().rules();
        for (Ranking.Entry e : ranking.entries()) {
            BigDecimal base = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            BigDecimal bonus = BigDecimal.ZERO;
            for (ComponentScore c : e.score().components()) {
                BigDecimal items = c.items().stream().map(ItemScore::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                switch (c.component()) {
                    case SUPERVISION -> assertThat(c.points()).isEqualByComparingTo(
                            c.weight().add(items.max(rules.supervision().cap().negate())));
                    case HONOURS -> assertThat(c.points()).isEqualByComparingTo(items.min(rules.honours().cap()));
                    default -> assertThat(c.points().doubleValue()).isCloseTo(items.doubleValue(), within(0.001 * (c.items().size() + 1)));
                }
                if (c.component().base() && c.applicable()) {
                    base = base.add(c.points());
                    weights = weights.add(c.weight());
                } else if (!c.component().base()) {
                    bonus = bonus.add(c.points());
                }
            }
            if (e.score().ranked()) {
                BigDecimal expected = base.multiply(rules.fullMarks()).divide(weights, 6, RoundingMode.HALF_UP).add(bonus);
                assertThat(e.score().total().doubleValue()).as(e.unit().code()).isCloseTo(expected.doubleValue(), within(0.001));
            }
        }
    }

    @Test
    void honours_add_a_bonus_by_level_to_the_lead_unit_in_the_month_they_are_won() {
        // 第四批“四好农村路”全国示范县 (national, March 2024), led by the transport bureau
        ItemScore national = rankings.scorecard(KAIPING, "transport", p("2024-03")).score().component(Component.HONOURS)
                .orElseThrow().items().get(0);
        assertThat(national.fact().outcome()).isEqualTo(Outcome.HONOUR_NATIONAL);
        assertThat(national.points()).isEqualByComparingTo("3");
        // the IP rapid-protection centre, approved for construction by CNIPA (September 2024)
        assertThat(rankings.scorecard(KAIPING, "market-regulation", p("2024-09")).score().component(Component.HONOURS)
                .orElseThrow().points()).isEqualByComparingTo("3");
        // the provincial pilot of culture-empowered rural revitalisation (11 October 2024)
        assertThat(rankings.scorecard(KAIPING, "culture-tourism", p("2024-10")).score().component(Component.HONOURS)
                .orElseThrow().points()).isEqualByComparingTo("2");
        assertThat(rankings.scorecard(KAIPING, "transport", p("2024-04")).score().component(Component.HONOURS)
                .orElseThrow().applicable()).isFalse();
    }

    @Test
    void a_co_unit_earns_the_schemes_share_of_a_milestone_its_lead_unit_earns_in_full() {
        String key = rankings.scorecard(KAIPING, "finance-office", p("2024-06")).score().components().stream()
                .flatMap(c -> c.items().stream()).filter(i -> i.fact().label().contains("动员会")).findFirst().orElseThrow()
                .fact().key();
        ItemScore lead = rankings.scorecard(KAIPING, "finance-office", p("2024-06")).score().item(key).orElseThrow();
        ItemScore co = rankings.scorecard(KAIPING, "chikan", p("2024-06")).score().item(key).orElseThrow();
        assertThat(lead.fact().credit()).isEqualTo(Credit.LEAD);
        assertThat(lead.share()).isEqualByComparingTo("1");
        assertThat(co.fact().credit()).isEqualTo(Credit.CO_UNIT);
        assertThat(co.share()).isEqualByComparingTo("0.5");
        assertThat(co.points()).isPositive();
    }

    @Test
    void the_api_serves_a_league_table_and_a_scorecard() throws Exception {
        mvc.perform(get(API + "/rankings").param("period", "2024-Q4").param("group", "towns").with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.group").value("TOWNS"))
                .andExpect(jsonPath("$.period.kind").value("QUARTER"))
                .andExpect(jsonPath("$.rows.length()").value(16))
                .andExpect(jsonPath("$.rows[0].rank").value(1))
                .andExpect(jsonPath("$.previous.number").value(3))
                .andExpect(jsonPath("$.demo").value(true));
        mvc.perform(get(API + "/units/chikan/score").param("period", "2024-Q4").with(as("dasha-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.code").value("chikan"))
                .andExpect(jsonPath("$.score.components[0].component").value("ATTAINMENT"))
                .andExpect(jsonPath("$.score.components[0].items[0].fact.kind").value("TARGET"))
                .andExpect(jsonPath("$.appeals.length()").value(0));
        mvc.perform(get(API + "/rankings/history").param("period", "2024-12").param("units", "chikan", "dasha").with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periods.length()").value(12))
                .andExpect(jsonPath("$.lines[1].unit.code").value("dasha"));
    }

    @Test
    void a_malformed_period_an_unknown_group_or_unit_and_a_period_outside_the_programme_are_refused_clearly() throws Exception {
        mvc.perform(get(API + "/rankings").param("period", "2024-13").with(office()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("2024-Q4")));
        mvc.perform(get(API + "/rankings").param("group", "villages").with(office()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("group"));
        mvc.perform(get(API + "/rankings").param("period", "2023-11").with(office()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("不在方案期内")));
        mvc.perform(get(API + "/units/nowhere/score").param("period", "2024-06").with(office()))
                .andExpect(status().isNotFound());
        mvc.perform(get(API + "/units/mot/score").param("period", "2024-06").with(office()))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_unit_appeals_an_item_with_evidence_and_the_office_upholds_it_as_a_new_version_of_the_ranking() throws Exception {
        Scorecard before = rankings.scorecard(KAIPING, "chikan", p("2024-09"));
        ItemScore lost = before.score().components().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.lost().signum() > 0 && i.fact().kind() != FactKind.NOTICE).findFirst().orElseThrow();
        JsonNode filed = json.readTree(mvc.perform(multipart(API + "/appeals")
                        .file(new MockMultipartFile("files", "情况说明.pdf", "application/pdf", "%PDF-1.4 说明".getBytes()))
                        .param("period", "2024-09").param("unit", "chikan").param("item", lost.fact().key())
                        .param("reason", "9月数据已于8月31日前报送，系统漏记").with(as("chikan-clerk")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andExpect(jsonPath("$.evidence[0].fileName").value("情况说明.pdf"))
                .andExpect(jsonPath("$.evidence[0].sha256").value(org.hamcrest.Matchers.hasLength(64)))
                .andReturn().getResponse().getContentAsString());
        long id = filed.get("id").asLong();

        mvc.perform(post("/api/v1/appeals/" + id + "/uphold").with(as("chikan-clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0,\"adjustment\":\"FULL_CREDIT\",\"decision\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/appeals/" + id + "/uphold").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"adjustment\":\"FULL_CREDIT\",\"decision\":\"经核实，数据按时报送，按满分计\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("UPHELD"))
                .andExpect(jsonPath("$.rankBefore").value(before.rank()));

        Scorecard after = rankings.scorecard(KAIPING, "chikan", p("2024-09"));
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.score().total()).isGreaterThan(before.score().total());
        assertThat(after.score().item(lost.fact().key()).orElseThrow().adjustment()).isEqualTo(Adjustment.FULL_CREDIT);
        assertThat(after.revisions()).hasSize(after.version()).last()
                .satisfies(r -> assertThat(r.reason()).contains("申诉#" + id));
        AppealView decided = appeals.appeal(id);
        assertThat(decided.totalBefore()).isEqualByComparingTo(before.score().total());
        assertThat(decided.totalAfter()).isEqualByComparingTo(after.score().total());
        assertThat(decided.rankAfter()).isEqualTo(after.rank());
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'appeal' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
        // the other units of the group were re-ranked in the same version, their scores unchanged
        Map<Long, BigDecimal> v1 = new java.util.HashMap<>();
        rankings.ranking(KAIPING, p("2024-09")).entries().forEach(e -> v1.put(e.unit().id(), e.score().total()));
        assertThat(v1.get(organisation.unit("dasha").id()))
                .isEqualByComparingTo(rankings.scorecard(KAIPING, "dasha", p("2024-09")).score().total());
    }

    @Test
    void appeals_are_refused_for_another_units_score_twice_for_one_item_with_a_bad_file_or_decided_without_a_reason()
            throws Exception {
        Scorecard card = rankings.scorecard(KAIPING, "dasha", p("2024-08"));
        List<ItemScore> items = card.score().components().stream().flatMap(c -> c.items().stream()).toList();
        String first = items.get(0).fact().key();
        String second = items.get(1).fact().key();
        long denied = jdbc.sql("select count(*) from audit_entry where action = 'DENIED'").query(Long.class).single();
        mvc.perform(multipart(API + "/appeals").param("period", "2024-08").param("unit", "dasha").param("item", first)
                        .param("reason", "代为申诉").with(as("chikan-clerk")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DENIED'").query(Long.class).single())
                .isEqualTo(denied + 1);
        mvc.perform(multipart(API + "/appeals").param("period", "2024-08").param("unit", "dasha").param("item", first)
                        .param("reason", " ").with(as("dasha-clerk"))
                        .file(new MockMultipartFile("files", "run.sh", "text/x-sh", "rm -rf /".getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("reason", "evidence[0]")));
        mvc.perform(multipart(API + "/appeals").param("period", "2024-08").param("unit", "dasha").param("item", "target:nothing")
                        .param("reason", "理由").with(as("dasha-clerk")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("itemKey"));
        String created = mvc.perform(multipart(API + "/appeals").param("period", "2024-08").param("unit", "dasha")
                        .param("item", first).param("reason", "理由一").with(as("dasha-clerk")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(multipart(API + "/appeals").param("period", "2024-08").param("unit", "dasha").param("item", first)
                        .param("reason", "再次申诉").with(as("dasha-clerk")))
                .andExpect(status().isConflict());
        long id = json.readTree(created).get("id").asLong();
        mvc.perform(get("/api/v1/appeals/" + id).with(as("chikan-clerk"))).andExpect(status().isForbidden());
        mvc.perform(get(API + "/appeals").param("period", "2024-08").with(as("chikan-clerk")))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(post("/api/v1/appeals/" + id + "/reject").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"decision\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("decision"));
        mvc.perform(post("/api/v1/appeals/" + id + "/reject").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"decision\":\"该节点确未按期完成，维持原分\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REJECTED"));
        mvc.perform(post("/api/v1/appeals/" + id + "/uphold").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"decision\":\"改判\"}"))
                .andExpect(status().isConflict());
        assertThat(rankings.scorecard(KAIPING, "dasha", p("2024-08")).version()).isEqualTo(card.version());
        // a rejected item may be appealed again, with new evidence; another item any time within the window
        mvc.perform(multipart(API + "/appeals").param("period", "2024-08").param("unit", "dasha").param("item", second)
                        .param("reason", "理由二").with(as("dasha-clerk")))
                .andExpect(status().isCreated());
        // once the window has closed, no more
        clock.set(AssessmentTest.TODAY.plusDays(30));
        mvc.perform(multipart(API + "/appeals").param("period", "2024-08").param("unit", "dasha").param("item", first)
                        .param("reason", "理由三").with(as("dasha-clerk")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("截止")));
    }
}
