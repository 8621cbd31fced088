package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import org.gongjian.organisation.Organisation;
import org.gongjian.programme.NewMeasurement;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.TargetManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The daily sweep over the Kaiping 2024 demo: run on dates in early 2025, when the 2024 work was due.
 * Tests share one database, so they count what they add.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NoticeSweepTests {

    static final String CODE = "kaiping-2024";

    @Autowired NoticeSweep sweep;
    @Autowired JdbcClient jdbc;
    @Autowired Organisation organisation;
    @Autowired ProgrammeManagement programmes;
    @Autowired TargetManagement targets;

    /**
     * The demo's ledgers publish their history (figures of 2024 among them) after a context starts; a sweep of a
     * 2025 day run meanwhile would judge a programme that is still changing, so the tests start once every
     * publication is delivered.
     */
    @BeforeEach
    void ledgersDelivered() {
        await().atMost(java.time.Duration.ofSeconds(120)).pollInterval(java.time.Duration.ofMillis(250)).until(() ->
                jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class)
                        .single() == 0);
    }

    /** The notices the sweep raises (the ledgers of this context raise their own overdue items meanwhile). */
    long notices() {
        return jdbc.sql("select count(*) from supervision_notice where programme_code = :p and trigger_kind <> 'LEDGER_OVERDUE'")
                .param("p", CODE).query(Long.class).single();
    }

    List<String> subjects(String trigger) {
        return jdbc.sql("select subject_key from supervision_notice where trigger_kind = :t order by subject_key")
                .param("t", trigger).query(String.class).list();
    }

    @Test
    void sweeping_twice_raises_nothing_twice_and_escalates_only_once_the_working_days_have_passed() {
        LocalDate day = LocalDate.of(2025, 1, 10);
        NoticeSweep.Result first = sweep.sweep(CODE, day);
        long afterFirst = notices();
        NoticeSweep.Result second = sweep.sweep(CODE, day);
        assertThat(second.raised()).isZero();
        assertThat(second.escalated()).isZero();
        assertThat(notices()).isEqualTo(afterFirst);
        assertThat(first.raised() + afterFirst).isPositive();

        // unanswered: 7 working days to answer, then 1 more before the chase (CNY 2025 starts on 01-28)
        long reminders = jdbc.sql("""
                select count(*) from supervision_notice where programme_code = :p and notice_level = 'REMINDER'
                   and state = 'ISSUED' and raised_on = :day""").param("p", CODE).param("day", day).query(Long.class).single();
        assertThat(reminders).isPositive();
        assertThat(sweep.sweep(CODE, LocalDate.of(2025, 1, 21)).escalated()).as("answer due 2025-01-21, not yet late").isZero();
        NoticeSweep.Result late = sweep.sweep(CODE, LocalDate.of(2025, 1, 22));
        assertThat(late.escalated()).isPositive();
        assertThat(sweep.sweep(CODE, LocalDate.of(2025, 1, 22)).escalated()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from supervision_notice_history h join supervision_notice n on n.id = h.notice_id
                 where n.raised_on = :day and h.action = 'ESCALATED' and h.from_level = 'REMINDER' and h.to_level = 'CHASE'""")
                .param("day", day).query(Long.class).single()).isEqualTo(reminders);
    }

    @Test
    void overdue_milestones_and_units_that_did_not_report_are_flagged_but_not_those_that_did() {
        sweep.sweep(CODE, LocalDate.of(2025, 1, 10));
        // 召开…动员会 was completed; “服务百千万、金融来趁圩” (due 2024-12-31) was not
        assertThat(jdbc.sql("""
                select count(*) from supervision_notice n where n.trigger_kind = 'MILESTONE_OVERDUE'
                   and n.title like '%金融来趁圩%' and n.notice_level = 'CHASE'""").query(Long.class).single()).isEqualTo(1);
        // December 2024: the finance office and the natural resources bureau had figures recorded on 31 December
        long finance = organisation.unit("finance-office").id();
        long socialWork = organisation.unit("social-work").id();
        assertThat(subjects("REPORT_MISSING")).contains("report:" + CODE + ":" + socialWork + ":2024-12")
                .doesNotContain("report:" + CODE + ":" + finance + ":2024-12");
    }

    @Test
    void a_figure_that_leaves_a_target_short_after_its_deadline_raises_an_urging_notice_at_once() {
        long socialWork = organisation.unit("social-work").id();
        targets.report(CODE, "volunteers.registered",
                new NewMeasurement(new java.math.BigDecimal("1200"), LocalDate.of(2025, 6, 30), "半年集结", null));
        // the notice lists the item (one notice per unit: several items may share it)
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select count(*) from supervision_notice_item i join supervision_notice n on n.id = i.notice_id
                 where i.trigger_kind = 'TARGET_OFF_TRACK' and n.unit_id = :u and i.matter like '%1200名%'""")
                .param("u", socialWork).query(Long.class).single() == 1);
        assertThat(jdbc.sql("""
                select n.notice_level from supervision_notice_item i join supervision_notice n on n.id = i.notice_id
                 where i.trigger_kind = 'TARGET_OFF_TRACK' and i.matter like '%1200名%'""")
                .query(String.class).single()).isEqualTo("CHASE");
        assertThat(jdbc.sql("select i.matter from supervision_notice_item i where i.trigger_kind = 'TARGET_OFF_TRACK' and i.matter like '%1200名%'")
                .query(String.class).single()).contains("1200名", "10000名", "已过完成时限");
    }
}
