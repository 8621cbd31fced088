package org.gongjian.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress arithmetic: year to date, since start, % of plan and of total, against time progress, with and without a curve. */
class ProgressTests {

    static final Progress.Thresholds FIVE = new Progress.Thresholds(new BigDecimal("5"), new BigDecimal("5"));
    static final BigDecimal WAN = new BigDecimal("10000");

    static BigDecimal wan(long w) {
        return BigDecimal.valueOf(w).multiply(WAN);
    }

    static Map<Integer, BigDecimal> months(long... wan) {
        Map<Integer, BigDecimal> m = new HashMap<>();
        for (int i = 0; i < wan.length; i++) {
            m.put(i + 1, wan(wan[i]));
        }
        return m;
    }

    @Test
    void year_to_date_adds_the_counted_months_up_to_the_month_and_since_start_adds_the_years_before() {
        // plan 1200万 for the year, 100万 a month Jan–Jun, 300万 done in earlier years, 6000万 in total
        Progress p = Progress.of(2024, 6, months(100, 100, 100, 100, 100, 100, 999), wan(300), wan(1200), Map.of(), wan(6000), FIVE);
        assertThat(p.thisMonth()).isEqualByComparingTo(wan(100));
        assertThat(p.yearToDate()).as("July is after the month").isEqualByComparingTo(wan(600));
        assertThat(p.ytdPercent()).isEqualByComparingTo("50.00");
        assertThat(p.sinceStart()).isEqualByComparingTo(wan(900));
        assertThat(p.sinceStartPercent()).isEqualByComparingTo("15.00");
        assertThat(p.timePercent()).as("six months of twelve").isEqualByComparingTo("50.00");
        assertThat(p.gapPoints()).isEqualByComparingTo("0");
        assertThat(p.schedule()).isEqualTo(Progress.Schedule.NORMAL);
        assertThat(p.curve()).isFalse();
    }

    @Test
    void without_a_curve_time_progress_is_months_over_twelve_and_the_gap_sets_the_status() {
        Progress ahead = Progress.of(2024, 10, months(100, 100, 100, 100, 100, 100, 100, 100, 100, 270), BigDecimal.ZERO,
                wan(1200), Map.of(), wan(6000), FIVE);
        assertThat(ahead.ytdPercent()).isEqualByComparingTo("97.50");
        assertThat(ahead.timePercent()).isEqualByComparingTo("83.33");
        assertThat(ahead.gapPoints()).isEqualByComparingTo("14.17");
        assertThat(ahead.schedule()).isEqualTo(Progress.Schedule.AHEAD);
        Progress behind = Progress.of(2024, 6, months(50, 50, 50, 50, 50, 50), BigDecimal.ZERO, wan(1200), Map.of(), wan(6000),
                FIVE);
        assertThat(behind.gapPoints()).isEqualByComparingTo("-25.00");
        assertThat(behind.schedule()).isEqualTo(Progress.Schedule.BEHIND);
    }

    @Test
    void the_thresholds_are_inclusive_at_exactly_five_points() {
        // 660 of 1200 = 55.00 % against 50.00 %: exactly 5 points ahead
        Progress p = Progress.of(2024, 6, months(110, 110, 110, 110, 110, 110), BigDecimal.ZERO, wan(1200), Map.of(), wan(6000),
                FIVE);
        assertThat(p.gapPoints()).isEqualByComparingTo("5.00");
        assertThat(p.schedule()).isEqualTo(Progress.Schedule.AHEAD);
        Progress wider = Progress.of(2024, 6, months(110, 110, 110, 110, 110, 110), BigDecimal.ZERO, wan(1200), Map.of(),
                wan(6000), new Progress.Thresholds(new BigDecimal("8"), new BigDecimal("8")));
        assertThat(wider.schedule()).as("the policy's thresholds decide, not a literal").isEqualTo(Progress.Schedule.NORMAL);
    }

    @Test
    void with_a_monthly_curve_time_progress_is_the_curves_planned_share() {
        // a back-loaded plan: only 200万 of 1200万 planned by June, so 600万 done is far ahead
        Map<Integer, BigDecimal> curve = months(0, 0, 50, 100, 150, 200, 400, 600, 800, 1000, 1100, 1200);
        Progress p = Progress.of(2024, 6, months(100, 100, 100, 100, 100, 100), BigDecimal.ZERO, wan(1200), curve, wan(6000),
                FIVE);
        assertThat(p.curve()).isTrue();
        assertThat(p.timePercent()).isEqualByComparingTo("16.67");
        assertThat(p.gapPoints()).isEqualByComparingTo("33.33");
        assertThat(p.schedule()).isEqualTo(Progress.Schedule.AHEAD);
        Progress even = Progress.of(2024, 6, months(100, 100, 100, 100, 100, 100), BigDecimal.ZERO, wan(1200), Map.of(),
                wan(6000), FIVE);
        assertThat(even.schedule()).as("the same months without the curve").isEqualTo(Progress.Schedule.NORMAL);
    }

    @Test
    void without_a_plan_there_is_no_percent_of_plan_and_no_status() {
        Progress p = Progress.of(2024, 3, months(100, 100, 100), BigDecimal.ZERO, null, Map.of(), wan(6000), FIVE);
        assertThat(p.ytdPercent()).isNull();
        assertThat(p.schedule()).isNull();
        assertThat(p.sinceStartPercent()).isEqualByComparingTo("5.00");
    }
}
