package org.gongjian.supervision.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.gongjian.supervision.TimeProgressMethod;
import org.junit.jupiter.api.Test;

class TimeProgressTests {

    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final LocalDate END = LocalDate.of(2024, 12, 31);

    static double months(String asOf) {
        return TimeProgress.of(TimeProgressMethod.MONTHS_ELAPSED, START, END, LocalDate.parse(asOf), null);
    }

    @Test
    void bulletins_count_completed_months_as_k_twelfths() {
        assertThat(months("2024-03-31")).isEqualTo(0.25);
        assertThat(months("2024-06-30")).isEqualTo(0.5);
        assertThat(months("2024-09-30")).isEqualTo(0.75);
        assertThat(months("2024-11-30")).isCloseTo(0.9167, within(1e-4));
    }

    @Test
    void a_month_counts_only_once_it_has_ended() {
        assertThat(months("2024-06-29")).isCloseTo(5 / 12.0, within(1e-9));
        assertThat(months("2024-01-15")).isZero();
    }

    @Test
    void time_progress_is_zero_before_the_start_and_whole_from_the_deadline() {
        assertThat(months("2023-12-01")).isZero();
        assertThat(months("2024-12-31")).isEqualTo(1);
        assertThat(months("2025-03-01")).isEqualTo(1);
    }

    @Test
    void the_day_based_variant_gives_181_of_365_on_the_30th_of_june() {
        double p = TimeProgress.of(TimeProgressMethod.DAYS_ELAPSED, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                LocalDate.of(2025, 6, 30), null);
        assertThat(p).isCloseTo(181 / 365.0, within(1e-9));
        assertThat(p * 100).isCloseTo(49.6, within(0.05));
    }

    @Test
    void the_plan_curve_variant_uses_the_planned_progress_and_falls_back_to_months_without_one() {
        assertThat(TimeProgress.of(TimeProgressMethod.PLAN_CURVE, START, END, LocalDate.of(2024, 6, 30), 0.3)).isEqualTo(0.3);
        assertThat(TimeProgress.of(TimeProgressMethod.PLAN_CURVE, START, END, LocalDate.of(2024, 6, 30), null)).isEqualTo(0.5);
    }

    @Test
    void a_multi_year_period_counts_its_months_from_the_start_month() {
        // 2024-05 .. 2030-12 is 80 months; by the end of 2024, 8 are complete
        double p = TimeProgress.of(TimeProgressMethod.MONTHS_ELAPSED, LocalDate.of(2024, 5, 22), LocalDate.of(2030, 12, 31),
                LocalDate.of(2024, 12, 31), null);
        assertThat(p).isCloseTo(8 / 80.0, within(1e-9));
    }
}
