package org.gongjian.supervision.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.supervision.engine.EvaluatorTests.DEC_31;
import static org.gongjian.supervision.engine.EvaluatorTests.evaluate;
import static org.gongjian.supervision.engine.EvaluatorTests.policy;
import static org.gongjian.supervision.engine.EvaluatorTests.target;
import static org.gongjian.supervision.engine.EvaluatorTests.values;

import java.time.LocalDate;
import java.util.List;
import org.gongjian.programme.Direction;
import org.gongjian.supervision.Forecast;
import org.gongjian.supervision.Status;
import org.gongjian.supervision.StatusReason;
import org.gongjian.supervision.SupervisionPolicy;
import org.gongjian.supervision.TargetStatus;
import org.gongjian.supervision.engine.LinearTrend.Point;
import org.junit.jupiter.api.Test;

/** Issue 11 §5: warnings need a material shortfall, forecasts an honest floor of uncertainty (ADR 0025). */
class HonestStatusTests {

    /** The seeded policy: yellow 10 / red 30 points inclusive, at risk below 50 %, floor 0.15, material 5 points. */
    static final SupervisionPolicy SEEDED = policy(10, 30, true).withForecast(0.15, 5);

    static TargetStatus one(LocalDate asOf, SupervisionPolicy policy, Object... dateValue) {
        return evaluate(asOf, policy, List.of(target(1, Direction.UP, 0, 100, DEC_31)), values(1, dateValue), List.of())
                .targets().get(0);
    }

    @Test
    void a_target_exactly_on_plan_at_the_quarter_days_is_on_track_not_a_warning() {
        TargetStatus s = one(LocalDate.of(2024, 9, 30), SEEDED, "2024-03-31", 25, "2024-06-30", 50, "2024-09-30", 75);
        assertThat(s.status()).isEqualTo(Status.ON_TRACK);
        assertThat(s.reason()).isEqualTo(StatusReason.ON_PLAN);
        assertThat(s.forecast().probability()).isBetween(0.3, 0.7);
    }

    @Test
    void a_target_forecast_to_fall_materially_short_is_still_a_warning() {
        // 0 → 20 → 40 by September: on the line to 53 at year end, 47 points short
        TargetStatus s = one(LocalDate.of(2024, 9, 30), policy(60, 90, true).withForecast(0.15, 5),
                "2024-03-31", 13, "2024-06-30", 27, "2024-09-30", 40);
        assertThat(s.status()).isEqualTo(Status.AT_RISK);
        assertThat(s.reason()).isEqualTo(StatusReason.FORECAST_MISS);
    }

    @Test
    void three_collinear_points_months_before_the_deadline_give_an_interval_of_some_width_and_no_certainty() {
        List<Point> line = List.of(new Point(LocalDate.of(2024, 3, 31), 30), new Point(LocalDate.of(2024, 4, 30), 60),
                new Point(LocalDate.of(2024, 5, 30), 90));
        Forecast bare = LinearTrend.forecast(line, DEC_31, Direction.UP, 400, 0.8);
        assertThat(bare.upper()).isEqualByComparingTo(bare.lower());
        assertThat(bare.probability()).isIn(0.0, 1.0);

        Forecast floored = LinearTrend.forecast(line, DEC_31, Direction.UP, 400, 0.8, 0.15, 400);
        assertThat(floored.upper().subtract(floored.lower()).doubleValue()).isGreaterThan(50);
        assertThat(floored.probability()).isStrictlyBetween(0.0, 1.0);
    }

    @Test
    void the_floor_of_uncertainty_grows_with_the_horizon_and_shrinks_with_more_points() {
        List<Point> three = List.of(new Point(LocalDate.of(2024, 1, 31), 10), new Point(LocalDate.of(2024, 2, 29), 20),
                new Point(LocalDate.of(2024, 3, 31), 30));
        List<Point> six = List.of(new Point(LocalDate.of(2023, 11, 1), -20), new Point(LocalDate.of(2023, 12, 1), -10),
                new Point(LocalDate.of(2024, 1, 1), 0), new Point(LocalDate.of(2024, 1, 31), 10),
                new Point(LocalDate.of(2024, 2, 29), 20), new Point(LocalDate.of(2024, 3, 31), 30));
        double near = width(LinearTrend.forecast(three, LocalDate.of(2024, 6, 30), Direction.UP, 100, 0.8, 0.15, 100));
        double far = width(LinearTrend.forecast(three, DEC_31, Direction.UP, 100, 0.8, 0.15, 100));
        double farMorePoints = width(LinearTrend.forecast(six, DEC_31, Direction.UP, 100, 0.8, 0.15, 100));
        assertThat(far).isGreaterThan(near);
        assertThat(farMorePoints).isLessThan(far);
    }

    @Test
    void the_dated_baseline_joins_the_fit_as_an_observation_once_three_reports_allow_a_forecast() {
        TargetStatus two = one(LocalDate.of(2024, 6, 30), SEEDED, "2024-03-31", 25, "2024-06-30", 50);
        assertThat(two.forecast().insufficientData()).isTrue();
        assertThat(two.forecast().points()).isEqualTo(2);
        TargetStatus three = one(LocalDate.of(2024, 9, 30), SEEDED, "2024-03-31", 25, "2024-06-30", 50, "2024-09-30", 75);
        assertThat(three.forecast().sufficient()).isTrue();
        assertThat(three.forecast().points()).isEqualTo(4);
    }

    @Test
    void one_report_is_insufficient_data_as_a_flag_and_a_target_past_its_deadline_gets_no_forecast() {
        TargetStatus early = one(LocalDate.of(2024, 3, 31), SEEDED, "2024-03-31", 25);
        assertThat(early.forecast().insufficientData()).isTrue();
        assertThat(early.forecast().availability()).isEqualTo(Forecast.Availability.INSUFFICIENT_DATA);

        TargetStatus late = one(LocalDate.of(2025, 1, 15), SEEDED, "2024-03-31", 25, "2024-06-30", 50, "2024-09-30", 75);
        assertThat(late.status()).isEqualTo(Status.OVERDUE);
        assertThat(late.forecast().availability()).isEqualTo(Forecast.Availability.PAST_DEADLINE);
        assertThat(late.forecast().probability()).isNull();
        assertThat(late.forecast().value()).isNull();
        assertThat(late.forecast().insufficientData()).isFalse();
    }

    static double width(Forecast f) {
        return f.upper().subtract(f.lower()).doubleValue();
    }
}
