package org.gongjian.supervision.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.gongjian.supervision.engine.PlannedPath.Knot;
import org.junit.jupiter.api.Test;

class PlannedPathTests {

    @Test
    void a_linear_path_runs_from_the_baseline_to_the_target() {
        PlannedPath path = PlannedPath.linear(LocalDate.of(2024, 1, 1), 0, LocalDate.of(2024, 12, 31), 365);
        assertThat(path.valueOn(LocalDate.of(2024, 1, 1))).isZero();
        assertThat(path.valueOn(LocalDate.of(2024, 7, 1))).isCloseTo(182, within(1e-9));
        assertThat(path.valueOn(LocalDate.of(2024, 12, 31))).isCloseTo(365, within(1e-9));
        assertThat(path.valueOn(LocalDate.of(2023, 6, 1))).isZero();
        assertThat(path.valueOn(LocalDate.of(2026, 1, 1))).isEqualTo(365);
    }

    @Test
    void a_falling_path_falls() {
        PlannedPath path = PlannedPath.linear(LocalDate.of(2024, 9, 1), 180, LocalDate.of(2025, 12, 31), 7);
        assertThat(path.valueOn(LocalDate.of(2025, 4, 1))).isBetween(7.0, 180.0);
        assertThat(path.valueOn(LocalDate.of(2025, 12, 31))).isEqualTo(7);
    }

    @Test
    void a_long_range_target_gets_yearly_values_from_its_line() {
        // 400亿元 by 2035 from 0 in mid-2024: each year-end lies on the line
        PlannedPath path = PlannedPath.linear(LocalDate.of(2024, 7, 1), 0, LocalDate.of(2035, 12, 31), 400);
        double end2030 = path.valueOn(LocalDate.of(2030, 12, 31));
        assertThat(end2030).isGreaterThan(path.valueOn(LocalDate.of(2029, 12, 31)));
        assertThat(end2030 / 400).isCloseTo(2374.0 / 4200.0, within(1e-3));
    }

    @Test
    void planned_points_are_joined_by_straight_lines_from_the_baseline_to_the_target() {
        PlannedPath path = PlannedPath.points(LocalDate.of(2024, 1, 1), 0, LocalDate.of(2024, 12, 31), 100,
                List.of(new Knot(LocalDate.of(2024, 6, 30), 20), new Knot(LocalDate.of(2024, 9, 30), 70)));
        assertThat(path.knots()).hasSize(4);
        assertThat(path.valueOn(LocalDate.of(2024, 6, 30))).isEqualTo(20);
        assertThat(path.valueOn(LocalDate.of(2024, 8, 15))).isBetween(20.0, 70.0);
        assertThat(path.valueOn(LocalDate.of(2024, 12, 31))).isEqualTo(100);
    }

    @Test
    void a_milestone_step_path_adds_an_equal_share_as_each_milestone_falls_due() {
        PlannedPath path = PlannedPath.steps(LocalDate.of(2024, 12, 5), 0, 1000,
                List.of(LocalDate.of(2025, 6, 5), LocalDate.of(2025, 3, 5), LocalDate.of(2025, 12, 5)));
        assertThat(path.valueOn(LocalDate.of(2025, 3, 4))).isZero();
        assertThat(path.valueOn(LocalDate.of(2025, 3, 5))).isCloseTo(333.33, within(0.01));
        assertThat(path.valueOn(LocalDate.of(2025, 6, 4))).isCloseTo(333.33, within(0.01));
        assertThat(path.valueOn(LocalDate.of(2025, 6, 5))).isCloseTo(666.67, within(0.01));
        assertThat(path.valueOn(LocalDate.of(2025, 12, 5))).isEqualTo(1000);
    }
}
