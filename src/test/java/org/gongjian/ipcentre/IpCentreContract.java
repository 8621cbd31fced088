package org.gongjian.ipcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.Uscc;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The IP centre's ledger as the centre's staff use it, on H2 and on PostgreSQL, with the demo loaded. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(IpCentreContract.Recorder.class)
abstract class IpCentreContract {

    static final String API = "/api/v1/ipcentre";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired Firms firms;
    @Autowired DesignCases designs;
    @Autowired ProtectionCases protection;
    @Autowired Parties parties;
    @Autowired Recorder recorder;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    /** A logged-in page session (pages log in with a form, not HTTP Basic). */
    RequestPostProcessor page(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername(username));
    }

    /** Records the escalation events the ledger publishes. */
    @TestConfiguration
    static class Recorder {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void overdue(LedgerItemOverdue e) {
            events.add(e);
        }

        @EventListener
        void cleared(LedgerItemCleared e) {
            events.add(e);
        }
    }

    static RequestPostProcessor admin() {
        return httpBasic("admin", "test-admin-secret");
    }

    static RequestPostProcessor as(String user) {
        return httpBasic(user, TestUsers.PASSWORD);
    }

    @BeforeEach
    void users() {
        TestUsers.ensure(accounts, organisation, "ip-clerk", null, Role.IPCENTRE_STAFF);
        TestUsers.ensure(accounts, organisation, "ip-town-staff", "shuikou", Role.UNIT_STAFF);
        TestUsers.ensure(accounts, organisation, "ip-viewer", null, Role.VIEWER);
        // service calls made directly by the tests run as the system, as start-up does
        SecurityContextHolder.clearContext();
    }

    /** A fresh valid credit code of a Kaiping enterprise. */
    static String uscc() {
        String body = String.format("91440783MA%07d", 4_000_000 + SERIAL.incrementAndGet() * 7 + (int) (System.nanoTime() % 7));
        return body + Uscc.checkCharacter(body);
    }

    static EnterpriseData enterprise(String uscc) {
        return new EnterpriseData(uscc, "开平市测试卫浴有限公司" + uscc.substring(10, 16), "shuikou", "水口水暖卫浴产业园", "C3352",
                List.of("sanitary-ware"), false, null, null);
    }

    static FirmFacts goodFacts() {
        return new FirmFacts(LocalDate.of(2015, 3, 1), 40, 0, 2, 6, List.of());
    }

    Agency agency(boolean listed) {
        return firms.createAgency("T" + SERIAL.incrementAndGet(), "测试代理机构" + SERIAL.get(), listed, false);
    }

    Firm registeredFirm(Agency agency) {
        Firm f = firms.apply(enterprise(uscc()), goodFacts(), agency.id(), LocalDate.of(2024, 1, 2), false);
        return firms.changeStatus(f.id(), FirmStatus.REGISTERED, LocalDate.of(2024, 1, 5), null, null);
    }

    DesignCase draft(Firm firm, LocalDate on) {
        return designs.create(new DesignCases.Draft(firm.id(), firm.agencyId(), "恒温混水阀（测试）", "23-02"), on, false);
    }

    DesignCase step(DesignCase c, DesignStatus to, LocalDate on) {
        String app = "202430" + String.format("%06d", c.id() % 1_000_000) + ".1";
        return designs.move(c.id(), new DesignCases.Step(to, on, null, app, "ZL" + app), null);
    }

    // --- enterprises and firms ----------------------------------------------------------------------

    @Test
    void a_wrong_check_character_of_the_credit_code_is_a_field_error_in_the_readers_language() throws Exception {
        String good = uscc();
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String body = """
                {"enterprise": {"uscc": "%s", "name": "开平市错码卫浴有限公司", "townCode": "shuikou", "industryCode": "C3352"},
                 "facts": {"foundedOn": "2015-01-01", "insuredStaff": 10, "grantedInventions": 0, "grantedUtility": 1,
                           "grantedDesigns": 5}}""";
        mvc.perform(post(API + "/firms").with(as("ip-clerk")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(bad)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("uscc"))
                .andExpect(jsonPath("$.errors[0].message").value("统一社会信用代码 " + bad + " 的校验码不对（GB 32100），请核对。"));
        mvc.perform(post("/api/v1/enterprises").with(admin()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + bad + "\",\"name\":\"x\",\"townCode\":\"atlantis\",\"industryCode\":\"3352\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("uscc")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("townCode")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("industryCode")));
        mvc.perform(post(API + "/firms").with(as("ip-clerk")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(good)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.enterprise.uscc").value(good));
        // the firm's enterprise is in the one register, searchable by anyone who reads
        mvc.perform(get("/api/v1/enterprises").param("q", good.substring(8)).with(as("ip-viewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].uscc").value(good))
                .andExpect(jsonPath("$.content[0].clusters").isArray());
        mvc.perform(post(API + "/firms").with(as("ip-town-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(uscc())))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_firm_is_registered_only_when_it_meets_the_conditions_and_suspension_and_revocation_need_a_reason() {
        Agency agency = agency(true);
        Firm weak = firms.apply(enterprise(uscc()), new FirmFacts(LocalDate.of(2015, 1, 1), 3, 0, 1, 1, List.of("非正常申请")),
                agency.id(), LocalDate.of(2024, 3, 1), false);
        assertThatThrownBy(() -> firms.changeStatus(weak.id(), FirmStatus.REGISTERED, LocalDate.of(2024, 3, 5), null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field)
                        .containsExactly("conditions.insuredStaff", "conditions.grantedPatents", "conditions.creditRecord"));
        assertThatThrownBy(() -> firms.recheck(weak.id(), 2025, goodFacts(), LocalDate.of(2025, 1, 10)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> firms.changeStatus(weak.id(), FirmStatus.SUSPENDED, null, "x", null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> firms.changeStatus(weak.id(), FirmStatus.REVOKED, null, " ", null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(firms.changeStatus(weak.id(), FirmStatus.REVOKED, null, "不符合备案条件", null).status())
                .isEqualTo(FirmStatus.REVOKED);
        assertThatThrownBy(() -> firms.changeStatus(weak.id(), FirmStatus.REGISTERED, null, null, null))
                .isInstanceOf(ConflictException.class);

        Firm firm = registeredFirm(agency);
        assertThat(firm.status()).isEqualTo(FirmStatus.REGISTERED);
        assertThat(firm.quota()).isNull(); // this year's quota is set on first use; 2024's was set on registration
        assertThat(firms.quota(firm.id(), 2024).quota()).isEqualTo(10);
        Firm suspended = firms.changeStatus(firm.id(), FirmStatus.SUSPENDED, LocalDate.of(2024, 6, 1), "非正常申请核查", null);
        assertThat(suspended.status()).isEqualTo(FirmStatus.SUSPENDED);
        assertThat(firms.changeStatus(firm.id(), FirmStatus.REGISTERED, LocalDate.of(2024, 7, 1), null, null).status())
                .isEqualTo(FirmStatus.REGISTERED);
        // the yearly re-check with fewer insured staff than the policy asks suspends the firm
        Firm rechecked = firms.recheck(firm.id(), 2025, new FirmFacts(LocalDate.of(2015, 3, 1), 2, 0, 2, 6, List.of()),
                LocalDate.of(2025, 1, 15));
        assertThat(rechecked.status()).isEqualTo(FirmStatus.SUSPENDED);
        assertThat(rechecked.statusReason()).contains("insuredStaff");
        assertThat(rechecked.lastRecheckYear()).isEqualTo(2025);
        assertThatThrownBy(() -> firms.recheck(firm.id(), 2025, goodFacts(), LocalDate.of(2025, 1, 16)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void the_quota_follows_last_years_passes_and_pass_rate() {
        LocalDate on = LocalDate.of(2025, 1, 1);
        assertThat(firms.quotaFor(2025, 0, 0, on).quota()).isEqualTo(10);
        // 95 % passed: 19 × 1.5 = 28.5 → 29
        assertThat(firms.quotaFor(2025, 20, 19, on).quota()).isEqualTo(29);
        assertThat(firms.quotaFor(2025, 20, 19, on).lastYearRatePct()).isEqualByComparingTo("95.00");
        // 75 %: 15 × 1.2 = 18
        assertThat(firms.quotaFor(2025, 20, 15, on).quota()).isEqualTo(18);
        // 50 %: 10 × 0.8 = 8, below the base of 10
        assertThat(firms.quotaFor(2025, 20, 10, on).quota()).isEqualTo(10);

        // from the firm's own cases: 12 accepted in 2024, 11 passed (91.7 %) → 11 × 1.5 = 16.5 → 17 in 2025
        Firm firm = registeredFirm(agency(true));
        jdbc.sql("update ipcentre_quota set quota = 50 where firm_id = :f and quota_year = 2024").param("f", firm.id()).update();
        for (int i = 0; i < 12; i++) {
            DesignCase c = draft(firm, LocalDate.of(2024, 3, 1));
            step(c, DesignStatus.SUBMITTED, LocalDate.of(2024, 3, 1));
            step(c, DesignStatus.ACCEPTED, LocalDate.of(2024, 3, 2));
            step(c, DesignStatus.IN_EXAM, LocalDate.of(2024, 3, 2));
            step(c, i < 11 ? DesignStatus.PASSED : DesignStatus.FAILED, LocalDate.of(2024, 3, 4));
        }
        Firm.Quota q2025 = firms.quota(firm.id(), 2025);
        assertThat(q2025.lastYearAccepted()).isEqualTo(12);
        assertThat(q2025.lastYearPassed()).isEqualTo(11);
        assertThat(q2025.quota()).isEqualTo(17);
    }

    @Test
    void submission_is_refused_past_the_quota_with_an_unlisted_agency_or_for_a_firm_not_registered() {
        Firm firm = registeredFirm(agency(true));
        for (int i = 0; i < 10; i++) {
            step(draft(firm, LocalDate.of(2024, 4, 1)), DesignStatus.SUBMITTED, LocalDate.of(2024, 4, 1));
        }
        DesignCase eleventh = draft(firm, LocalDate.of(2024, 4, 2));
        assertThatThrownBy(() -> step(eleventh, DesignStatus.SUBMITTED, LocalDate.of(2024, 4, 2)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("firmId");
                    assertThat(e.violations().get(0).messageKey()).isEqualTo("ipcentre.error.quota-used-up");
                });
        // a new year, a new quota
        assertThat(step(eleventh, DesignStatus.SUBMITTED, LocalDate.of(2025, 1, 2)).status()).isEqualTo(DesignStatus.SUBMITTED);

        Agency unlisted = agency(false);
        Firm other = registeredFirm(unlisted);
        DesignCase viaUnlisted = draft(other, LocalDate.of(2024, 5, 1));
        assertThatThrownBy(() -> step(viaUnlisted, DesignStatus.SUBMITTED, LocalDate.of(2024, 5, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("agencyId"));
        firms.setPrecisionList(unlisted.id(), true, null);
        assertThat(step(viaUnlisted, DesignStatus.SUBMITTED, LocalDate.of(2024, 5, 1)).status())
                .isEqualTo(DesignStatus.SUBMITTED);

        firms.changeStatus(other.id(), FirmStatus.SUSPENDED, LocalDate.of(2024, 6, 1), "核查", null);
        DesignCase whileSuspended = draft(other, LocalDate.of(2024, 6, 2));
        assertThatThrownBy(() -> step(whileSuspended, DesignStatus.SUBMITTED, LocalDate.of(2024, 6, 2)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("ipcentre.error.firm-not-registered"));
    }

    @Test
    void every_transition_of_a_design_case_is_made_or_refused_as_the_machine_says() {
        Firm firm = registeredFirm(agency(true));
        jdbc.sql("update ipcentre_quota set quota = 1000 where firm_id = :f").param("f", firm.id()).update();
        List<DesignStatus> path = List.of(DesignStatus.DRAFT, DesignStatus.SUBMITTED, DesignStatus.ACCEPTED,
                DesignStatus.IN_EXAM, DesignStatus.NEEDS_CORRECTION, DesignStatus.PASSED, DesignStatus.FILED_AT_CNIPA,
                DesignStatus.GRANTED);
        LocalDate on = LocalDate.of(2024, 8, 1);
        List<String> made = new ArrayList<>();
        for (DesignStatus from : DesignStatus.values()) {
            if (from.terminal()) {
                continue;
            }
            for (DesignStatus to : DesignStatus.values()) {
                DesignCase c = draft(firm, on);
                for (DesignStatus s : path) {
                    if (c.status() == from) {
                        break;
                    }
                    DesignStatus next = s == DesignStatus.NEEDS_CORRECTION && from != DesignStatus.NEEDS_CORRECTION
                            ? null : path.get(path.indexOf(s) + 1);
                    if (next == null) {
                        continue;
                    }
                    if (c.status() == DesignStatus.IN_EXAM && from != DesignStatus.NEEDS_CORRECTION) {
                        next = DesignStatus.PASSED;
                    }
                    c = step(c, next, on);
                }
                assertThat(c.status()).isEqualTo(from);
                DesignCase at = c;
                if (from.next().contains(to)) {
                    assertThat(step(at, to, on).status()).isEqualTo(to);
                    made.add(from + "→" + to);
                } else {
                    assertThatThrownBy(() -> step(at, to, on)).as(from + " → " + to).isInstanceOf(ConflictException.class);
                }
            }
        }
        assertThat(made).hasSize(19);
        // a step dated before the previous one, and a grant without its patent number, are refused
        DesignCase c = step(draft(firm, on), DesignStatus.SUBMITTED, on);
        assertThatThrownBy(() -> step(c, DesignStatus.ACCEPTED, on.minusDays(1))).isInstanceOf(InvalidInputException.class);
        DesignCase filed = step(step(step(step(c, DesignStatus.ACCEPTED, on), DesignStatus.IN_EXAM, on),
                DesignStatus.PASSED, on), DesignStatus.FILED_AT_CNIPA, on);
        assertThatThrownBy(() -> designs.move(filed.id(), new DesignCases.Step(DesignStatus.GRANTED, on, null, null, "CN123"), null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("patentNo"));
        assertThatThrownBy(() -> designs.move(filed.id(), new DesignCases.Step(DesignStatus.GRANTED,
                LocalDate.now().plusDays(3), null, null, "ZL202430000001.1"), null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_case_filed_before_national_day_and_granted_after_shows_its_clocks_in_calendar_and_working_days() throws Exception {
        Firm firm = registeredFirm(agency(true));
        DesignCase c = draft(firm, LocalDate.of(2024, 9, 27));
        c = step(c, DesignStatus.SUBMITTED, LocalDate.of(2024, 9, 27));
        c = step(c, DesignStatus.ACCEPTED, LocalDate.of(2024, 9, 27));
        c = step(c, DesignStatus.IN_EXAM, LocalDate.of(2024, 9, 27));
        // running: to 2024-10-08 the pre-exam leg has 11 calendar days but 3 working days (09-29 make-up, 09-30, 10-08)
        mvc.perform(get(API + "/cases/" + c.id()).param("asOf", "2024-10-08").with(as("ip-viewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clocks.preExam.calendarDays").value(11))
                .andExpect(jsonPath("$.clocks.preExam.workingDays").value(3))
                .andExpect(jsonPath("$.clocks.preExam.running").value(true))
                .andExpect(jsonPath("$.clocks.preExam.light").value("GREEN"))
                .andExpect(jsonPath("$.clocks.cnipa.light").value("NONE"));
        // the limit is 5 working days, amber from 80 %: 10-10 is the 5th working day, 10-11 the 6th
        assertThat(designs.get(c.id(), LocalDate.of(2024, 10, 10)).clocks().preExam().light()).isEqualTo(Clocks.Light.AMBER);
        assertThat(designs.get(c.id(), LocalDate.of(2024, 10, 11)).clocks().preExam().light()).isEqualTo(Clocks.Light.RED);
        assertThat(designs.get(c.id(), LocalDate.of(2024, 10, 11)).clocks().preExam().due()).isEqualTo(LocalDate.of(2024, 10, 10));

        c = step(c, DesignStatus.PASSED, LocalDate.of(2024, 9, 30));
        c = step(c, DesignStatus.FILED_AT_CNIPA, LocalDate.of(2024, 9, 30));
        c = step(c, DesignStatus.GRANTED, LocalDate.of(2024, 10, 9));
        mvc.perform(get(API + "/cases/" + c.id()).with(as("ip-viewer")))
                .andExpect(jsonPath("$.status").value("GRANTED"))
                // 09-27 → 09-30: 3 days, 2 working (09-29 was a make-up working Sunday)
                .andExpect(jsonPath("$.clocks.preExam.calendarDays").value(3))
                .andExpect(jsonPath("$.clocks.preExam.workingDays").value(2))
                // 09-30 → 10-09: 9 days, 2 working (10-01 to 10-07 National Day)
                .andExpect(jsonPath("$.clocks.cnipa.calendarDays").value(9))
                .andExpect(jsonPath("$.clocks.cnipa.workingDays").value(2))
                // 09-27 → 10-09: 12 days, 4 working
                .andExpect(jsonPath("$.clocks.total.calendarDays").value(12))
                .andExpect(jsonPath("$.clocks.total.workingDays").value(4))
                .andExpect(jsonPath("$.clocks.total.running").value(false))
                .andExpect(jsonPath("$.clocks.total.light").value("GREEN"));
        mvc.perform(get(API + "/cases/" + c.id() + "/timeline").with(as("ip-viewer")))
                .andExpect(jsonPath("$.length()").value(7))
                .andExpect(jsonPath("$[6].to").value("GRANTED"));
        mvc.perform(get(API + "/cases").param("firmId", String.valueOf(firm.id())).with(as("ip-viewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].clocks.total.workingDays").value(4));
    }

    @Test
    void a_case_past_its_limit_is_reported_once_and_cleared_once_when_it_ends() {
        Firm firm = registeredFirm(agency(true));
        DesignCase c = draft(firm, LocalDate.of(2024, 10, 8));
        c = step(step(step(c, DesignStatus.SUBMITTED, LocalDate.of(2024, 10, 8)), DesignStatus.ACCEPTED,
                LocalDate.of(2024, 10, 8)), DesignStatus.IN_EXAM, LocalDate.of(2024, 10, 8));
        String key = "design:" + c.id();
        assertThat(designs.sweepOverdue(LocalDate.of(2024, 10, 14))).isGreaterThanOrEqualTo(0);
        assertThat(events(LedgerItemOverdue.class, key)).isEmpty();
        designs.sweepOverdue(LocalDate.of(2024, 10, 16));
        designs.sweepOverdue(LocalDate.of(2024, 10, 17));
        List<LedgerItemOverdue> overdue = events(LedgerItemOverdue.class, key);
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).ledger()).isEqualTo("ipcentre");
        assertThat(overdue.get(0).unitCode()).isEqualTo("market-regulation");
        // 5 working days from 10-08: 10-09, 10-10, 10-11, 10-12 (make-up Saturday), 10-14
        assertThat(overdue.get(0).due()).isEqualTo(LocalDate.of(2024, 10, 14));
        assertThat(overdue.get(0).link()).isEqualTo("/ipcentre/cases/" + c.id());
        step(c, DesignStatus.WITHDRAWN, LocalDate.of(2024, 10, 20));
        assertThat(events(LedgerItemCleared.class, key)).hasSize(1);
        designs.sweepOverdue(LocalDate.of(2024, 10, 25));
        assertThat(events(LedgerItemOverdue.class, key)).hasSize(1);
    }

    @Test
    void the_counter_notice_timer_runs_15_days_and_past_a_holiday_to_the_next_working_day() {
        // 2024-11-04 + 15 = 11-19, a Tuesday
        assertThat(protection.counterDeadline(LocalDate.of(2024, 11, 4))).isEqualTo(LocalDate.of(2024, 11, 19));
        // 2024-11-01 + 15 = 11-16, a Saturday → Monday 11-18
        assertThat(protection.counterDeadline(LocalDate.of(2024, 11, 1))).isEqualTo(LocalDate.of(2024, 11, 18));
        // 2024-09-20 + 15 = 10-05, in the National Day holiday → 10-08
        assertThat(protection.counterDeadline(LocalDate.of(2024, 9, 20))).isEqualTo(LocalDate.of(2024, 10, 8));
        // 2024-09-27 + 15 = 10-12, a make-up working Saturday: it stays
        assertThat(protection.counterDeadline(LocalDate.of(2024, 9, 27))).isEqualTo(LocalDate.of(2024, 10, 12));

        Firm firm = registeredFirm(agency(true));
        ProtectionCase c = protection.create(new ProtectionCases.Intake(ProtectionType.ECOMMERCE_COMPLAINT, firm.id(), null,
                "某网店", Platform.TAOBAO, "ZL202430512345.6", null), LocalDate.of(2024, 10, 28), false);
        assertThat(c.complainant()).isEqualTo(firm.enterprise().name());
        c = move(c, ProtectionStatus.ACCEPTED, LocalDate.of(2024, 10, 28), null, null);
        c = move(c, ProtectionStatus.PLATFORM_NOTICE, LocalDate.of(2024, 10, 29), null, null);
        c = move(c, ProtectionStatus.MEASURE_TAKEN, LocalDate.of(2024, 10, 31), 6, null);
        c = move(c, ProtectionStatus.COUNTER_NOTICE, LocalDate.of(2024, 11, 4), null, null);
        assertThat(c.counterDeadline()).isEqualTo(LocalDate.of(2024, 11, 19));
        assertThat(protection.get(c.id(), LocalDate.of(2024, 11, 19)).measureMustBeLifted()).isFalse();
        assertThat(protection.get(c.id(), LocalDate.of(2024, 11, 20)).measureMustBeLifted()).isTrue();
        ProtectionCase counter = c;
        assertThatThrownBy(() -> move(counter, ProtectionStatus.MEASURE_LIFTED, LocalDate.of(2024, 11, 19), null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("ipcentre.error.timer-running"));
        assertThatThrownBy(() -> move(counter, ProtectionStatus.COMPLAINT_FILED, LocalDate.of(2024, 11, 20), null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("ipcentre.error.timer-expired"));
        assertThat(protection.sweepOverdue(LocalDate.of(2024, 11, 19))).isZero();
        protection.sweepOverdue(LocalDate.of(2024, 11, 20));
        protection.sweepOverdue(LocalDate.of(2024, 11, 21));
        assertThat(events(LedgerItemOverdue.class, "protection:" + c.id())).hasSize(1);
        c = move(c, ProtectionStatus.MEASURE_LIFTED, LocalDate.of(2024, 11, 20), null, null);
        assertThat(events(LedgerItemCleared.class, "protection:" + c.id())).hasSize(1);
        c = protection.move(c.id(), new ProtectionCases.Step(ProtectionStatus.CLOSED, LocalDate.of(2024, 11, 21), null, null,
                null, null), null);
        assertThat(c.outcome()).isEqualTo(Outcome.MEASURE_LIFTED);
        assertThat(c.linksRemoved()).isEqualTo(6);
        assertThat(c.days()).isEqualTo(24);

        // filed in time instead: complaint on the deadline, then to court
        ProtectionCase d = protection.create(new ProtectionCases.Intake(ProtectionType.ECOMMERCE_COMPLAINT, firm.id(), null,
                "另一网店", Platform.JD, null, null), LocalDate.of(2024, 10, 28), false);
        for (ProtectionStatus s : List.of(ProtectionStatus.ACCEPTED, ProtectionStatus.PLATFORM_NOTICE,
                ProtectionStatus.MEASURE_TAKEN, ProtectionStatus.COUNTER_NOTICE)) {
            d = move(d, s, LocalDate.of(2024, 11, 4), null, null);
        }
        d = move(d, ProtectionStatus.COMPLAINT_FILED, LocalDate.of(2024, 11, 19), null, null);
        d = move(d, ProtectionStatus.TRANSFERRED, LocalDate.of(2024, 11, 20), null, null);
        ProtectionCase transferred = d;
        assertThatThrownBy(() -> move(transferred, ProtectionStatus.CLOSED, LocalDate.of(2024, 11, 21), null, null))
                .isInstanceOf(InvalidInputException.class);
        d = protection.move(d.id(), new ProtectionCases.Step(ProtectionStatus.CLOSED, LocalDate.of(2024, 11, 21), null, null,
                new BigDecimal("30000"), Outcome.TO_COURT), null);
        assertThat(d.compensationYuan()).isEqualByComparingTo("30000");
        // a mediation case has no platform notice
        ProtectionCase m = protection.create(new ProtectionCases.Intake(ProtectionType.DISPUTE_MEDIATION, null, "某权利人",
                "某经营部", null, null, null), LocalDate.of(2024, 11, 1), false);
        ProtectionCase accepted = move(m, ProtectionStatus.ACCEPTED, LocalDate.of(2024, 11, 1), null, null);
        assertThatThrownBy(() -> move(accepted, ProtectionStatus.PLATFORM_NOTICE, LocalDate.of(2024, 11, 2), null, null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void evidence_files_are_kept_with_the_case() throws Exception {
        ProtectionCase c = protection.create(new ProtectionCases.Intake(ProtectionType.TRADE_FAIR_COMPLAINT, null, "某权利人",
                "展位 3B-12", null, null, null), LocalDate.of(2024, 10, 15), false);
        var file = new org.springframework.mock.web.MockMultipartFile("file", "公证书.pdf", "application/pdf",
                "%PDF-1.4 test".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart(API + "/protection-cases/" + c.id() + "/evidence").file(file).with(as("ip-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fileName").value("公证书.pdf"));
        long fileId = protection.get(c.id(), LocalDate.now()).evidence().get(0).id();
        mvc.perform(get(API + "/protection-cases/" + c.id() + "/evidence/" + fileId).with(as("ip-viewer")))
                .andExpect(status().isOk());
        mvc.perform(get(API + "/protection-cases/" + (c.id() + 100000) + "/evidence/" + fileId).with(as("ip-viewer")))
                .andExpect(status().isNotFound());
        // the content decides: a PNG named .pdf, and text named .pdf, are refused with the reason
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        for (var bad : List.of(new org.springframework.mock.web.MockMultipartFile("file", "截图.pdf", "application/pdf", png),
                new org.springframework.mock.web.MockMultipartFile("file", "说明.pdf", "application/pdf",
                        "just text".getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .multipart(API + "/protection-cases/" + c.id() + "/evidence").file(bad).with(as("ip-clerk")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("file"))
                    .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(bad.getOriginalFilename())));
        }
        // the page's form stores a real PNG under its own content type and lists it with a download
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/ipcentre/protection/" + c.id() + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "现场.png", "application/octet-stream", png))
                        .with(page("ip-clerk")).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        List<ProtectionCase.EvidenceFile> files = protection.get(c.id(), LocalDate.now()).evidence();
        assertThat(files).extracting(ProtectionCase.EvidenceFile::fileName).containsExactly("公证书.pdf", "现场.png");
        assertThat(files.get(1).contentType()).isEqualTo("image/png");
        mvc.perform(get("/ipcentre/protection/" + c.id() + "/evidence/" + files.get(1).id()).with(page("ip-viewer")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType("image/png"));
        mvc.perform(get("/ipcentre/protection/" + c.id()).with(page("ip-clerk")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/ipcentre/protection/" + c.id() + "/evidence/" + files.get(1).id())));
    }

    @Test
    void parties_are_a_table_with_roles_and_credit_codes_checked_against_the_enterprise_register() throws Exception {
        Firm firm = registeredFirm(agency(true));
        ProtectionCase c = protection.create(new ProtectionCases.Intake(ProtectionType.DISPUTE_MEDIATION, firm.id(), null,
                "某五金经营部", null, null, null), LocalDate.of(2024, 10, 15), false);
        assertThat(c.parties()).extracting(Party::role, Party::name, Party::uscc, Party::registered).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PartyRole.RIGHT_HOLDER, firm.enterprise().name(), firm.enterprise().uscc(), true),
                org.assertj.core.groups.Tuple.tuple(PartyRole.RESPONDENT, "某五金经营部", null, false));
        String uscc = firm.enterprise().uscc();
        // a firm by its credit code alone: the register gives the name
        mvc.perform(post(API + "/protection-cases/" + c.id() + "/parties").with(as("ip-clerk"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"APPLICANT\",\"uscc\":\"" + uscc + "\",\"contact\":\"0750-2222222\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(firm.enterprise().name()))
                .andExpect(jsonPath("$.registered").value(true));
        String wrong = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
        mvc.perform(post(API + "/protection-cases/" + c.id() + "/parties").with(as("ip-clerk"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"RESPONDENT\",\"name\":\"某公司\",\"uscc\":\"" + wrong + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("uscc"));
        mvc.perform(post(API + "/protection-cases/" + c.id() + "/parties").with(as("ip-viewer"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"OTHER\",\"name\":\"证人\"}"))
                .andExpect(status().isForbidden());
        Party agencyParty = parties.add(c.id(), new Parties.Entry(PartyRole.AGENCY, "某知识产权代理事务所", null, "张律师"));
        Party second = parties.add(c.id(), new Parties.Entry(PartyRole.RESPONDENT, "某电商店铺", null, null));
        ProtectionCase now = protection.get(c.id(), LocalDate.of(2024, 10, 15));
        assertThat(now.complainant()).isEqualTo(firm.enterprise().name() + "、" + firm.enterprise().name());
        assertThat(now.respondent()).isEqualTo("某五金经营部、某电商店铺");
        parties.remove(c.id(), agencyParty.id());
        parties.remove(c.id(), second.id());
        Party lastRespondent = parties.of(c.id()).stream().filter(p -> p.role() == PartyRole.RESPONDENT).findFirst().orElseThrow();
        assertThatThrownBy(() -> parties.remove(c.id(), lastRespondent.id())).isInstanceOf(InvalidInputException.class);
        assertThat(protection.get(c.id(), LocalDate.of(2024, 10, 15)).respondent()).isEqualTo("某五金经营部");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'ipcentre-party' and entity_id like :p")
                .param("p", c.caseNo() + "/%").query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void the_demo_feeds_item_10s_target_from_the_ledger() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from programme_measurement m join programme_target t on t.id = m.target_id
                where t.code = 'ip.design-days' and m.source = 'LEDGER'""").query(Long.class).single() >= 10);
        List<Map<String, Object>> series = jdbc.sql("""
                select m.as_of, m.measured_value from programme_measurement m join programme_target t on t.id = m.target_id
                where t.code = 'ip.design-days' and m.source = 'LEDGER' order by m.as_of""").query().listOfRows();
        BigDecimal first = (BigDecimal) series.get(0).get("measured_value");
        BigDecimal last = (BigDecimal) series.get(series.size() - 1).get("measured_value");
        assertThat(first).isLessThan(new BigDecimal("180"));
        assertThat(last).isLessThan(first);
        // no hand-typed progress for a target the ledger feeds
        assertThat(jdbc.sql("""
                select count(*) from programme_measurement m join programme_target t on t.id = m.target_id
                where t.code = 'ip.design-days' and m.source <> 'LEDGER'""").query(Long.class).single()).isZero();
        mvc.perform(get(API + "/figures").param("asOf", "2025-12-31").with(as("ip-viewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.designGrants").isNumber())
                .andExpect(jsonPath("$.firms").value(org.hamcrest.Matchers.greaterThanOrEqualTo(18)));
        mvc.perform(get(API + "/cases").with(as("ip-viewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].demo").value(true));
    }

    @Test
    void granting_a_case_today_moves_the_figure_once() {
        // as of today the figure is over this year's grants; a new grant today changes it and is published
        Firm firm = registeredFirm(agency(true));
        LocalDate today = LocalDate.now();
        LocalDate start = today.minusDays(40).getYear() == today.getYear() ? today.minusDays(40) : today;
        jdbc.sql("update ipcentre_quota set quota = 100 where firm_id = :f").param("f", firm.id()).update();
        firms.quota(firm.id(), today.getYear());
        jdbc.sql("update ipcentre_quota set quota = 100 where firm_id = :f").param("f", firm.id()).update();
        DesignCase c = draft(firm, start);
        for (DesignStatus s : List.of(DesignStatus.SUBMITTED, DesignStatus.ACCEPTED, DesignStatus.IN_EXAM,
                DesignStatus.PASSED, DesignStatus.FILED_AT_CNIPA)) {
            c = step(c, s, start);
        }
        step(c, DesignStatus.GRANTED, today);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select count(*) from ipcentre_published where indicator_code = 'ipcentre.design-days-avg' and as_of = :d""")
                .param("d", today).query(Long.class).single() == 1);
    }

    private ProtectionCase move(ProtectionCase c, ProtectionStatus to, LocalDate on, Integer links, Outcome outcome) {
        return protection.move(c.id(), new ProtectionCases.Step(to, on, null, links, null, outcome), null);
    }

    private <T> List<T> events(Class<T> type, String key) {
        return recorder.events.stream().filter(type::isInstance).map(type::cast)
                .filter(e -> key.equals(e instanceof LedgerItemOverdue o ? o.itemKey() : ((LedgerItemCleared) e).itemKey()))
                .toList();
    }
}
