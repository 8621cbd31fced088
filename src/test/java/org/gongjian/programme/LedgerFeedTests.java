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
class LedgerFeedTests {

    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired TargetManagement targets;
    @Autowired ProgrammeManagement programmes;
    @Autowired JdbcClient jdbc;

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

    private boolean allDelivered() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class).single() == 0;
    }

    @Test
    void a_volunteer_count_from_the_ledger_feeds_the_volunteer_target_and_a_correction_supersedes_it() {
        observe("volunteers.registered", "2300", ON);
        await().atMost(Duration.ofSeconds(30)).until(() -> measurementsOf("volunteers.registered").size() == 1);
        Measurement first = measurementsOf("volunteers.registered").get(0);
        assertThat(first.source()).isEqualTo(MeasurementSource.LEDGER);
        assertThat(first.value()).isEqualByComparingTo("2300");
        assertThat(first.reporter()).isEqualTo("ledger:volunteers");

        observe("volunteers.registered", "2300", ON);
        await().atMost(Duration.ofSeconds(30)).until(this::allDelivered);
        assertThat(measurementsOf("volunteers.registered")).hasSize(1);

        observe("volunteers.registered", "2350", ON);
        await().atMost(Duration.ofSeconds(30)).until(() -> measurementsOf("volunteers.registered").size() == 2);
        List<Measurement> all = measurementsOf("volunteers.registered");
        assertThat(all.get(0).superseded()).isTrue();
        assertThat(all.get(1).supersedesId()).isEqualTo(first.id());
        assertThat(all.get(1).value()).isEqualByComparingTo("2350");
        assertThat(measurementsOf("volunteers.teams")).isEmpty();
    }

    @Test
    void an_implausible_ledger_figure_is_recorded_and_flagged_for_the_office_on_the_target_card() throws Exception {
        LocalDate today = LocalDate.now();
        Target pairs = targets.target(programmes.programme("kaiping-2024"), "finance.pairs");
        tx.executeWithoutResult(status -> events.publishEvent(new IndicatorObserved("finance.pairs-active", null,
                today.minusDays(1), new BigDecimal("16"), UnitOfMeasure.PIECES, "finance")));
        await().atMost(Duration.ofSeconds(30)).until(() -> on(pairs, today.minusDays(1)).isPresent());
        assertThat(on(pairs, today.minusDays(1)).orElseThrow().plausibility()).isNull();

        // 200 pairings the next day: more than ten times the last figure, yet the ledger is not refused
        tx.executeWithoutResult(status -> events.publishEvent(new IndicatorObserved("finance.pairs-active", null,
                today, new BigDecimal("200"), UnitOfMeasure.PIECES, "finance")));
        await().atMost(Duration.ofSeconds(30)).until(() -> on(pairs, today).isPresent());
        Measurement flagged = on(pairs, today).orElseThrow();
        assertThat(flagged.value()).isEqualByComparingTo("200");
        assertThat(flagged.plausibility()).isEqualTo(Plausibility.TENFOLD_RISE);
        assertThat(flagged.reason()).as("nobody confirmed it").isNull();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/programmes/kaiping-2024/initiatives/4")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(users.loadUserByUsername("admin"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("台账报送的最新数值200个（" + today + "）超过上一次（16个，"
                                + today.minusDays(1) + "）的10倍")));
    }

    private java.util.Optional<Measurement> on(Target target, LocalDate asOf) {
        return targets.measurements(target).stream().filter(m -> m.valid() && m.asOf().equals(asOf)
                && m.source() == MeasurementSource.LEDGER).findFirst();
    }
}
