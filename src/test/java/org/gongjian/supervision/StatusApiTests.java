package org.gongjian.supervision;

import org.gongjian.calendar.WorkCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The status API on the Kaiping 2024 demo programme, and the working-day calendar it counts on. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StatusApiTests {

    static final String API = "/api/v1/programmes/kaiping-2024";

    @Autowired MockMvc mvc;
    @Autowired WorkCalendar calendar;
    @Autowired StatusEngine engine;

    @Test
    void the_official_calendar_has_251_248_and_248_working_days_in_2024_2025_and_2026() {
        assertThat(calendar.workdays().workingDaysIn(2024)).isEqualTo(251);
        assertThat(calendar.workdays().workingDaysIn(2025)).isEqualTo(248);
        assertThat(calendar.workdays().workingDaysIn(2026)).isEqualTo(248);
    }

    @Test
    void seven_working_days_from_the_eve_of_national_day_skip_the_golden_week() {
        // 2024-09-30 (Mon): 10-01..10-07 are off, 10-12 (Sat) is worked
        assertThat(calendar.plusWorkingDays(LocalDate.of(2024, 9, 30), 7)).isEqualTo(LocalDate.of(2024, 10, 15));
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 12))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 9))).isTrue();
        assertThat(calendar.provisional(LocalDate.of(2027, 3, 1))).isTrue();
        assertThat(calendar.provisional(LocalDate.of(2026, 3, 1))).isFalse();
    }

    @Test
    void the_status_as_it_stood_at_the_end_of_2024_shows_the_roads_achieved_and_the_patent_days_without_data() throws Exception {
        mvc.perform(get(API + "/status").param("asOf", "2024-12-31").with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2024-12-31"))
                .andExpect(jsonPath("$.policy").value("/api/v1/programmes/kaiping-2024/policy?on=2024-12-31"))
                .andExpect(jsonPath("$.initiatives[0].number").value(1))
                .andExpect(jsonPath("$.initiatives[0].targets[0].code").value("roads.demo-roads"))
                .andExpect(jsonPath("$.initiatives[0].targets[0].status").value("ACHIEVED"))
                .andExpect(jsonPath("$.initiatives[0].targets[0].actual").value(5))
                .andExpect(jsonPath("$.initiatives[0].targets[0].progress").value(1.0))
                .andExpect(jsonPath("$.initiatives[0].targets[0].timeProgress").value(1.0))
                .andExpect(jsonPath("$.initiatives[0].targets[0].forecast.value").doesNotExist())
                .andExpect(jsonPath("$.initiatives[0].targets[0].forecast.insufficientData").value(true))
                .andExpect(jsonPath("$.initiatives[0].targets[0].forecast.points").value(1));
        ProgrammeStatus status = engine.status("kaiping-2024", LocalDate.of(2024, 12, 31));
        TargetStatus days = status.target("ip.design-days").orElseThrow();
        assertThat(days.status()).isEqualTo(Status.NO_DATA);
        assertThat(days.planned()).isNotNull();
        assertThat(days.planned().doubleValue()).isBetween(7.0, 180.0);
        TargetStatus food = status.target("food.scale").orElseThrow();
        assertThat(food.yearlyPlan()).isNotEmpty();
        assertThat(food.planned()).isNotNull();
    }

    @Test
    void before_it_was_recorded_a_measurement_does_not_count() {
        // the seed's figures were recorded on 2024-12-31: on 2024-08-31 the pairing was not yet reported
        ProgrammeStatus august = engine.status("kaiping-2024", LocalDate.of(2024, 8, 31));
        assertThat(august.target("finance.pairs").orElseThrow().actual()).isNull();
        assertThat(august.target("finance.pairs").orElseThrow().status()).isEqualTo(Status.NO_DATA);
        ProgrammeStatus yearEnd = engine.status("kaiping-2024", LocalDate.of(2024, 12, 31));
        assertThat(yearEnd.target("finance.pairs").orElseThrow().status()).isEqualTo(Status.ACHIEVED);
    }

    @Test
    void a_malformed_date_is_refused_with_a_clear_message() throws Exception {
        mvc.perform(get(API + "/status").param("asOf", "2024-13-45").with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void the_policy_in_force_names_its_source_documents() throws Exception {
        mvc.perform(get(API + "/policy").param("on", "2024-06-30").with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == 'warning.yellow')].value").value("10"))
                .andExpect(jsonPath("$[?(@.key == 'warning.yellow')].evidence").value("PARTLY_VERIFIED"))
                .andExpect(jsonPath("$[?(@.key == 'notice.answer.workdays')].sourceDocument")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("济南"))));
    }
}
