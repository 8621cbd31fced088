package org.gongjian.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.notification.NotificationRequested;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.programme.IndicatorObserved;
import org.gongjian.shared.LedgerItemCleared;
import org.gongjian.shared.LedgerItemOverdue;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forms API as the office and the units use it, on H2 and PostgreSQL: the designer's rules, immutable
 * published versions, validation of returns, the review cycle, the feed to targets, chasing late returns
 * and the units' data scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(FormsApiContract.Events.class)
abstract class FormsApiContract {

    static final String API = "/api/v1/forms";

    /** Records what the forms ledger publishes. */
    @TestConfiguration
    static class Events {
        final List<Object> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void indicator(IndicatorObserved e) {
            seen.add(e);
        }

        @EventListener
        void overdue(LedgerItemOverdue e) {
            seen.add(e);
        }

        @EventListener
        void cleared(LedgerItemCleared e) {
            seen.add(e);
        }

        @EventListener
        void reportDue(org.gongjian.assessment.LedgerReportDue e) {
            seen.add(e);
        }

        @EventListener
        void notification(NotificationRequested e) {
            seen.add(e);
        }
    }

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Events events;
    @Autowired ReturnChase chase;
    @Autowired org.gongjian.assessment.internal.LedgerReportFacts ledgerReports;
    @Autowired WorkCalendar calendar;

    static RequestPostProcessor office() {
        return httpBasic("admin", "test-admin-secret");
    }

    static RequestPostProcessor as(String user) {
        return httpBasic(user, TestUsers.PASSWORD);
    }

    @BeforeEach
    void users() {
        TestUsers.ensure(accounts, organisation, "forms-chikan", "chikan", Role.UNIT_STAFF);
        TestUsers.ensure(accounts, organisation, "forms-chishui", "chishui", Role.UNIT_STAFF);
        TestUsers.ensure(accounts, organisation, "forms-viewer", null, Role.VIEWER);
    }

    static String definition(String title) {
        return """
                {"title": "%s", "instructions": "每月5日前填报", "sections": [
                  {"title": "学位", "fields": [
                    {"code": "places", "label": "新增学位", "type": "INTEGER", "required": true, "unit": "PIECES",
                     "min": 0, "max": 100000, "indicator": "education.new-school-places", "city": "SUM"},
                    {"code": "public_places", "label": "其中公办学位", "type": "INTEGER", "unit": "PIECES", "atMost": "places"},
                    {"code": "coverage", "label": "普惠性幼儿园覆盖率", "type": "PERCENTAGE", "decimals": 1,
                     "indicator": "education.puhui-kindergarten-coverage", "city": "AVERAGE"},
                    {"code": "stage", "label": "学段", "type": "CHOICE", "options": ["小学", "初中"]}
                  ]},
                  {"title": "村情", "fields": [
                    {"code": "villages", "label": "分村情况", "type": "TABLE", "columns": [
                      {"code": "village", "label": "村", "type": "TEXT", "required": true},
                      {"code": "investment", "label": "投资", "type": "MONEY", "scale": 10000, "min": 0,
                       "indicator": "culture.investment", "city": "SUM"},
                      {"code": "of_which_social", "label": "其中社会投资", "type": "MONEY", "scale": 10000, "atMost": "investment"}
                    ]}
                  ]}
                ]}""".formatted(title);
    }

    ResultActions createForm(String code) throws Exception {
        return mvc.perform(post(API).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"" + code + "\", \"definition\": " + definition("测试月报 " + code) + "}"));
    }

    /** A published form assigned monthly to 赤坎镇 and 赤水镇 from last month; the ids of last month's returns. */
    List<Long> publishedAndAssigned(String code) throws Exception {
        createForm(code).andExpect(status().isCreated());
        mvc.perform(post(API + "/" + code + "/versions/1/publish").with(office())).andExpect(status().isOk());
        LocalDate lastMonth = LocalDate.now().minusMonths(1).withDayOfMonth(1);
        mvc.perform(post(API + "/" + code + "/assignments").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitCodes\": [\"chikan\", \"chishui\"], \"cycle\": \"MONTHLY\", \"dueDays\": 5, "
                                + "\"reminderDays\": 2, \"startsOn\": \"" + lastMonth + "\"}"))
                .andExpect(status().isCreated());
        String period = lastMonth.toString().substring(0, 7);
        return jdbc.sql("""
                select r.id from forms_return r join forms_form f on f.id = r.form_id
                where f.code = :c and r.period = :p order by r.unit_code""")
                .param("c", code).param("p", period).query(Long.class).list();
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    ResultActions submit(long id, String user, String values) throws Exception {
        return mvc.perform(post(API + "/returns/" + id + "/submit").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": " + values + "}"));
    }

    @Test
    void a_form_with_a_duplicate_field_code_is_refused() throws Exception {
        String def = definition("重复编码").replace("\"code\": \"coverage\"", "\"code\": \"places\"");
        mvc.perform(post(API).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"dup-form\", \"definition\": " + def + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("sections[0].fields[2].code")));
        mvc.perform(get(API + "/dup-form").with(office())).andExpect(status().isNotFound());
    }

    @Test
    void unit_staff_cannot_design_forms() throws Exception {
        mvc.perform(post(API).with(as("forms-chikan")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"by-town\", \"definition\": " + definition("x") + "}")).andExpect(status().isForbidden());
    }

    @Test
    void a_published_version_never_changes_and_a_new_version_applies_from_the_next_period() throws Exception {
        publishedAndAssigned("immutable");
        mvc.perform(put(API + "/immutable/versions/1").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"definition\": " + definition("改过的标题") + "}"))
                .andExpect(status().isConflict());
        mvc.perform(get(API + "/immutable/versions/1").with(office()))
                .andExpect(jsonPath("$.definition.title").value("测试月报 immutable"));
        mvc.perform(post(API + "/immutable/versions").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"definition\": " + definition("第二版") + "}")).andExpect(status().isCreated());
        JsonNode v2 = body(mvc.perform(post(API + "/immutable/versions/2/publish").with(office())).andExpect(status().isOk()));
        LocalDate nextMonth = LocalDate.now().plusMonths(1).withDayOfMonth(1);
        assertThat(v2.get("effectiveFrom").asString()).isEqualTo(nextMonth.toString());
        // this month's returns keep version 1
        mvc.perform(get(API + "/returns").with(office()).param("form", "immutable"))
                .andExpect(jsonPath("$.content[*].versionNumber").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is(1))));
    }

    @Test
    void returns_are_checked_against_their_version() throws Exception {
        long chikan = publishedAndAssigned("checks").get(0);
        submit(chikan, "forms-chikan", """
                {"public_places": 30, "coverage": 101.5, "stage": "大学",
                 "villages": [{"investment": 5, "of_which_social": 6}, {"village": "塘口村", "investment": -1}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems(
                        "values.places", "values.coverage", "values.stage", "values.villages[0].village",
                        "values.villages[0].of_which_social", "values.villages[1].investment")));
        // of which ≤ total, at the top level too; a draft may leave required fields blank
        mvc.perform(put(API + "/returns/" + chikan).with(as("forms-chikan")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\": {\"places\": 10, \"public_places\": 11}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("values.public_places")));
        mvc.perform(put(API + "/returns/" + chikan).with(as("forms-chikan")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\": {\"public_places\": 11, \"coverage\": \"88.5\"}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void a_return_goes_draft_submit_returned_resubmitted_accepted_and_its_history_is_kept() throws Exception {
        long id = publishedAndAssigned("cycle").get(0);
        mvc.perform(put(API + "/returns/" + id).with(as("forms-chikan")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": {\"places\": 40}}")).andExpect(status().isOk());
        submit(id, "forms-chikan", "{\"places\": 40, \"public_places\": 30}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(post(API + "/returns/" + id + "/return").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"公办学位口径有误\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.returnReason").value("公办学位口径有误"));
        mvc.perform(post(API + "/returns/" + id + "/accept").with(office())).andExpect(status().isConflict());
        submit(id, "forms-chikan", "{\"places\": 40, \"public_places\": 25}").andExpect(status().isOk());
        mvc.perform(post(API + "/returns/" + id + "/accept").with(office())).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        submit(id, "forms-chikan", "{\"places\": 41}").andExpect(status().isConflict());
        mvc.perform(get(API + "/returns/" + id + "/history").with(as("forms-chikan"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action").value(org.hamcrest.Matchers.contains("SAVE", "SUBMIT", "RETURN",
                        "SUBMIT", "ACCEPT")))
                .andExpect(jsonPath("$[1].values.public_places").value("30"))
                .andExpect(jsonPath("$[2].by").value("admin"))
                .andExpect(jsonPath("$[2].byName").value("改革办管理员"))
                .andExpect(jsonPath("$[3].values.public_places").value("25"));
    }

    @Test
    void only_accepted_returns_feed_with_the_city_value_as_sum_and_as_average() throws Exception {
        List<Long> ids = publishedAndAssigned("feed");
        long chikan = ids.get(0);
        long chishui = ids.get(1);
        events.seen.clear();
        submit(chikan, "forms-chikan", """
                {"places": 40, "coverage": 80, "villages": [{"village": "三门里", "investment": 120.5},
                 {"village": "塘口", "investment": 79.5}]}""").andExpect(status().isOk());
        submit(chishui, "forms-chishui", "{\"places\": 60, \"coverage\": 90}").andExpect(status().isOk());
        assertThat(events.seen).noneMatch(FormsApiContract::fromForms); // other ledgers of the context publish meanwhile
        mvc.perform(post(API + "/returns/" + chishui + "/return").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"请补充分村数据\"}")).andExpect(status().isOk());
        assertThat(events.seen).noneMatch(FormsApiContract::fromForms); // other ledgers of the context publish meanwhile

        mvc.perform(post(API + "/returns/" + chikan + "/accept").with(office())).andExpect(status().isOk());
        assertThat(observed("education.new-school-places", "chikan")).isEqualByComparingTo("40");
        assertThat(observed("education.new-school-places", null)).isEqualByComparingTo("40");
        assertThat(observed("culture.investment", "chikan")).isEqualByComparingTo("2000000");

        submit(chishui, "forms-chishui", "{\"places\": 60, \"coverage\": 90}").andExpect(status().isOk());
        mvc.perform(post(API + "/returns/" + chishui + "/accept").with(office())).andExpect(status().isOk());
        assertThat(observed("education.new-school-places", null)).isEqualByComparingTo("100");
        assertThat(observed("education.puhui-kindergarten-coverage", null)).isEqualByComparingTo("85");
        assertThat(observed("education.puhui-kindergarten-coverage", "chishui")).isEqualByComparingTo("90");
        // chikan's figures did not change, so they were not published again
        assertThat(events.seen.stream().filter(e -> e instanceof IndicatorObserved o
                && o.indicatorCode().equals("education.new-school-places") && "chikan".equals(o.unitCode()))).hasSize(1);
        assertThat(events.seen.stream().filter(e -> e instanceof IndicatorObserved o && "forms".equals(o.source())))
                .allMatch(e -> ((IndicatorObserved) e).asOf().equals(LocalDate.now().withDayOfMonth(1).minusDays(1)));
    }

    private static boolean fromForms(Object event) {
        return event instanceof IndicatorObserved o && "forms".equals(o.source());
    }

    private BigDecimal observed(String indicator, String unit) {
        return events.seen.stream().filter(e -> e instanceof IndicatorObserved o && o.indicatorCode().equals(indicator)
                        && java.util.Objects.equals(o.unitCode(), unit))
                .map(e -> ((IndicatorObserved) e).value()).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void a_late_return_is_reported_overdue_once_and_cleared_when_submitted() throws Exception {
        List<Long> ids = publishedAndAssigned("late");
        events.seen.clear();
        LocalDate later = LocalDate.now().plusMonths(3);
        chase.chase(later);
        chase.chase(later);
        chase.chase(later.plusDays(1));
        List<LedgerItemOverdue> overdue = events.seen.stream().filter(LedgerItemOverdue.class::isInstance)
                .map(LedgerItemOverdue.class::cast).filter(o -> o.itemKey().equals("return:" + ids.get(0))).toList();
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).ledger()).isEqualTo("forms");
        assertThat(overdue.get(0).unitCode()).isEqualTo("chikan");
        assertThat(overdue.get(0).due()).isEqualTo(LocalDate.now().withDayOfMonth(1).plusDays(4));
        submit(ids.get(0), "forms-chikan", "{\"places\": 3}").andExpect(status().isOk());
        mvc.perform(post(API + "/returns/" + ids.get(0) + "/return").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"补充\"}")).andExpect(status().isOk());
        submit(ids.get(0), "forms-chikan", "{\"places\": 4}").andExpect(status().isOk());
        assertThat(events.seen.stream().filter(e -> e instanceof LedgerItemCleared c
                && c.itemKey().equals("return:" + ids.get(0)))).hasSize(1);
        // assessment's timeliness component hears of it: missed at first, then handed in (late unless before the 6th)
        List<org.gongjian.assessment.LedgerReportDue> due = events.seen.stream()
                .filter(org.gongjian.assessment.LedgerReportDue.class::isInstance).map(org.gongjian.assessment.LedgerReportDue.class::cast)
                .filter(d -> d.itemKey().equals("return:" + ids.get(0))).toList();
        assertThat(due).extracting(org.gongjian.assessment.LedgerReportDue::done).containsExactly(null, LocalDate.now());
        LocalDate dueDate = overdue.get(0).due();
        long chikanId = organisation.unit("chikan").id();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ledgerReports.facts(dueDate, dueDate, later, true, u -> true).getOrDefault(chikanId, List.of()))
                        .filteredOn(f -> f.key().equals("ledger:forms:return:" + ids.get(0)))
                        .extracting(org.gongjian.assessment.Fact::outcome)
                        .containsExactly(LocalDate.now().isAfter(dueDate) ? org.gongjian.assessment.Outcome.LATE
                                : org.gongjian.assessment.Outcome.ON_TIME));
    }

    @Test
    void a_unit_sees_and_fills_only_its_own_returns() throws Exception {
        List<Long> ids = publishedAndAssigned("scope");
        long chikan = ids.get(0);
        long chishui = ids.get(1);
        mvc.perform(get(API + "/returns").with(as("forms-chikan")).param("form", "scope")).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].unitCode").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("chikan"))));
        mvc.perform(get(API + "/returns").with(as("forms-chikan")).param("unit", "chishui"))
                .andExpect(jsonPath("$.content").isEmpty());
        mvc.perform(get(API + "/returns/" + chishui).with(as("forms-chikan"))).andExpect(status().isNotFound());
        mvc.perform(get(API + "/returns/" + chishui + "/history").with(as("forms-chikan"))).andExpect(status().isNotFound());
        submit(chishui, "forms-chikan", "{\"places\": 1}").andExpect(status().isNotFound());
        mvc.perform(put(API + "/returns/" + chishui).with(as("forms-chikan")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": {}}")).andExpect(status().isNotFound());
        mvc.perform(get(API + "/returns/" + chikan).with(as("forms-chikan"))).andExpect(status().isOk());
        // viewers read every unit's returns and fill none
        mvc.perform(get(API + "/returns/" + chishui).with(as("forms-viewer"))).andExpect(status().isOk());
        submit(chishui, "forms-viewer", "{\"places\": 1}").andExpect(status().isForbidden());
        // unit staff do not review
        submit(chikan, "forms-chikan", "{\"places\": 1}").andExpect(status().isOk());
        mvc.perform(post(API + "/returns/" + chikan + "/accept").with(as("forms-chikan"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select status from forms_return where id = :id").param("id", chishui).query(String.class)
                .single()).isEqualTo("OPEN");
    }

    private List<NotificationRequested> reminders(long returnId) {
        return events.seen.stream().filter(NotificationRequested.class::isInstance).map(NotificationRequested.class::cast)
                .filter(n -> n.key().equals("forms:return:" + returnId + ":reminder")).toList();
    }

    private int inbox(String username, String titleLike) {
        return jdbc.sql("select count(*) from notification_inbox where username = :u and title like :t")
                .param("u", username).param("t", titleLike).query(Integer.class).single();
    }

    @Test
    void a_unit_is_reminded_once_when_its_return_falls_within_the_reminder_days_and_not_after_handing_it_in()
            throws Exception {
        List<Long> ids = publishedAndAssigned("remind"); // due on the 5th, reminded 2 working days before
        long chikan = ids.get(0);
        long chishui = ids.get(1);
        submit(chishui, "forms-chishui", "{\"places\": 5}").andExpect(status().isOk());
        LocalDate due = jdbc.sql("select due from forms_return where id = :id").param("id", chikan)
                .query(LocalDate.class).single();
        String period = LocalDate.now().minusMonths(1).toString().substring(0, 7);
        LocalDate first = due; // the first day within 2 working days of the due date
        while (calendar.workingDaysBetween(first.minusDays(1), due) <= 2) {
            first = first.minusDays(1);
        }
        events.seen.clear();

        chase.chase(first.minusDays(1));
        assertThat(reminders(chikan)).as("three working days before the due date").isEmpty();

        chase.chase(first);
        chase.chase(first);
        chase.chase(first.plusDays(1));
        assertThat(reminders(chikan)).singleElement().satisfies(n -> {
            assertThat(n.unitIds()).containsExactly(organisation.unit("chikan").id());
            assertThat(n.roles()).isEmpty();
            assertThat(n.title()).isEqualTo("数据填报提醒：测试月报 remind（" + period + "）");
            assertThat(n.body()).contains(due.toString(), "《测试月报 remind》");
            assertThat(n.link()).isEqualTo("/forms/returns/" + chikan);
            assertThat(n.urgent()).isFalse();
        });
        assertThat(reminders(chishui)).as("a return handed in is not chased").isEmpty();
        // it reaches the town's staff in their inbox, once, and nobody else's
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(inbox("forms-chikan", "数据填报提醒：测试月报 remind%")).isEqualTo(1));
        assertThat(inbox("forms-chishui", "数据填报提醒：测试月报 remind%")).isZero();
    }

    @Test
    void a_return_not_handed_in_by_its_due_date_reaches_the_town_as_one_supervision_notice() throws Exception {
        List<Long> ids = publishedAndAssigned("late-notice");
        LocalDate later = LocalDate.now().plusMonths(3);
        chase.chase(later);
        chase.chase(later.plusDays(1));
        // the check three months on finds this return and the next periods' late: one notice each; this one is last month's
        String title = "逾期未报送：《测试月报 late-notice》" + LocalDate.now().minusMonths(1).toString().substring(0, 7) + " 期";
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(jdbc.sql("select count(*) from supervision_notice where unit_id = :u and title = :t")
                        .param("u", organisation.unit("chikan").id()).param("t", title).query(Integer.class).single())
                        .isEqualTo(1));
        long notice = jdbc.sql("select id from supervision_notice where unit_id = :u and title = :t")
                .param("u", organisation.unit("chikan").id()).param("t", title).query(Long.class).single();
        // the town's staff are told that it was raised, once
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(jdbc.sql("select title from notification_inbox where username = 'forms-chikan' and message_key like :k")
                        .param("k", "notice:" + notice + ":RAISED:%").query(String.class).list()).singleElement()
                        .satisfies(t -> assertThat(t).contains(title)));
        // no reminder is sent for a return already late, and the notice is not raised again
        assertThat(reminders(ids.get(0))).isEmpty();
        chase.chase(later.plusDays(2));
        org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ofSeconds(2)).atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.sql("select unit_id from supervision_notice where title = :t")
                        .param("t", title).query(Long.class).list()).as("one notice per town, 赤坎镇 and 赤水镇")
                        .containsExactlyInAnyOrder(organisation.unit("chikan").id(), organisation.unit("chishui").id()));
    }
}
