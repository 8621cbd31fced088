package org.gongjian.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.programme.IndicatorObserved;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LedgerItemCleared;
import org.gongjian.shared.LedgerItemOverdue;
import org.gongjian.shared.NotFoundException;
import org.gongjian.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pairing ledger's rules, on H2 and on PostgreSQL: pairings one to one, screening, the push to the paired
 * consortium, the SLA clocks on working days across the National Day holidays, bank staff's scope, decisions and
 * disbursements within the approved amount, withdrawals, and the figures fed to the targets.
 */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
@RecordApplicationEvents
@Import(FinanceContract.Clocks.class)
abstract class FinanceContract {

    /** Tuesday 30 September 2025, the last working day before the National Day holidays (1–8 October). */
    static final LocalDateTime EVE_OF_HOLIDAYS = LocalDateTime.of(2025, 9, 30, 9, 0);

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock financeClock() {
            return new MutableClock(EVE_OF_HOLIDAYS);
        }
    }

    @Autowired MutableClock clock;
    @Autowired Pairings pairings;
    @Autowired Subjects subjects;
    @Autowired Needs needs;
    @Autowired Loans loans;
    @Autowired FinanceIndicators indicators;
    @Autowired ConsortiumReports reports;
    @Autowired Outreach outreach;
    @Autowired FinanceAccess access;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    FinanceFixture fixture;
    FinanceFixture.World world;
    static int counter;

    @BeforeEach
    void world() {
        clock.set(EVE_OF_HOLIDAYS);
        fixture = new FinanceFixture(pairings, subjects, accounts, organisation, users, access);
        world = fixture.world(String.format("%08d", ++counter));
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    String tag() {
        return String.format("%08d", counter);
    }

    /** A need of the 赤坎 subject, declared, screened and pushed today by the town's clerk. */
    Needs.Need pushed(String amount) {
        fixture.as("t-chikan-" + tag());
        Needs.Need n = needs.declare(FinanceFixture.need(world.chikanFirm().id(), amount, clock().minusDays(3)), false);
        n = needs.screen(n.id(), FinanceFixture.ALL_MET, n.version());
        return needs.push(n.id(), n.version());
    }

    LocalDate clock() {
        return LocalDate.now(clock);
    }

    @Test
    void a_town_is_paired_with_one_consortium_at_a_time() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        assertThatThrownBy(() -> pairings.pair(new Pairings.NewConsortium("测试重复银团" + tag(), world.bankA().id(),
                List.of(), "chikan", from, from, null, List.of()), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::messageKey).containsExactly("finance.error.town-already-paired"));
        assertThat(pairings.consortium(world.chikan().id()).memberIds()).containsExactly(world.bankA().id(), world.bankB().id());
    }

    @Test
    void a_need_that_fails_one_of_the_five_criteria_is_not_recommended() {
        fixture.as("t-chikan-" + tag());
        Needs.Need n = needs.declare(FinanceFixture.need(world.chikanFirm().id(), "500000", clock()), false);
        Needs.Need screened = needs.screen(n.id(), new Needs.Criteria(true, true, true, false, true), n.version());
        assertThat(screened.status()).isEqualTo(NeedStatus.NOT_ELIGIBLE);
        assertThat(screened.criteria().unmet()).containsExactly("credit");
        assertThatThrownBy(() -> needs.push(n.id(), screened.version())).isInstanceOf(ConflictException.class);
        Needs.Need again = needs.screen(n.id(), FinanceFixture.ALL_MET, screened.version());
        assertThat(again.status()).isEqualTo(NeedStatus.RECOMMENDED);
        assertThat(again.recommendedOn()).isEqualTo(clock());
    }

    @Test
    void a_town_clerk_keeps_only_their_own_towns_needs() {
        fixture.as("t-baihe-" + tag());
        assertThatThrownBy(() -> needs.declare(FinanceFixture.need(world.chikanFirm().id(), "500000", clock()), false))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_pushed_need_goes_to_the_towns_consortium_and_its_clocks_count_working_days_across_the_holidays() {
        Needs.Need n = pushed("800000");
        assertThat(n.status()).isEqualTo(NeedStatus.PUSHED);
        assertThat(n.consortiumId()).isEqualTo(world.chikan().id());
        // 3 working days after Tuesday 30 September: 1–8 October are holidays, so 9, 10 and Saturday 11 October
        // (a make-up working day)
        assertThat(n.contactDue()).isEqualTo(LocalDate.of(2025, 10, 11));
        // 15 working days: 9–11 October, 13–17, 20–24, 27 and 28 October
        assertThat(n.decisionDue()).isEqualTo(LocalDate.of(2025, 10, 28));
        assertThat(needs.clocks(n, LocalDate.of(2025, 10, 9))).extracting(Needs.SlaClock::state)
                .containsExactly(Needs.ClockState.RUNNING, Needs.ClockState.RUNNING);
        assertThat(needs.clocks(n, LocalDate.of(2025, 10, 10))).extracting(Needs.SlaClock::state)
                .containsExactly(Needs.ClockState.WARNING, Needs.ClockState.RUNNING);
        assertThat(needs.clocks(n, LocalDate.of(2025, 10, 13))).extracting(Needs.SlaClock::state)
                .containsExactly(Needs.ClockState.OVERDUE, Needs.ClockState.RUNNING);
    }

    @Test
    void an_overdue_clock_is_reported_once_and_cleared_when_the_bank_makes_contact() {
        Needs.Need n = pushed("800000");
        SecurityContextHolder.clearContext();
        assertThat(needs.sweep(LocalDate.of(2025, 10, 11))).isZero();
        assertThat(needs.sweep(LocalDate.of(2025, 10, 13))).isEqualTo(1);
        assertThat(needs.sweep(LocalDate.of(2025, 10, 14))).isZero();
        List<LedgerItemOverdue> overdue = events.stream(LedgerItemOverdue.class)
                .filter(e -> e.itemKey().equals(n.key("contact"))).toList();
        assertThat(overdue).singleElement().satisfies(e -> {
            assertThat(e.unitCode()).isEqualTo("chikan");
            assertThat(e.due()).isEqualTo(LocalDate.of(2025, 10, 11));
            assertThat(e.link()).isEqualTo("/finance/needs/" + n.id());
        });
        clock.set(LocalDateTime.of(2025, 10, 14, 10, 0));
        fixture.as("t-bank-a-" + tag());
        Needs.Need contacted = needs.contact(n.id(), null, needs.need(n.id()).version());
        assertThat(contacted.status()).isEqualTo(NeedStatus.CONTACTED);
        assertThat(events.stream(LedgerItemCleared.class).filter(e -> e.itemKey().equals(n.key("contact"))))
                .singleElement().satisfies(e -> assertThat(e.on()).isEqualTo(LocalDate.of(2025, 10, 14)));
        assertThat(needs.clocks(needs.need(n.id()), LocalDate.of(2025, 10, 14)).get(0).state())
                .isEqualTo(Needs.ClockState.MET_LATE);
    }

    @Test
    void bank_staff_see_only_the_needs_pushed_to_their_consortium_and_the_subjects_behind_them() {
        Needs.Need mine = pushed("800000");
        fixture.as("t-baihe-" + tag());
        Needs.Need theirs = needs.declare(FinanceFixture.need(world.baiheFirm().id(), "300000", clock()), false);
        theirs = needs.push(theirs.id(), needs.screen(theirs.id(), FinanceFixture.ALL_MET, theirs.version()).version());
        fixture.as("t-chikan-" + tag());
        Needs.Need notPushed = needs.declare(FinanceFixture.need(world.chikanFirm().id(), "200000", clock()), false);

        fixture.as("t-bank-a-" + tag());
        assertThat(needs.list(null, null, Pageable.unpaged()).getContent()).extracting(Needs.Need::id)
                .containsExactly(mine.id());
        long forged = theirs.id();
        assertThatThrownBy(() -> needs.need(forged)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> needs.need(notPushed.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> loans.decide(forged, FinanceFixture.approve(world.bankB().id(), "100000", clock()), 0, false))
                .isInstanceOf(NotFoundException.class);
        assertThat(subjects.list(null, Pageable.unpaged()).getContent()).extracting(Subjects.Subject::id)
                .containsExactly(world.chikanFirm().id());
        assertThatThrownBy(() -> subjects.subject(world.baiheFirm().id())).isInstanceOf(NotFoundException.class);
        assertThat(subjects.visits(world.chikanFirm().id())).isEmpty();
    }

    @Test
    void only_a_member_bank_decides_and_a_decline_needs_its_reason() {
        Needs.Need n = pushed("800000");
        SecurityContextHolder.clearContext();
        long outsider = pairings.addInstitution(new Pairings.NewInstitution(FinanceFixture.uscc("E" + tag()), "测试银行丙" + tag(),
                "sanbu", Pairings.InstitutionKind.BANK, null), false).id();
        fixture.as("t-bank-a-" + tag());
        assertThatThrownBy(() -> loans.decide(n.id(), FinanceFixture.approve(outsider, "100000", clock()), n.version(), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field).containsExactly("institutionId"));
        Loans.NewDecision noReason = new Loans.NewDecision(Loans.Outcome.DECLINED, world.bankB().id(), null, null, null,
                null, null, " ", clock());
        assertThatThrownBy(() -> loans.decide(n.id(), noReason, n.version(), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field).containsExactly("declineReason"));
        Loans.Decision declined = loans.decide(n.id(), new Loans.NewDecision(Loans.Outcome.DECLINED, world.bankB().id(),
                null, null, null, null, null, "经营现金流不足", clock()), n.version(), false);
        assertThat(declined.outcome()).isEqualTo(Loans.Outcome.DECLINED);
        assertThat(needs.need(n.id()).status()).isEqualTo(NeedStatus.DECLINED);
    }

    @Test
    void a_disbursement_beyond_the_approved_amount_is_refused_and_nothing_is_written() {
        Needs.Need n = pushed("800000");
        fixture.as("t-bank-a-" + tag());
        loans.decide(n.id(), FinanceFixture.approve(world.bankA().id(), "500000", clock()), n.version(), false);
        loans.disburse(n.id(), new Loans.NewDisbursement(new BigDecimal("300000"), clock(), null), false);
        assertThatThrownBy(() -> loans.disburse(n.id(), new Loans.NewDisbursement(new BigDecimal("200000.01"), clock(), null),
                false)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.messageKey()).isEqualTo("finance.error.over-approved");
                        assertThat(v.args()).containsExactly("20.000001", "20");
                    });
                });
        assertThat(loans.disbursements(n.id())).extracting(Loans.Disbursement::amount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("300000"));
        assertThat(loans.decision(n.id()).orElseThrow().disbursed()).isEqualByComparingTo("300000");
        loans.disburse(n.id(), new Loans.NewDisbursement(new BigDecimal("200000"), clock(), null), false);
        assertThat(loans.decision(n.id()).orElseThrow().remaining()).isEqualByComparingTo("0");
        assertThat(needs.need(n.id()).status()).isEqualTo(NeedStatus.DISBURSED);
    }

    @Test
    void a_withdrawal_needs_its_reason_and_stops_the_clocks() {
        Needs.Need n = pushed("800000");
        assertThatThrownBy(() -> needs.withdraw(n.id(), "", n.version())).isInstanceOf(InvalidInputException.class);
        Needs.Need withdrawn = needs.withdraw(n.id(), "企业已通过其他渠道解决", n.version());
        assertThat(withdrawn.status()).isEqualTo(NeedStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawReason()).isEqualTo("企业已通过其他渠道解决");
        assertThat(needs.clocks(withdrawn, LocalDate.of(2025, 11, 3))).extracting(Needs.SlaClock::state)
                .containsExactly(Needs.ClockState.MET, Needs.ClockState.MET);
        SecurityContextHolder.clearContext();
        assertThat(needs.sweep(LocalDate.of(2025, 11, 3))).isZero();
    }

    @Test
    void the_figures_follow_credit_and_loans_per_town_and_city_wide_and_an_unchanged_figure_is_not_published_again() {
        BigDecimal cityBefore = figure(FinanceIndicators.CREDIT_GRANTED, "");
        BigDecimal chikanBefore = figure(FinanceIndicators.CREDIT_GRANTED, "chikan");
        Needs.Need n = pushed("800000");
        clock.set(LocalDateTime.of(2025, 10, 15, 9, 0));
        fixture.as("t-bank-a-" + tag());
        loans.decide(n.id(), FinanceFixture.approve(world.bankA().id(), "600000", LocalDate.of(2025, 10, 15)), n.version(), false);
        loans.disburse(n.id(), new Loans.NewDisbursement(new BigDecimal("250000"), LocalDate.of(2025, 10, 15), null), false);
        SecurityContextHolder.clearContext();
        LocalDate day = LocalDate.of(2025, 10, 15);
        assertThat(figure(FinanceIndicators.CREDIT_GRANTED, "chikan")).isEqualByComparingTo(chikanBefore.add(new BigDecimal("600000")));
        assertThat(figure(FinanceIndicators.CREDIT_GRANTED, "")).isEqualByComparingTo(cityBefore.add(new BigDecimal("600000")));
        indicators.publish(day);
        assertThat(events.stream(IndicatorObserved.class).filter(e -> e.indicatorCode().equals(FinanceIndicators.CREDIT_GRANTED)
                && "chikan".equals(e.unitCode()) && e.asOf().equals(day)))
                .singleElement().satisfies(e -> assertThat(e.value()).isEqualByComparingTo(chikanBefore.add(new BigDecimal("600000"))));
        long before = events.stream(IndicatorObserved.class).count();
        indicators.publish(day);
        assertThat(events.stream(IndicatorObserved.class).count()).isEqualTo(before);
    }

    BigDecimal figure(String indicator, String unit) {
        LocalDate day = LocalDate.now(clock);
        return indicators.figures(day).stream().filter(f -> f.indicator().equals(indicator) && f.unit().equals(unit))
                .map(FinanceIndicators.Figure::value).findFirst().orElse(BigDecimal.ZERO);
    }

    @Test
    void a_monthly_report_counts_the_ledger_and_moves_from_draft_to_published() {
        Needs.Need n = pushed("800000");
        fixture.as("t-bank-a-" + tag());
        loans.decide(n.id(), FinanceFixture.approve(world.bankA().id(), "600000", clock()), n.version(), false);
        ConsortiumReports.Report draft = reports.draft(world.chikan().id(), "2025-09", null, null, false);
        assertThat(draft.recommended()).isEqualTo(1);
        assertThat(draft.approvedAmount()).isEqualByComparingTo("600000");
        assertThatThrownBy(() -> reports.draft(world.baihe().id(), "2025-09", null, null, false))
                .isInstanceOf(AccessDeniedException.class);
        ConsortiumReports.Report submitted = reports.advance(draft.id(), ConsortiumReports.ReportStatus.SUBMITTED, draft.version());
        assertThatThrownBy(() -> reports.advance(draft.id(), ConsortiumReports.ReportStatus.REVIEWED, submitted.version()))
                .isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        ConsortiumReports.Report reviewed = reports.advance(draft.id(), ConsortiumReports.ReportStatus.REVIEWED, submitted.version());
        ConsortiumReports.Report published = reports.advance(draft.id(), ConsortiumReports.ReportStatus.PUBLISHED, reviewed.version());
        assertThat(published.status()).isEqualTo(ConsortiumReports.ReportStatus.PUBLISHED);
        assertThat(reports.league(clock()).stream().filter(s -> s.consortiumId() == world.chikan().id()))
                .singleElement().satisfies(s -> {
                    assertThat(s.creditGranted()).isEqualByComparingTo("600000");
                    assertThat(s.needsServed()).isEqualTo(1);
                });
    }

    @Test
    void an_outreach_event_names_the_consortia_present_and_refuses_negative_counts() {
        fixture.as("t-chikan-" + tag());
        Outreach.NewEvent noConsortium = new Outreach.NewEvent(Outreach.EventKind.MARKET_DAY, "服务百千万、金融来趁圩" + tag(),
                clock(), "chikan", -5, 3, 1, new BigDecimal("500000"), List.of());
        assertThatThrownBy(() -> outreach.record(noConsortium, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field).containsExactly("attendees", "consortiumIds"));
        Outreach.Event event = outreach.record(new Outreach.NewEvent(Outreach.EventKind.MARKET_DAY,
                "服务百千万、金融来趁圩" + tag(), clock(), "chikan", 120, 3, 1, new BigDecimal("500000"),
                List.of(world.chikan().id(), world.baihe().id())), false);
        assertThat(outreach.events("chikan")).filteredOn(e -> e.id() == event.id()).singleElement()
                .satisfies(e -> assertThat(e.consortiumIds()).containsExactlyInAnyOrder(world.chikan().id(), world.baihe().id()));
        fixture.as("t-baihe-" + tag());
        assertThatThrownBy(() -> outreach.record(new Outreach.NewEvent(Outreach.EventKind.MATCHMAKING, "政银企对接会" + tag(),
                clock(), "chikan", 50, 0, 0, null, List.of(world.chikan().id())), false))
                .isInstanceOf(AccessDeniedException.class);
    }
}
