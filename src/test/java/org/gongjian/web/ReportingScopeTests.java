package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongjian.organisation.Role;
import org.gongjian.programme.BulkMeasurements;
import org.gongjian.programme.Direction;
import org.gongjian.programme.MeasurementBatch;
import org.gongjian.programme.TargetData;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who reports what: a target with a scope unit (a town's share of a city-wide task) is reported by that town,
 * the initiative's lead unit and the office, never by the initiative's other co-units; a target without one
 * by the lead unit and the co-units. The form offered on the page, the API and the measurements import obey
 * the one rule. The targets are the demo's per-town ones (DemoProgressLoader): 百合镇's and 赤坎镇's credit
 * under initiative 4 (led by the finance office, all towns co-units), 赤坎镇's roads under initiative 1 (led by
 * the transport bureau, no co-units).
 */
@Transactional
class ReportingScopeTests extends PageTestSupport {

    private static final String KAIPING = "kaiping-2024";

    @Autowired TargetManagement targets;
    @Autowired BulkMeasurements bulk;

    @BeforeEach
    void townTargetsAndClerks() {
        town(4, "demo.credit.baihe", "百合镇银团授信", UnitOfMeasure.YUAN, "400000000", "baihe");
        town(4, "demo.credit.chikan", "赤坎镇银团授信", UnitOfMeasure.YUAN, "300000000", "chikan");
        town(1, "demo.roads.chikan", "赤坎镇农村公路提质改造", UnitOfMeasure.KILOMETRES, "30", "chikan");
        if (accounts.findByUsername("scope-chikan").isEmpty()) {
            accounts.create("scope-chikan", "赤坎镇填报员", PASSWORD, organisation.unit("chikan").id(), Set.of(Role.UNIT_STAFF));
            accounts.create("scope-finance", "金融办填报员", PASSWORD, organisation.unit("finance-office").id(),
                    Set.of(Role.UNIT_STAFF));
        }
    }

    @AfterEach
    void nobody() {
        SecurityContextHolder.clearContext();
    }

    private void town(int initiative, String code, String name, UnitOfMeasure unit, String goal, String town) {
        targets.create(KAIPING, initiative, new TargetData(code, name, unit, Direction.UP, BigDecimal.ZERO,
                LocalDate.of(2024, 1, 1), new BigDecimal(goal), null, Qualifier.EXACT, LocalDate.of(2024, 12, 31), false,
                null, town, null, List.of()));
    }

    /** Reports a figure, confirmed: other tests of this context leave figures behind that make any value look implausible. */
    private int apiReport(String username, String target, String value) throws Exception {
        return mvc.perform(post("/api/v1/programmes/" + KAIPING + "/targets/" + target + "/measurements")
                        .with(as(username)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\": " + value + ", \"asOf\": \"2024-06-30\", \"confirm\": true, \"reason\": \"核实无误\"}"))
                .andReturn().getResponse().getStatus();
    }

    private String page(String username, int initiative) throws Exception {
        return mvc.perform(get("/programmes/" + KAIPING + "/initiatives/" + initiative).with(as(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static boolean offersForm(String html, String target) {
        return html.contains("/programmes/" + KAIPING + "/targets/" + target + "/measurements\"");
    }

    private void actAs(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @Test
    void a_town_clerk_reports_the_towns_own_figures_and_not_another_towns_through_the_api() throws Exception {
        long deniedBefore = denied("scope-chikan");
        assertThat(apiReport("scope-chikan", "demo.credit.baihe", "100000000")).isEqualTo(403);
        assertThat(denied("scope-chikan")).as("the refusal is audited").isEqualTo(deniedBefore + 1);
        assertThat(apiReport("scope-chikan", "demo.credit.chikan", "100000000")).isEqualTo(201);
        // 赤坎镇 is no unit of initiative 1, but the road figure is its own
        assertThat(apiReport("scope-chikan", "demo.roads.chikan", "12")).isEqualTo(201);
    }

    @Test
    void the_lead_unit_and_the_office_report_any_towns_figure_and_unscoped_targets_stay_with_the_responsible_units()
            throws Exception {
        assertThat(apiReport("scope-finance", "demo.credit.baihe", "100000000")).isEqualTo(201);
        assertThat(apiReport("admin", "demo.credit.baihe", "120000000")).isEqualTo(201);
        // the lead unit of initiative 4 has no say over 赤坎镇's road figure under initiative 1
        assertThat(apiReport("scope-finance", "demo.roads.chikan", "12")).isEqualTo(403);
        // finance.pairs has no scope unit: every co-unit of initiative 4 reports it, as before
        assertThat(apiReport("scope-chikan", "finance.pairs", "16")).isEqualTo(201);
    }

    @Test
    void the_page_offers_a_town_clerk_the_form_of_its_own_figures_only() throws Exception {
        String credit = page("scope-chikan", 4);
        assertThat(offersForm(credit, "demo.credit.chikan")).isTrue();
        assertThat(offersForm(credit, "demo.credit.baihe")).isFalse();
        assertThat(offersForm(page("scope-chikan", 1), "demo.roads.chikan")).isTrue();
        assertThat(offersForm(page("scope-finance", 4), "demo.credit.baihe")).isTrue();
    }

    @Test
    void the_measurements_import_refuses_another_towns_rows_and_takes_the_towns_own() {
        actAs("scope-chikan");
        MeasurementBatch mixed = new MeasurementBatch("scope.xlsx", List.of(
                new MeasurementBatch.Row("demo.credit.baihe", new BigDecimal("100000000"), LocalDate.of(2024, 6, 30), null, false, null),
                new MeasurementBatch.Row("demo.roads.chikan", new BigDecimal("12"), LocalDate.of(2024, 6, 30), null, false, null)));
        var violations = bulk.check(KAIPING, mixed);
        assertThat(violations).extracting(v -> v.field() + " " + v.messageKey())
                .containsExactly("rows[0].targetCode error.measurement.not-responsible");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bulk.record(KAIPING, mixed))
                .isInstanceOf(InvalidInputException.class);
        MeasurementBatch own = new MeasurementBatch("scope.xlsx", List.of(mixed.rows().get(1)));
        assertThat(bulk.record(KAIPING, own)).isEqualTo(1);
    }
}
