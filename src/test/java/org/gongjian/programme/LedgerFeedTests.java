package org.gongjian.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.shared.UnitOfMeasure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** A ledger's observation becomes a LEDGER measurement of the targets bound to its indicator. */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles("test")
@org.springframework.test.annotation.DirtiesContext   // its committed programme would be one more (and the start page's) for the tests after it
class LedgerFeedTests {

    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired TargetManagement targets;
    @Autowired ProgrammeManagement programmes;
    @Autowired JdbcClient jdbc;
    @Autowired ProgrammeSnapshots snapshots;

    private static final LocalDate ON = LocalDate.of(2025, 3, 5);

    /** The target's figures as of the test's date (the volunteers ledger of this context publishes its own for today). */
    private List<Measurement> measurementsOf(String code) {
        return targets.measurements(targets.target(programmes.programme("kaiping-2024"), code)).stream()
                .filter(m -> m.asOf().equals(ON)).toList();
    }

    private void observe(String indicator, String value, LocalDate asOf) {
        tx.executeWithoutResult(status -> events.publishEvent(new IndicatorObserved(indicator, null, asOf,
                new BigDecimal(value), UnitOfMeasure.PERSONS, "volunteers")));
    }

    @Test
    void a_volunteer_count_from_the_ledger_feeds_the_volunteer_target_and_a_correction_supersedes_it() {
        observe("volunteers.registered", "2300", ON);
        await().atMost(Duration.ofSeconds(120)).until(() -> measurementsOf("volunteers.registered").size() == 1);
        Measurement first = measurementsOf("volunteers.registered").get(0);
        assertThat(first.source()).isEqualTo(MeasurementSource.LEDGER);
        assertThat(first.value()).isEqualByComparingTo("2300");
        assertThat(first.reporter()).isEqualTo("ledger:volunteers");

        observe("volunteers.registered", "2300", ON);
        await().atMost(Duration.ofSeconds(120)).until(() -> delivered(ON));
        assertThat(measurementsOf("volunteers.registered")).hasSize(1);

        observe("volunteers.registered", "2350", ON);
        await().atMost(Duration.ofSeconds(120)).until(() -> measurementsOf("volunteers.registered").size() == 2);
        List<Measurement> all = measurementsOf("volunteers.registered");
        assertThat(all.get(0).superseded()).isTrue();
        assertThat(all.get(1).supersedesId()).isEqualTo(first.id());
        assertThat(all.get(1).value()).isEqualByComparingTo("2350");
        assertThat(measurementsOf("volunteers.teams")).isEmpty();
    }

    /**
     * A ledger replaying its past (a demo's 2024 month-ends) gives the instant it knew each figure: the measurement is
     * recorded then, so a snapshot as of that day counts it; an instant still to come is recorded as now.
     */
    @Test
    void a_figure_the_ledger_knew_in_the_past_is_recorded_then_and_counts_for_that_days_snapshot() {
        LocalDate monthEnd = LocalDate.of(2025, 1, 31);
        java.time.Instant known = java.time.Instant.parse("2025-01-31T12:00:00Z");
        java.time.Instant later = java.time.Instant.now().plus(Duration.ofDays(30));
        tx.executeWithoutResult(status -> {
            events.publishEvent(new IndicatorObserved("volunteers.registered", null, monthEnd, new BigDecimal("2210"),
                    UnitOfMeasure.PERSONS, "volunteers", known));
            events.publishEvent(new IndicatorObserved("volunteers.captains", null, monthEnd, new BigDecimal("87"),
                    UnitOfMeasure.PERSONS, "volunteers", later));
        });
        Target registered = targets.target(programmes.programme("kaiping-2024"), "volunteers.registered");
        Target captains = targets.target(programmes.programme("kaiping-2024"), "volunteers.captains");
        await().atMost(Duration.ofSeconds(120)).until(() -> dated(registered, monthEnd).isPresent()
                && dated(captains, monthEnd).isPresent());
        assertThat(dated(registered, monthEnd).orElseThrow().recordedAt()).isEqualTo(known);
        assertThat(dated(captains, monthEnd).orElseThrow().recordedAt()).isBefore(later);
        assertThat(snapshots.snapshot("kaiping-2024", monthEnd).measurements())
                .anySatisfy(m -> {
                    assertThat(m.targetId()).isEqualTo(registered.id());
                    assertThat(m.value()).isEqualByComparingTo("2210");
                })
                .noneSatisfy(m -> assertThat(m.targetId()).isEqualTo(captains.id()));
    }

    private java.util.Optional<Measurement> dated(Target target, LocalDate day) {
        return targets.measurements(target).stream().filter(m -> m.asOf().equals(day) && !m.superseded()).findFirst();
    }

    /**
     * Two observations of one target and day arriving together (two ledgers' transactions committing at once): the
     * feed decides them in turn, so the day keeps one current figure — never two, never a failed delivery from
     * both superseding the same figure (a duplicate key on supersedes_id). Ten rounds, each on a day of its own,
     * the first observation of a round with no figure yet for the day, the next ones superseding one.
     */
    @Test
    void two_observations_of_the_same_target_and_day_arriving_together_leave_one_current_figure() throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                LocalDate day = LocalDate.of(2025, 4, 1).plusDays(round);
                for (int pair = 0; pair < 2; pair++) {
                    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                    int r = round;
                    int p = pair;
                    List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
                    for (String value : List.of("31" + r + p, "32" + r + p)) {
                        sent.add(two.submit(() -> {
                            together.await();
                            observe("volunteers.registered", value, day);
                            return null;
                        }));
                    }
                    for (var f : sent) {
                        f.get();
                    }
                    await().atMost(Duration.ofSeconds(60)).until(() -> delivered(day));
                    List<Measurement> current = targets.measurements(targets.target(
                            programmes.programme("kaiping-2024"), "volunteers.registered")).stream()
                            .filter(m -> m.asOf().equals(day) && !m.superseded()).toList();
                    assertThat(current).as("current figures of %s", day).hasSize(1);
                    assertThat(current.get(0).value().toPlainString()).isIn("31" + round + pair, "32" + round + pair);
                }
            }
        } finally {
            two.shutdownNow();
        }
    }

    /** Whether every publication of this test's observations of {@code day} was delivered (none failed). */
    private boolean delivered(LocalDate day) {
        return jdbc.sql("""
                select count(*) from event_publication
                 where completion_date is null and serialized_event like :day and serialized_event like '%volunteers.registered%'""")
                .param("day", "%" + day + "%").query(Long.class).single() == 0;
    }

    @Test
    void an_implausible_ledger_figure_is_recorded_and_flagged_for_the_office_on_the_target_card() throws Exception {
        LocalDate today = LocalDate.now();
        Target pairs = ownPairsTarget(today);
        tx.executeWithoutResult(status -> events.publishEvent(new IndicatorObserved("finance.pairs-active", null,
                today.minusDays(1), new BigDecimal("16"), UnitOfMeasure.PIECES, "finance")));
        await().atMost(Duration.ofSeconds(120)).until(() -> on(pairs, today.minusDays(1)).isPresent());
        assertThat(on(pairs, today.minusDays(1)).orElseThrow().plausibility()).isNull();

        // 200 pairings the next day: more than ten times the last figure, yet the ledger is not refused
        tx.executeWithoutResult(status -> events.publishEvent(new IndicatorObserved("finance.pairs-active", null,
                today, new BigDecimal("200"), UnitOfMeasure.PIECES, "finance")));
        await().atMost(Duration.ofSeconds(120)).until(() -> on(pairs, today).isPresent());
        Measurement flagged = on(pairs, today).orElseThrow();
        assertThat(flagged.value()).isEqualByComparingTo("200");
        assertThat(flagged.plausibility()).isEqualTo(Plausibility.TENFOLD_RISE);
        assertThat(flagged.reason()).as("nobody confirmed it").isNull();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/programmes/" + OWN + "/initiatives/1")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(users.loadUserByUsername("admin"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("台账报送的最新数值200个（" + today + "）超过上一次（16个，"
                                + today.minusDays(1) + "）的10倍")));
    }

    /**
     * A figure no target can take (dated tomorrow) is left out with its reason logged: nothing is recorded and the
     * delivery completes, instead of the refusal failing the listener's transaction.
     */
    @Test
    void a_ledger_figure_dated_tomorrow_is_left_out_and_its_delivery_completes() {
        LocalDate today = LocalDate.now();
        Target pairs = ownPairsTarget(today);
        LocalDate tomorrow = today.plusDays(1);
        tx.executeWithoutResult(status -> events.publishEvent(new IndicatorObserved("finance.pairs-active", null,
                tomorrow, new BigDecimal("17"), UnitOfMeasure.PIECES, "finance")));
        String sent = """
                select count(*) from event_publication where serialized_event like '%finance.pairs-active%'
                   and serialized_event like :day""";
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql(sent + " and completion_date is not null")
                .param("day", "%" + tomorrow + "%").query(Long.class).single() > 0);
        assertThat(jdbc.sql(sent + " and completion_date is null").param("day", "%" + tomorrow + "%")
                .query(Long.class).single()).as("deliveries left incomplete").isZero();
        assertThat(targets.measurements(pairs)).noneMatch(m -> m.asOf().equals(tomorrow));
    }

    private static final String OWN = "feed-plausibility";

    /**
     * A target of this test's own bound to {@code finance.pairs-active} (in a programme of its own), so that no
     * figure another test of the shared context reports on the demo's pairing target stands before this test's.
     */
    private Target ownPairsTarget(LocalDate today) {
        new OwnProgramme(OWN, today.getYear(), "台账存疑测试", "金融机构结对（测试）", today.minusDays(30), today.plusDays(365))
                .createOnce(programmes, users, () -> targets.create(OWN, 1, new TargetData("pairs", "结对银团",
                        UnitOfMeasure.PIECES, Direction.UP, BigDecimal.ZERO, today.minusDays(30), new BigDecimal("16"), null,
                        org.gongjian.shared.Qualifier.EXACT, today.plusDays(365), false, "finance.pairs-active", null, null,
                        List.of())));
        return targets.target(programmes.programme(OWN), "pairs");
    }

    private java.util.Optional<Measurement> on(Target target, LocalDate asOf) {
        return targets.measurements(target).stream().filter(m -> m.valid() && m.asOf().equals(asOf)
                && m.source() == MeasurementSource.LEDGER).findFirst();
    }
}
