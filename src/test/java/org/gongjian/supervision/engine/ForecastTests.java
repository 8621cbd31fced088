package org.gongjian.supervision.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.gongjian.programme.Direction;
import org.gongjian.supervision.Forecast;
import org.gongjian.supervision.engine.LinearTrend.Point;
import org.junit.jupiter.api.Test;

class ForecastTests {

    static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    static final LocalDate DEC_31 = LocalDate.of(2024, 12, 31);

    static List<Point> series(double... values) {
        // every 30 days from 1 January 2024
        return java.util.stream.IntStream.range(0, values.length)
                .mapToObj(i -> new Point(JAN_1.plusDays(30L * i), values[i])).toList();
    }

    @Test
    void fewer_than_three_measurements_give_insufficient_data_and_no_guess() {
        Forecast two = LinearTrend.forecast(series(10, 20), DEC_31, Direction.UP, 100, 0.8);
        assertThat(two.sufficient()).isFalse();
        assertThat(two.points()).isEqualTo(2);
        assertThat(two.value()).isNull();
        assertThat(two.lower()).isNull();
        assertThat(two.probability()).isNull();
    }

    @Test
    void a_noisy_rising_series_is_extended_to_the_deadline_with_a_student_t_interval() {
        // y = 10.3 + 0.32667 x by least squares; at x = 365: 129.53, s.e. of prediction 4.648, t(2; 0.9) = 1.8856
        Forecast f = LinearTrend.forecast(series(10, 21, 29, 40), DEC_31, Direction.UP, 120, 0.8);
        assertThat(f.sufficient()).isTrue();
        assertThat(f.value().doubleValue()).isCloseTo(129.5333, within(1e-3));
        assertThat(f.lower().doubleValue()).isCloseTo(120.7688, within(1e-3));
        assertThat(f.upper().doubleValue()).isCloseTo(138.2979, within(1e-3));
        assertThat(f.slopePerDay()).isCloseTo(0.326667, within(1e-5));
        // P(Y >= 120) = F_t2(2.0510) = 0.5 + t / (2 sqrt(2 + t^2)) = 0.9116
        assertThat(f.probability()).isCloseTo(0.9116, within(1e-3));
    }

    @Test
    void a_series_on_a_straight_line_has_no_uncertainty() {
        Forecast f = LinearTrend.forecast(series(0, 30, 60), DEC_31, Direction.UP, 400, 0.8);
        assertThat(f.value().doubleValue()).isCloseTo(365, within(1e-6));
        assertThat(f.lower()).isEqualByComparingTo(f.upper());
        assertThat(f.probability()).isZero();
    }

    @Test
    void a_falling_target_is_likely_met_when_the_days_fall_fast_enough() {
        // patent grant days 180 -> 7: falling about 40 days a month
        Forecast f = LinearTrend.forecast(series(180, 141, 99, 62, 20), LocalDate.of(2024, 6, 30), Direction.DOWN, 7, 0.8);
        assertThat(f.value().doubleValue()).isLessThan(7);
        assertThat(f.probability()).isGreaterThan(0.5);
        assertThat(f.lower().doubleValue()).isLessThan(f.value().doubleValue());
        assertThat(f.upper().doubleValue()).isGreaterThan(f.value().doubleValue());
    }

    @Test
    void a_falling_target_that_stalls_is_forecast_to_miss() {
        Forecast f = LinearTrend.forecast(series(180, 175, 178, 172), DEC_31, Direction.DOWN, 7, 0.8);
        assertThat(f.value().doubleValue()).isGreaterThan(100);
        assertThat(f.probability()).isLessThan(0.05);
    }

    @Test
    void a_target_already_met_keeps_a_high_probability() {
        Forecast f = LinearTrend.forecast(series(90, 105, 118, 131), DEC_31, Direction.UP, 100, 0.8);
        assertThat(f.value().doubleValue()).isGreaterThan(100);
        assertThat(f.probability()).isGreaterThan(0.95);
    }

    @Test
    void the_interval_widens_with_confidence() {
        Forecast eighty = LinearTrend.forecast(series(10, 21, 29, 40), DEC_31, Direction.UP, 120, 0.8);
        Forecast ninetyFive = LinearTrend.forecast(series(10, 21, 29, 40), DEC_31, Direction.UP, 120, 0.95);
        assertThat(ninetyFive.upper().subtract(ninetyFive.lower()))
                .isGreaterThan(eighty.upper().subtract(eighty.lower()));
    }
}
