package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.LedgerItemCleared;
import org.gongjian.shared.LedgerItemOverdue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 11 §3: notices reach the responsible town once, copied to the lead unit, list their items and close
 * themselves when the cause clears. Its own database (the sweeps here close what other tests count).
 */
@SpringBootTest(properties = "gongjian.test.context=notice-routing")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles("test")
class NoticeRoutingTests {

    static final String CODE = "kaiping-2024";

    @Autowired NoticeSweep sweep;
    @Autowired NoticeManagement notices;
    @Autowired JdbcClient jdbc;
    @Autowired Organisation organisation;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired org.gongjian.organisation.Accounts accounts;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService details;

    long unit(String code) {
        return organisation.unit(code).id();
    }

    @Test
    void a_towns_figure_goes_to_the_town_copied_to_the_lead_unit_and_each_unit_gets_one_combined_notice_per_sweep() {
        LocalDate day = LocalDate.of(2025, 1, 10);
        long before = jdbc.sql("select coalesce(max(id), 0) from supervision_notice").query(Long.class).single();
        sweep.sweep(CODE, day);

        // one notice per unit raised by that sweep, however many items it lists
        List<Map<String, Object>> perUnit = jdbc.sql("""
                select unit_id, count(*) as n from supervision_notice where id > :before and raised_by = 'system'
                 group by unit_id""").param("before", before).query().listOfRows();
        assertThat(perUnit).allSatisfy(r -> assertThat(((Number) r.get("n")).longValue()).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from supervision_notice_item i join supervision_notice n on n.id = i.notice_id where n.raised_on = :d")
                .param("d", day).query(Long.class).single())
                .as("a combined notice lists several items").isGreaterThan(jdbc.sql(
                        "select count(*) from supervision_notice where raised_on = :d and raised_by = 'system'").param("d", day)
                        .query(Long.class).single());

        // 金鸡镇's GEP targets (scope unit 金鸡镇, led by the natural resources bureau) go to 金鸡镇
        long jinji = unit("jinji");
        long lead = unit("natural-resources");
        List<Long> gepNotices = jdbc.sql("""
                select distinct i.notice_id from supervision_notice_item i join programme_target t on t.id = i.target_id
                 where t.code like 'gep.jinji-%'""").query(Long.class).list();
        assertThat(gepNotices).hasSize(1);
        NoticeView notice = load(gepNotices.get(0));
        assertThat(notice.unitId()).isEqualTo(jinji);
        assertThat(notice.copyUnitIds()).contains(lead);
        assertThat(notice.items()).filteredOn(i -> i.targetId() != null).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(i -> assertThat(i.link()).startsWith("/supervision/programmes/kaiping-2024/targets/gep.jinji-"));
        // the transport bureau does not get the towns' figures as its own notices
        assertThat(jdbc.sql("""
                select count(*) from supervision_notice_item i join programme_target t on t.id = i.target_id
                  join supervision_notice n on n.id = i.notice_id
                 where t.scope_unit_id is not null and n.unit_id <> t.scope_unit_id""").query(Long.class).single()).isZero();
    }

    @Test
    void a_notice_whose_targets_are_now_achieved_is_closed_by_the_next_sweep_with_the_reason_and_never_says_lagging() {
        // early 2025 the GEP figures had not come in: 金鸡镇 was urged about its three GEP targets
        sweep.sweep(CODE, LocalDate.of(2025, 1, 10));
        long jinji = unit("jinji");
        Long id = jdbc.sql("""
                select distinct i.notice_id from supervision_notice_item i join programme_target t on t.id = i.target_id
                 where t.code = 'gep.jinji-total'""").query(Long.class).optional().orElseThrow();
        assertThat(load(id).items()).anyMatch(i -> i.title().contains("金鸡镇森林GEP核算总值") && i.title().contains("尚未填报"));

        // the published GEP account (2024-08-23) reports 104–115 %: the programme, judged at its end, shows 已完成
        NoticeSweep.Result next = sweep.sweep(CODE, LocalDate.now());
        NoticeView closed = load(id);
        assertThat(closed.items()).filteredOn(i -> i.title().contains("金鸡镇"))
                .allSatisfy(i -> assertThat(i.clearedReason()).startsWith("指标已完成"));
        if (closed.items().stream().allMatch(i -> !i.open())) {
            assertThat(closed.state()).isEqualTo(NoticeState.CLOSED);
            assertThat(closed.closedReason()).contains("指标已完成");
            assertThat(closed.history()).extracting(NoticeView.HistoryEntry::action).contains(NoticeAction.RESOLVED);
            assertThat(next.closed()).isPositive();
        }
        // no report reminder for a period after the programme's end (2024-12-31)
        assertThat(jdbc.sql("select subject_key from supervision_notice_item where trigger_kind = 'REPORT_MISSING'")
                .query(String.class).list()).allSatisfy(s -> assertThat(s).matches(".*:2024-\\d\\d$"));
        // no open notice item says a target the engine holds as 已完成 is lagging or unreported
        assertThat(jdbc.sql("""
                select count(*) from supervision_notice_item i join programme_target t on t.id = i.target_id
                 where t.code like 'gep.jinji-%' and i.open_key is not null""").query(Long.class).single()).isZero();
        assertThat(notices.programmeNotices(CODE)).filteredOn(n -> n.unitId() == jinji && n.state().open())
                .noneMatch(n -> n.matter().contains("金鸡镇森林GEP") && (n.matter().contains("未填报") || n.title().contains("滞后")));
    }

    @Test
    void an_overdue_ledger_item_becomes_one_notice_for_its_unit_and_closes_when_the_ledger_clears_it() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        LedgerItemOverdue overdue = new LedgerItemOverdue("roads", "defect:42", "chikan", "赤坎镇X548线路面坑槽逾期未修复",
                LocalDate.of(2024, 11, 30), "/roads/defects/42");
        notices.ledgerItemOverdue(overdue);
        tx.executeWithoutResult(s -> events.publishEvent(overdue));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("ledger:roads:defect:42") == 1);
        tx.executeWithoutResult(s -> events.publishEvent(overdue));
        // published again while open: still one notice
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(count("ledger:roads:defect:42")).isEqualTo(1);
        long id = jdbc.sql("select notice_id from supervision_notice_item where subject_key = 'ledger:roads:defect:42'")
                .query(Long.class).single();
        NoticeView n = load(id);
        assertThat(n.unitId()).isEqualTo(unit("chikan"));
        assertThat(n.programmeCode()).isEqualTo(CODE);
        assertThat(n.trigger()).isEqualTo(NoticeTrigger.LEDGER_OVERDUE);
        assertThat(n.items()).singleElement().satisfies(i -> assertThat(i.link()).isEqualTo("/roads/defects/42"));

        tx.executeWithoutResult(s -> events.publishEvent(new LedgerItemCleared("roads", "defect:42",
                LocalDate.of(2024, 12, 5), "已修复并验收")));
        await().atMost(Duration.ofSeconds(20)).until(() -> load(id).state() == NoticeState.CLOSED);
        assertThat(load(id).closedReason()).contains("已修复并验收");
    }

    long count(String subject) {
        return jdbc.sql("select count(*) from supervision_notice_item where subject_key = :s").param("s", subject)
                .query(Long.class).single();
    }

    NoticeView load(long id) {
        return notices.programmeNotices(CODE).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    @Test
    void a_town_clerks_start_page_shows_the_towns_open_notices_with_their_numbers_first() throws Exception {
        sweep.sweep(CODE, LocalDate.of(2025, 1, 10));
        if (accounts.findByUsername("chishui-starter").isEmpty()) {
            accounts.create("chishui-starter", "赤水镇填报员", "staff-secret-1", unit("chishui"),
                    java.util.Set.of(org.gongjian.organisation.Role.UNIT_STAFF));
        }
        NoticeView open = notices.programmeNotices(CODE).stream().filter(n -> n.unitId() == unit("chishui") && n.state().open())
                .findFirst().orElseThrow();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
                        .header("Accept-Language", "zh-CN")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(details.loadUserByUsername("chishui-starter"))))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        int todo = page.indexOf("id=\"todo\"");
        assertThat(todo).isPositive();
        assertThat(page.indexOf(open.title())).isGreaterThan(todo);
        assertThat(page.indexOf(open.title())).isLessThan(page.indexOf("id=\"mine\""));
        assertThat(page).contains("/supervision/notices/" + open.id());
    }
}
