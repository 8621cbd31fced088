package org.gongjian.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Role;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.MeasurementSource;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Done when: on the demo's first start, a bank user logs in, sees only the needs pushed to their consortium (API and
 * page), cannot open another consortium's need, records a credit decision and a disbursement, and the town's credit
 * target (initiative 4, bound to {@code finance.credit-granted}) moves from the ledger (source LEDGER).
 */
@SpringBootTest(properties = {"gongjian.demo.progress.enabled=true", "gongjian.demo.finance.enabled=true"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BankUserJourneyTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Pairings pairings;
    @Autowired Subjects subjects;
    @Autowired Needs needs;
    @Autowired FinanceAccess access;
    @Autowired FinanceIndicators indicators;
    @Autowired ProgrammeManagement programmes;
    @Autowired TargetManagement targets;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void a_bank_user_sees_only_their_consortiums_needs_grants_credit_and_the_towns_target_moves_from_the_ledger()
            throws Exception {
        LocalDate today = LocalDate.now(clock);
        Pairings.Consortium chikan = pairings.pairedWith("chikan", today).orElseThrow();
        Pairings.Consortium other = pairings.pairedWith("baihe", today).orElseThrow();
        accounts.create("journey-bank", "赤坎银团客户经理", "journey-secret-1", null, Set.of(Role.BANK_STAFF));
        access.assignBankUser("journey-bank", chikan.id());
        // the town pushes a new need of one of its demo subjects today
        Subjects.Subject firm = subjects.list("chikan", Pageable.unpaged()).getContent().get(0);
        Needs.Need need = needs.declare(FinanceFixture.need(firm.id(), "3000000", today), false);
        need = needs.push(need.id(), needs.screen(need.id(), FinanceFixture.ALL_MET, need.version()).version());
        long foreign = jdbc.sql("select max(id) from finance_need where consortium_id = :c").param("c", other.id())
                .query(Long.class).single();
        SecurityContextHolder.clearContext();

        MvcResult login = mvc.perform(formLogin("/login").user("journey-bank").password("journey-secret-1"))
                .andExpect(redirectedUrl("/finance/needs")).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        // the API is stateless: the same user calls it with their password (or a personal token)
        var api = httpBasic("journey-bank", "journey-secret-1");

        String list = mvc.perform(get("/api/v1/finance/needs").param("size", "200").with(api))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> consortia = JsonPath.read(list, "$.content[*].consortiumId");
        long atBank = jdbc.sql("select count(*) from finance_need where consortium_id = :c and status in (:s)")
                .param("c", chikan.id()).param("s", NeedStatus.AT_BANK.stream().map(Enum::name).toList())
                .query(Long.class).single();
        assertThat(consortia).hasSize((int) atBank).allMatch(c -> c == chikan.id());
        assertThat(JsonPath.<List<Integer>>read(list, "$.content[*].id")).contains((int) need.id());
        mvc.perform(get("/api/v1/finance/needs/" + foreign).with(api)).andExpect(status().isNotFound());
        mvc.perform(get("/finance/needs/" + foreign).session(session)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/finance/needs/" + foreign + "/decision").with(api)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"DECLINED\",\"declineReason\":\"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/finance/needs/" + foreign + "/disbursements").session(session).with(csrf())
                        .param("amountWan", "1")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/finance/subjects/" + jdbc.sql("select subject_id from finance_need where id = :id")
                .param("id", foreign).query(Long.class).single()).with(api)).andExpect(status().isNotFound());
        mvc.perform(get("/finance").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/finance/needs").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(firm.name())));

        Target target = targets.target(programmes.programme("kaiping-2024"), "demo.credit.chikan");
        assertThat(target.indicatorCode()).isEqualTo(FinanceIndicators.CREDIT_GRANTED);
        BigDecimal before = ledgerFigure(target, today).orElse(BigDecimal.ZERO);
        BigDecimal granted = indicators.figures(today).stream()
                .filter(f -> f.indicator().equals(FinanceIndicators.CREDIT_GRANTED) && f.unit().equals("chikan"))
                .map(FinanceIndicators.Figure::value).findFirst().orElseThrow();

        long institution = chikan.leadInstitutionId();
        mvc.perform(post("/api/v1/finance/needs/" + need.id() + "/decision").with(api)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"outcome":"APPROVED","institutionId":%d,"approvedAmount":2500000,"ratePct":3.45,
                                 "termMonths":36,"creditLoan":true}""".formatted(institution)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.approvedAmount").value(2500000));
        mvc.perform(post("/api/v1/finance/needs/" + need.id() + "/disbursements").with(api)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":3000000}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("尚可放款 250 万元")));
        mvc.perform(post("/api/v1/finance/needs/" + need.id() + "/disbursements").with(api)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":1000000}"))
                .andExpect(status().isOk());

        indicators.publish(today);
        BigDecimal expected = granted.add(new BigDecimal("2500000"));
        BigDecimal moved = null;
        for (int i = 0; i < 600 && (moved == null || moved.compareTo(expected) != 0); i++) {
            Thread.sleep(200);   // the programme records the observation after the ledger's transaction, asynchronously
            moved = ledgerFigure(target, today).orElse(null);
        }
        assertThat(moved).isNotNull().isEqualByComparingTo(expected);
        assertThat(moved).isGreaterThan(before);
    }

    /**
     * The towns' 2024 credit history comes from the ledger, not from a typed series: each month's end since the
     * pairing has the ledger's figure of that day, recorded that month (so the 2024 league ranks on it), and no
     * figure of 2024 was typed in by hand; the pairing target's 2024 figures come from the ledger as well.
     */
    @Test
    void the_towns_2024_credit_history_is_the_ledgers_month_end_figures_recorded_in_their_month() {
        Target credit = targets.target(programmes.programme("kaiping-2024"), "demo.credit.chikan");
        Target pairs = targets.target(programmes.programme("kaiping-2024"), "finance.pairs");
        List<LocalDate> monthEnds = List.of(6, 7, 8, 9, 10, 11, 12).stream()
                .map(m -> java.time.YearMonth.of(2024, m).atEndOfMonth()).toList();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                .until(() -> ledgerFigure(credit, monthEnds.get(monthEnds.size() - 1)).isPresent());
        BigDecimal previous = BigDecimal.ZERO;
        int rises = 0;
        for (LocalDate end : monthEnds) {
            BigDecimal ledger = indicators.figures(end).stream()
                    .filter(f -> f.indicator().equals(FinanceIndicators.CREDIT_GRANTED) && f.unit().equals("chikan"))
                    .map(FinanceIndicators.Figure::value).findFirst().orElse(BigDecimal.ZERO);
            List<Measurement> current = targets.measurements(credit).stream()
                    .filter(m -> !m.superseded() && m.asOf().equals(end)).toList();
            if (ledger.compareTo(previous) != 0) {
                assertThat(current).as("figure of %s", end).singleElement().satisfies(m -> {
                    assertThat(m.source()).isEqualTo(MeasurementSource.LEDGER);
                    assertThat(m.value()).isEqualByComparingTo(ledger);
                    assertThat(m.recordedAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()).isEqualTo(end);
                });
                rises++;
            } else {
                assertThat(current).as("unchanged in %s: nothing new published", end).isEmpty();
            }
            previous = ledger;
        }
        assertThat(rises).as("months in which 赤坎镇's credit grew").isGreaterThanOrEqualTo(3);
        assertThat(targets.measurements(credit)).as("no hand-typed 2024 figure")
                .noneMatch(m -> m.source() != MeasurementSource.LEDGER && m.asOf().getYear() == 2024);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                .until(() -> ledgerFigure(pairs, monthEnds.get(0)).isPresent());
        assertThat(ledgerFigure(pairs, monthEnds.get(0))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("16"));
        assertThat(targets.measurements(pairs)).noneMatch(m -> m.demo() && m.asOf().getYear() == 2024);
    }

    private Optional<BigDecimal> ledgerFigure(Target target, LocalDate day) {
        return targets.measurements(target).stream()
                .filter(m -> !m.superseded() && m.source() == MeasurementSource.LEDGER && m.asOf().equals(day))
                .map(Measurement::value).findFirst();
    }
}
