package org.gongjian.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.programme.IndicatorObserved;
import org.gongjian.roads.RoadChiefs.Chief;
import org.gongjian.roads.RoadChiefs.NewChief;
import org.gongjian.roads.RoadIssues.Category;
import org.gongjian.roads.RoadIssues.Issue;
import org.gongjian.roads.RoadIssues.NewIssue;
import org.gongjian.roads.RoadRegister.NewRoute;
import org.gongjian.roads.RoadRegister.NewSegment;
import org.gongjian.roads.RoadRegister.Pavement;
import org.gongjian.roads.RoadRegister.Segment;
import org.gongjian.roads.RoadRegister.TechGrade;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LedgerItemCleared;
import org.gongjian.shared.LedgerItemOverdue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/** The roads ledger's rules, on H2 and on PostgreSQL: register, chiefs, defects, patrols, condition, figures. */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
@RecordApplicationEvents
abstract class RoadsContract {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @Autowired RoadRegister register;
    @Autowired RoadChiefs chiefs;
    @Autowired RoadIssues issues;
    @Autowired Patrols patrols;
    @Autowired RoadConditions conditions;
    @Autowired RoadIndicators indicators;
    @Autowired DemoRoads demoRoads;
    @Autowired Signboards signboards;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @BeforeEach
    void staff() {
        accounts.create("t-transport", "交通运输局", "staff-secret-1", organisation.unit("transport").id(), Set.of(Role.UNIT_STAFF));
        accounts.create("t-chikan", "赤坎镇", "staff-secret-1", organisation.unit("chikan").id(), Set.of(Role.UNIT_STAFF));
        accounts.create("t-chief", "村级路长", "staff-secret-1", null, Set.of(Role.ROAD_CHIEF));
        accounts.create("t-other-chief", "另一村级路长", "staff-secret-1", null, Set.of(Role.ROAD_CHIEF));
    }

    void as(String username) {
        UserDetails u = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
    }

    static NewSegment seg(String from, String to, String town) {
        return new NewSegment(new BigDecimal(from), new BigDecimal(to), TechGrade.IV, Pavement.CEMENT, new BigDecimal("4.5"),
                town, "某村", "赤坎镇养护站", true, "{\"type\":\"LineString\",\"coordinates\":[[112.56,22.37],[112.57,22.38]]}", null);
    }

    static List<PhotoUpload> photo() {
        return List.of(new PhotoUpload("before.jpg", JPEG.length, new ByteArrayResource(JPEG)));
    }

    /** A village route with two segments, a county chief, a township chief and a village chief on the first segment. */
    record World(Segment first, Segment second, Chief total, Chief county, Chief township, Chief village) {
    }

    World world() {
        as("t-transport");
        register.createRoute(new NewRoute("C901", "测试村道", null), false);
        Segment first = register.addSegment("C901", seg("0", "1.25", "chikan"), false);
        Segment second = register.addSegment("C901", seg("1.25", "2.5", "chikan"), false);
        Chief total = chiefs.appoint(new NewChief("总路长", ChiefLevel.TOTAL, null, null, null, null, null, null, null), false);
        Chief county = chiefs.appoint(new NewChief("县级路长", ChiefLevel.COUNTY, null, null, null, null, null, total.id(), null), false);
        Chief township = chiefs.appoint(new NewChief("镇级路长", ChiefLevel.TOWNSHIP, null, null, "chikan", null, null, county.id(), null), false);
        Chief village = chiefs.appoint(new NewChief("村级路长", ChiefLevel.VILLAGE, null, "t-chief", "chikan", "某村", null,
                township.id(), LocalDate.now().minusYears(1)), false);
        chiefs.assign(village.id(), first.id(), null, null, LocalDate.now().minusYears(1), null);
        return new World(first, second, total, county, township, village);
    }

    @Test
    void route_length_is_the_sum_of_its_segments_and_stakes_of_a_route_never_overlap() {
        as("t-transport");
        register.createRoute(new NewRoute("X901", "测试县道", null), false);
        register.addSegment("X901", seg("0", "3.125", "chikan"), false);
        register.addSegment("X901", seg("3.125", "7.5", "chikan"), false);
        assertThat(register.route("X901").lengthKm()).isEqualByComparingTo("7.500");
        assertThat(register.route("X901").level()).isEqualTo(RoadLevel.COUNTY);
        assertThatThrownBy(() -> register.addSegment("X901", seg("7.000", "8.000", "chikan"), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations().get(0).messageKey()).isEqualTo("roads.error.stake-overlap");
                    assertThat(e.violations().get(0).args()).contains("X901", "7+000", "8+000", "K3+125–K7+500");
                });
        assertThatThrownBy(() -> register.addSegment("X901", seg("0.5", "1", "chikan"), false))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> register.addSegment("X901", seg("9", "8", "chikan"), false))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> register.addSegment("X901", seg("9.0001", "10", "chikan"), false))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> register.createRoute(new NewRoute("Q1", "没有等级字母", null), false))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> register.createRoute(new NewRoute("X902", "字母与等级不符", RoadLevel.VILLAGE), false))
                .isInstanceOf(InvalidInputException.class);
        assertThat(register.lengthByTown().get("chikan")).isGreaterThanOrEqualTo(new BigDecimal("7.5"));
    }

    @Test
    void only_the_road_office_keeps_the_register() {
        as("t-chikan");
        assertThatThrownBy(() -> register.createRoute(new NewRoute("Y901", "乡道", null), false))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void coverage_lists_the_stretches_without_a_chief_of_their_level() {
        World w = world();
        LocalDate today = LocalDate.now();
        List<RoadChiefs.Gap> gaps = chiefs.coverage(today).gaps().stream()
                .filter(g -> g.segment().routeCode().equals("C901")).toList();
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.segment().id()).isEqualTo(w.second().id());
            assertThat(g.needed()).isEqualTo(ChiefLevel.VILLAGE);
            assertThat(g.lengthKm()).isEqualByComparingTo("1.25");
        });
        // a township chief on the second segment does not cover a village road
        chiefs.assign(w.township().id(), w.second().id(), null, null, null, null);
        assertThat(chiefs.coverage(today).gaps().stream().filter(g -> g.segment().id() == w.second().id())).hasSize(1);
        // half of it by the village chief leaves the other half
        chiefs.assign(w.village().id(), w.second().id(), new BigDecimal("1.25"), new BigDecimal("2"), null, null);
        assertThat(chiefs.coverage(today).gaps().stream().filter(g -> g.segment().id() == w.second().id()))
                .singleElement().satisfies(g -> assertThat(g.fromKm()).isEqualByComparingTo("2"));
        // an assignment that has ended no longer covers
        chiefs.end(w.village().id(), today.minusDays(1));
        assertThat(chiefs.coverage(today).gaps().stream().filter(g -> g.segment().routeCode().equals("C901"))).hasSize(2);
    }

    @Test
    void a_chief_answers_to_a_chief_one_level_up() {
        World w = world();
        assertThatThrownBy(() -> chiefs.appoint(new NewChief("村级", ChiefLevel.VILLAGE, null, null, null, null, null,
                w.county().id(), null), false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> chiefs.appoint(new NewChief("县级", ChiefLevel.COUNTY, null, null, null, null, null, null, null),
                false)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_signboard_keeps_what_it_showed_when_it_was_put_up() {
        World w = world();
        Signboards.Signboard board = signboards.record(new Signboards.SignboardData(w.first().id(), null, null, "巡查、上报",
                "优良中等路率≥80%", "12345", null));
        assertThat(board.content().get("chiefs").toString()).contains("村级路长");
        chiefs.end(w.village().id(), LocalDate.now());
        assertThat(signboards.of(w.first().id()).get(0).content().get("chiefs").toString()).contains("村级路长");
    }

    Issue reported(World w) {
        as("t-chief");
        return issues.report(new NewIssue(null, Category.PAVEMENT_DEFECT, Severity.MAJOR, w.first().id(), new BigDecimal("0.4"),
                new BigDecimal("22.37"), new BigDecimal("112.56"), "坑槽两处", null), photo(), false);
    }

    @Test
    void a_defect_goes_round_the_loop_with_rework_and_after_photos_required() {
        World w = world();
        Issue issue = reported(w);
        assertThat(issue.status()).isEqualTo(IssueStatus.REPORTED);
        assertThat(issue.source()).isEqualTo(RoadIssues.Source.PATROL);
        as("t-chikan");
        assertThatThrownBy(() -> issues.accept(issue.id(), null, null, null, null, null)).isInstanceOf(AccessDeniedException.class);
        as("t-transport");
        Issue accepted = issues.accept(issue.id(), null, null, null, null, "受理");
        assertThat(accepted.dueOn()).isAfter(accepted.acceptedOn());
        assertThatThrownBy(() -> issues.start(issue.id(), null)).isInstanceOf(ConflictException.class);
        issues.assign(issue.id(), "chikan", null);
        as("t-chikan");
        issues.start(issue.id(), "已安排");
        assertThatThrownBy(() -> issues.rectify(issue.id(), "修好了", List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("roads.error.photo-required"));
        List<PhotoUpload> notAPhoto = List.of(new PhotoUpload("after.jpg", 4, new ByteArrayResource("%PDF".getBytes())));
        assertThatThrownBy(() -> issues.rectify(issue.id(), "修好了", notAPhoto)).isInstanceOf(InvalidInputException.class);
        issues.rectify(issue.id(), "修好了", photo());
        assertThatThrownBy(() -> issues.verify(issue.id(), null)).isInstanceOf(AccessDeniedException.class);
        as("t-transport");
        assertThatThrownBy(() -> issues.rework(issue.id(), "")).isInstanceOf(InvalidInputException.class);
        assertThat(issues.rework(issue.id(), "修补面积不足").status()).isEqualTo(IssueStatus.IN_PROGRESS);
        as("t-chikan");
        issues.rectify(issue.id(), "重新修补", photo());
        as("t-transport");
        issues.verify(issue.id(), "验收合格");
        Issue closed = issues.close(issue.id(), null);
        assertThat(closed.status()).isEqualTo(IssueStatus.CLOSED);
        assertThat(closed.closedOn()).isNotNull();
        assertThat(issues.events(issue.id())).extracting(RoadIssues.Event::to).containsExactly(IssueStatus.REPORTED,
                IssueStatus.ACCEPTED, IssueStatus.ASSIGNED, IssueStatus.IN_PROGRESS, IssueStatus.RECTIFIED,
                IssueStatus.IN_PROGRESS, IssueStatus.RECTIFIED, IssueStatus.VERIFIED, IssueStatus.CLOSED);
        assertThat(issues.photos(issue.id(), true)).hasSize(2);
        assertThatThrownBy(() -> issues.close(issue.id(), null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void a_report_may_be_rejected_with_a_reason_or_marked_a_duplicate() {
        World w = world();
        Issue first = reported(w);
        Issue second = reported(w);
        as("t-transport");
        assertThatThrownBy(() -> issues.reject(first.id(), " ")).isInstanceOf(InvalidInputException.class);
        assertThat(issues.reject(first.id(), "不属于农村公路").status()).isEqualTo(IssueStatus.REJECTED);
        assertThat(issues.duplicate(second.id(), first.id(), null).duplicateOf()).isEqualTo(first.id());
        assertThatThrownBy(() -> issues.accept(second.id(), null, null, null, null, null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void a_chief_reports_only_on_their_own_roads_and_sees_only_their_defects() {
        World w = world();
        Issue mine = reported(w);
        as("t-other-chief");
        assertThatThrownBy(() -> issues.issue(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(issues.issues(null)).extracting(Issue::id).doesNotContain(mine.id());
        as("t-chief");
        assertThatThrownBy(() -> issues.report(new NewIssue(null, Category.OTHER, Severity.MINOR, w.second().id(), null, null,
                null, "别人的路段", null), List.of(), false)).isInstanceOf(AccessDeniedException.class);
        assertThat(register.visibleSegments()).extracting(Segment::id).containsExactly(w.first().id());
    }

    @Test
    void an_overdue_defect_is_escalated_to_the_next_chief_up_and_reported_once_then_cleared_on_closure() {
        World w = world();
        Issue issue = reported(w);
        as("t-transport");
        issues.accept(issue.id(), null, null, Severity.URGENT, null, null);
        issues.assign(issue.id(), "chikan", null);
        Issue accepted = issues.issue(issue.id());
        LocalDate late = accepted.dueOn().plusDays(1);
        issues.sweep(accepted.dueOn());
        assertThat(overdue(issue)).isEmpty();
        issues.sweep(late);
        issues.sweep(late.plusDays(1));
        issues.sweep(late.plusDays(7));
        assertThat(overdue(issue)).singleElement().satisfies(o -> {
            assertThat(o.ledger()).isEqualTo("roads");
            assertThat(o.unitCode()).isEqualTo("chikan");
            assertThat(o.due()).isEqualTo(accepted.dueOn());
            assertThat(o.link()).isEqualTo("/roads/issues/" + issue.id());
        });
        Issue escalated = issues.issue(issue.id());
        assertThat(escalated.escalatedChiefId()).isEqualTo(w.township().id());
        assertThat(escalated.escalationLevel()).isEqualTo(1);
        assertThat(events.stream(LedgerItemCleared.class)).noneMatch(c -> c.itemKey().equals(issue.key()));
        as("t-chikan");
        issues.start(issue.id(), null);
        issues.rectify(issue.id(), null, photo());
        as("t-transport");
        issues.verify(issue.id(), null);
        issues.close(issue.id(), null);
        assertThat(events.stream(LedgerItemCleared.class).filter(c -> c.itemKey().equals(issue.key()))).hasSize(1);
    }

    private List<LedgerItemOverdue> overdue(Issue issue) {
        return events.stream(LedgerItemOverdue.class).filter(o -> o.itemKey().equals(issue.key())).toList();
    }

    @Test
    void a_public_report_needs_a_photo_and_a_position_and_waits_for_the_office() {
        assertThatThrownBy(() -> issues.reportPublic(Category.OTHER, "路面塌陷", new BigDecimal("22.3"), new BigDecimal("112.5"),
                null, List.of())).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(InvalidInputException.Violation::messageKey)
                                .contains("roads.error.photo-required"));
        assertThatThrownBy(() -> issues.reportPublic(Category.OTHER, "路面塌陷", null, null, null, photo()))
                .isInstanceOf(InvalidInputException.class);
        Issue issue = issues.reportPublic(Category.OTHER, "路面塌陷", new BigDecimal("22.3"), new BigDecimal("112.5"), "138", photo());
        assertThat(issue.status()).isEqualTo(IssueStatus.REPORTED);
        assertThat(issue.source()).isEqualTo(RoadIssues.Source.PUBLIC);
        assertThat(issue.segmentId()).isNull();
        World w = world();
        Issue accepted = issues.accept(issue.id(), w.first().id(), new BigDecimal("0.7"), null, null, null);
        assertThat(accepted.townCode()).isEqualTo("chikan");
    }

    @Test
    void a_patrol_records_a_track_and_its_length_and_compliance_counts_patrols_against_the_plan() {
        World w = world();
        as("t-chief");
        Patrols.Patrol p = patrols.start();
        assertThat(patrols.start().id()).isEqualTo(p.id());
        java.time.Instant t = java.time.Instant.now();
        patrols.track(p.id(), List.of(new Patrols.Point(t, new BigDecimal("22.370000"), new BigDecimal("112.560000"), null),
                new Patrols.Point(t.plusSeconds(60), new BigDecimal("22.379000"), new BigDecimal("112.560000"), BigDecimal.TEN)));
        Patrols.Patrol after = patrols.track(p.id(), List.of(
                new Patrols.Point(t.plusSeconds(120), new BigDecimal("22.388000"), new BigDecimal("112.560000"), null)));
        assertThat(after.points()).isEqualTo(3);
        assertThat(after.distanceM().doubleValue()).isBetween(1990.0, 2010.0);
        as("t-other-chief");
        assertThatThrownBy(() -> patrols.track(p.id(), List.of())).isInstanceOf(AccessDeniedException.class);
        as("t-chief");
        LocalDate today = LocalDate.now();
        assertThat(compliance(w, today).done()).isZero();
        patrols.end(p.id(), null);
        Patrols.Compliance c = compliance(w, today);
        assertThat(c.period()).isEqualTo(RoadPolicies.Period.WEEK);
        assertThat(c.required()).isEqualTo(1);
        assertThat(c.done()).isEqualTo(1);
        assertThat(c.compliant()).isTrue();
        assertThat(compliance(w, today.minusWeeks(1)).compliant()).isFalse();
    }

    private Patrols.Compliance compliance(World w, LocalDate day) {
        return patrols.compliance(day).stream().filter(c -> c.chief().id() == w.village().id()).findFirst().orElseThrow();
    }

    @Test
    void mqi_follows_the_jtg_weights_and_grades_have_their_exact_floors() {
        LocalDate on = LocalDate.of(2024, 12, 31);
        RoadConditions.Result r = conditions.evaluate(new RoadConditions.Indices(new BigDecimal("90"), new BigDecimal("80"),
                null, new BigDecimal("95"), new BigDecimal("85"), new BigDecimal("70")), on);
        assertThat(r.pqi()).isEqualByComparingTo("86.00");              // 0.6 × 90 + 0.4 × 80
        assertThat(r.mqi()).isEqualByComparingTo("85.00");              // 0.08 × 95 + 0.70 × 86 + 0.12 × 85 + 0.10 × 70
        assertThat(r.grade()).isEqualTo(Grade.GOOD);
        assertThat(conditions.grade(new BigDecimal("89.99"), on)).isEqualTo(Grade.GOOD);
        assertThat(conditions.grade(new BigDecimal("90"), on)).isEqualTo(Grade.EXCELLENT);
        assertThat(conditions.grade(new BigDecimal("80"), on)).isEqualTo(Grade.GOOD);
        assertThat(conditions.grade(new BigDecimal("79.99"), on)).isEqualTo(Grade.FAIR);
        assertThat(conditions.grade(new BigDecimal("70"), on)).isEqualTo(Grade.FAIR);
        assertThat(conditions.grade(new BigDecimal("69.99"), on)).isEqualTo(Grade.POOR);
        assertThat(conditions.grade(new BigDecimal("60"), on)).isEqualTo(Grade.POOR);
        assertThat(conditions.grade(new BigDecimal("59.99"), on)).isEqualTo(Grade.BAD);
    }

    @Test
    void the_good_fair_rate_is_by_length_not_by_count() {
        as("t-transport");
        register.createRoute(new NewRoute("Y902", "测试乡道", null), false);
        Segment s = register.addSegment("Y902", seg("0", "4", "xiangang"), false);
        BigDecimal good = new BigDecimal("95");
        BigDecimal bad = new BigDecimal("40");
        int year = 2019;
        conditions.record(List.of(
                new RoadConditions.NewAssessment(year, s.id(), new BigDecimal("0"), new BigDecimal("3"), good, good, null, good, good, good, null),
                new RoadConditions.NewAssessment(year, s.id(), new BigDecimal("3"), new BigDecimal("3.5"), bad, bad, null, bad, bad, bad, null),
                new RoadConditions.NewAssessment(year, s.id(), new BigDecimal("3.5"), new BigDecimal("4"), bad, bad, null, bad, bad, bad, null)),
                false);
        // one of three units is good, but 3 of 4 km: 75 %, not 33.33 %
        assertThat(conditions.goodFairRate(year).get("xiangang")).isEqualByComparingTo("75.00");
        assertThatThrownBy(() -> conditions.record(List.of(new RoadConditions.NewAssessment(year, s.id(), BigDecimal.ZERO,
                BigDecimal.ONE, new BigDecimal("101"), good, null, good, good, good, null)), false))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_demonstration_road_opens_only_with_every_criterion_met_and_the_figures_follow() {
        as("t-transport");
        DemoRoads.DemoRoad road = demoRoads.create(new DemoRoads.DemoRoadData("测试示范路", null, "dasha", new BigDecimal("3.2"),
                null, List.of(new DemoRoads.Criterion(1, "路面整洁", false), new DemoRoads.Criterion(2, "标志标线齐全", false)),
                null, null), false);
        assertThatThrownBy(() -> demoRoads.status(road.id(), DemoRoads.Status.OPEN, null)).isInstanceOf(ConflictException.class);
        demoRoads.check(road.id(), 1, true);
        demoRoads.check(road.id(), 2, true);
        demoRoads.status(road.id(), DemoRoads.Status.OPEN, LocalDate.now());
        indicators.publish(LocalDate.now());
        assertThat(events.stream(IndicatorObserved.class).filter(o -> o.indicatorCode().equals(RoadIndicators.DEMO_ROADS_OPEN)
                && "dasha".equals(o.unitCode()))).singleElement().satisfies(o -> assertThat(o.value()).isEqualByComparingTo("1"));
        long before = events.stream(IndicatorObserved.class).count();
        indicators.publish(LocalDate.now());
        assertThat(events.stream(IndicatorObserved.class).count()).as("unchanged figures are not published again").isEqualTo(before);
    }
}
