package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gongjian.programme.Direction;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.TargetData;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A figure entered in the unit people think in: a target shown in 亿元 is asked in 亿元, "5.8" means 5.8亿元 and is
 * stored as 580000000元, and the form shows that before saving. A figure ten times the last, a tenth of it, or
 * moving against the target's direction needs a confirmation with a reason, kept with it. A figure is corrected
 * or withdrawn by its reporter within the window or by the office, with a reason, as a superseding record.
 */
@Transactional
class MeasurementEntryTests extends PageTestSupport {

    private static final String KAIPING = "kaiping-2024";
    private static final String TARGET = "entry.credit";
    private static final String API = "/api/v1/programmes/" + KAIPING + "/targets/" + TARGET + "/measurements";

    @Autowired TargetManagement targets;
    @Autowired JsonMapper json;
    @Autowired org.gongjian.programme.ProgrammeManagement programmes;

    /** A credit target of initiative 4 (赤水镇 is a co-unit), 0 → 68亿元 over 2024. */
    @BeforeEach
    void target() {
        targets.create(KAIPING, 4, new TargetData(TARGET, "银团授信（测试）", UnitOfMeasure.YUAN, Direction.UP, BigDecimal.ZERO,
                LocalDate.of(2024, 1, 1), new BigDecimal("6800000000"), null, Qualifier.EXACT, LocalDate.of(2024, 12, 31),
                false, null, null, null, List.of()));
    }

    private MockHttpServletResponse api(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private String page(String user, String value, String date, String... extra) throws Exception {
        var request = multipart("/programmes/" + KAIPING + "/targets/" + TARGET + "/measurements").with(as(user)).with(csrf())
                .param("value", value).param("asOf", date).header("HX-Request", "true");
        for (int i = 0; i < extra.length; i += 2) {
            request.param(extra[i], extra[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private List<Measurement> stored() {
        return targets.measurements(targets.target(programmes.programme(KAIPING), TARGET));
    }

    private org.gongjian.programme.ProgrammeManagement programmes() {
        return programmes;
    }

    @Test
    void the_form_asks_in_yi_yuan_and_five_point_eight_is_stored_as_five_point_eight_yi_yuan() throws Exception {
        String html = mvc.perform(get("/programmes/" + KAIPING + "/initiatives/4").with(as("page-staff")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("数值（亿元）");
        String preview = mvc.perform(get("/programmes/" + KAIPING + "/targets/" + TARGET + "/measurements/preview")
                        .param("value", "5.8").with(as("page-staff")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(preview).contains("将保存为：5.8亿元（580000000元）");
        assertThat(mvc.perform(get("/programmes/" + KAIPING + "/targets/" + TARGET + "/measurements/preview")
                        .param("value", "5800万").with(as("page-staff")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("5800万元（58000000元）");
        page("page-staff", "5.8", "2024-06-30");
        assertThat(stored()).extracting(m -> m.value().toPlainString()).containsExactly("580000000");
        page("page-staff", "５９，０００万元", "2024-07-31");
        assertThat(stored()).extracting(m -> m.value().toPlainString()).containsExactly("580000000", "590000000");
    }

    @Test
    void the_api_keeps_the_stored_unit_and_also_reads_a_display_value() throws Exception {
        assertThat(api("page-staff", API, "{\"value\": 580000000, \"asOf\": \"2024-06-30\"}").getStatus()).isEqualTo(201);
        var typed = api("page-staff", API, "{\"displayValue\": \"6.1亿\", \"asOf\": \"2024-07-31\"}");
        assertThat(typed.getStatus()).isEqualTo(201);
        assertThat(body(typed).get("value").asString()).isIn("610000000", "6.1E+8");
        var wrong = api("page-staff", API, "{\"displayValue\": \"六亿\", \"asOf\": \"2024-08-31\"}");
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(body(wrong).get("errors").get(0).get("field").asString()).isEqualTo("displayValue");
    }

    @Test
    void a_figure_ten_times_the_last_needs_a_confirmation_with_a_reason_which_is_kept() throws Exception {
        assertThat(api("page-staff", API, "{\"value\": 100000000, \"asOf\": \"2024-06-30\"}").getStatus()).isEqualTo(201);
        var refused = api("page-staff", API, "{\"value\": 5000000000, \"asOf\": \"2024-07-31\"}");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(body(refused).get("rule").asString()).isEqualTo("TENFOLD_RISE");
        assertThat(api("page-staff", API, "{\"value\": 5000000000, \"asOf\": \"2024-07-31\", \"confirm\": true}")
                .getStatus()).isEqualTo(422);
        var confirmed = api("page-staff", API,
                "{\"value\": 5000000000, \"asOf\": \"2024-07-31\", \"confirm\": true, \"reason\": \"七月集中授信\"}");
        assertThat(confirmed.getStatus()).isEqualTo(201);
        assertThat(body(confirmed).get("reason").asString()).isEqualTo("七月集中授信");
        assertThat(body(confirmed).get("plausibility").asString()).isEqualTo("TENFOLD_RISE");
        // a rising target falling back: against its direction
        var falling = api("page-staff", API, "{\"value\": 4000000000, \"asOf\": \"2024-08-31\"}");
        assertThat(body(falling).get("rule").asString()).isEqualTo("AGAINST_DIRECTION");
        assertThat(stored()).hasSize(2);
    }

    @Test
    void the_page_asks_for_the_confirmation_step_before_storing_an_implausible_figure() throws Exception {
        page("page-staff", "1", "2024-06-30");
        String doubted = page("page-staff", "50", "2024-07-31");
        assertThat(doubted).contains("数值超过上一次（1亿元（2024-06-30））的10倍", "name=\"confirm\"", "name=\"reason\"");
        assertThat(stored()).hasSize(1);
        page("page-staff", "50", "2024-07-31", "confirm", "true", "reason", "七月集中授信");
        assertThat(stored()).extracting(Measurement::reason).containsExactly(null, "七月集中授信");
    }

    @Test
    void a_reporter_corrects_or_withdraws_their_figure_within_the_window_with_a_reason_as_a_superseding_record()
            throws Exception {
        long first = body(api("page-staff", API, "{\"value\": 580000000, \"asOf\": \"2024-06-30\"}")).get("id").asLong();
        assertThat(api("page-staff", API + "/" + first + "/correction", "{\"displayValue\": \"5.9\"}").getStatus())
                .as("a correction without a reason").isEqualTo(400);
        var corrected = api("page-staff", API + "/" + first + "/correction", "{\"displayValue\": \"5.9\", \"reason\": \"笔误\"}");
        assertThat(corrected.getStatus()).isEqualTo(201);
        long second = body(corrected).get("id").asLong();
        assertThat(body(corrected).get("supersedesId").asLong()).isEqualTo(first);
        var withdrawn = api("page-staff", API + "/" + second + "/withdrawal", "{\"reason\": \"重复填报\"}");
        assertThat(withdrawn.getStatus()).isEqualTo(201);
        assertThat(body(withdrawn).get("withdrawn").asBoolean()).isTrue();
        // nothing is overwritten: three records, none of which counts now
        assertThat(stored()).hasSize(3);
        assertThat(stored()).noneMatch(Measurement::valid);
        assertThat(targets.latest(targets.target(programmes().programme(KAIPING), TARGET), LocalDate.of(2024, 12, 31)))
                .isEmpty();
        assertThat(count("select count(*) from audit_entry where entity_type = 'measurement' and entity_id like '"
                + KAIPING + "/" + TARGET + "/%'")).isEqualTo(3);
    }

    @Test
    void after_the_window_only_the_office_corrects_and_nobody_corrects_another_reporters_figure_but_the_office()
            throws Exception {
        long mine = body(api("page-staff", API, "{\"value\": 580000000, \"asOf\": \"2024-06-30\"}")).get("id").asLong();
        jdbc.sql("update programme_measurement set recorded_at = :at where id = :id")
                .param("at", Timestamp.from(Instant.now().minus(8, ChronoUnit.DAYS))).param("id", mine).update();
        var late = api("page-staff", API + "/" + mine + "/correction", "{\"displayValue\": \"5.9\", \"reason\": \"笔误\"}");
        assertThat(late.getStatus()).isEqualTo(400);
        assertThat(late.getContentAsString(StandardCharsets.UTF_8)).contains("7天内");
        long office = body(api("admin", API, "{\"value\": 600000000, \"asOf\": \"2024-07-31\"}")).get("id").asLong();
        assertThat(api("page-staff", API + "/" + office + "/withdrawal", "{\"reason\": \"不是本单位的\"}").getStatus())
                .isEqualTo(403);
        assertThat(api("admin", API + "/" + mine + "/correction", "{\"value\": 590000000, \"reason\": \"核对台账\"}").getStatus())
                .isEqualTo(201);
    }

    @Test
    void the_page_offers_the_reporter_buttons_to_correct_or_withdraw_and_the_withdrawal_needs_a_reason() throws Exception {
        long mine = body(api("page-staff", API, "{\"value\": 580000000, \"asOf\": \"2024-06-30\"}")).get("id").asLong();
        String own = mvc.perform(get("/programmes/" + KAIPING + "/initiatives/4").with(as("page-staff")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String withdrawal = "/programmes/" + KAIPING + "/targets/" + TARGET + "/measurements/" + mine + "/withdrawal";
        assertThat(own).contains("更正或撤回", withdrawal);
        String leader = mvc.perform(get("/programmes/" + KAIPING + "/initiatives/4").with(as("page-leader")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(leader).doesNotContain(withdrawal);
        mvc.perform(post(withdrawal).with(as("page-staff")).with(csrf()).param("reason", ""))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("amendFailed", true));
        assertThat(stored()).hasSize(1);
        mvc.perform(post(withdrawal).with(as("page-staff")).with(csrf()).param("reason", "重复填报"));
        assertThat(stored()).hasSize(2).noneMatch(Measurement::valid);
        assertThat(stored().get(1).reason()).isEqualTo("重复填报");
    }
}
