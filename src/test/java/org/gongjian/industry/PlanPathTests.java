package org.gongjian.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.gongjian.industry.PlanPath.Slice;
import org.junit.jupiter.api.Test;

class PlanPathTests {

    private static final BigDecimal YI = new BigDecimal("100000000");

    private static BigDecimal yi(String v) {
        return new BigDecimal(v).multiply(YI);
    }

    @Test
    void four_hundred_yi_by_2035_from_250_yi_in_2023_grows_by_the_same_rate_every_year() {
        List<Slice> path = PlanPath.slices(PathKind.COMPOUND, 2023, yi("250"), 2035, yi("400"), Map.of(), 2);

        assertThat(path).extracting(Slice::year).containsExactly(2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031,
                2032, 2033, 2034, 2035);
        assertThat(path.get(0).value()).isEqualByComparingTo(yi("250"));
        assertThat(path.get(12).value()).isEqualByComparingTo(yi("400"));
        // (400/250)^(1/12) = 1.03994…: the 2024 slice is 259.99亿元, the 2030 slice 328.86亿元
        assertThat(path.get(1).value()).isBetween(yi("259.98"), yi("259.99"));
        assertThat(path.get(7).value()).isBetween(yi("328.85"), yi("328.86"));
        for (int i = 1; i < path.size(); i++) {
            double growth = path.get(i).value().doubleValue() / path.get(i - 1).value().doubleValue();
            assertThat(growth).isBetween(1.0399, 1.0400);
        }
        assertThat(PlanPath.growthPercent(2023, yi("250"), 2035, yi("400"))).isEqualByComparingTo("3.99");
    }

    @Test
    void stated_points_are_kept_and_the_years_between_them_lie_on_a_straight_line() {
        List<Slice> path = PlanPath.slices(PathKind.POINTS, 2023, BigDecimal.valueOf(6), 2035, BigDecimal.valueOf(8),
                Map.of(2027, BigDecimal.valueOf(7), 2030, BigDecimal.valueOf(8)), 0);

        assertThat(path).extracting(s -> s.value().intValue())
                // 2023: 6, 2024–2026 on the way to 7 in 2027, 2028–2029 on the way to 8 in 2030, then 8 to 2035
                .containsExactly(6, 6, 7, 7, 7, 7, 8, 8, 8, 8, 8, 8, 8);
    }

    @Test
    void money_points_interpolate_to_the_cent() {
        List<Slice> path = PlanPath.slices(PathKind.POINTS, 2024, yi("100"), 2030, yi("160"), Map.of(2026, yi("120")), 2);

        assertThat(path.get(1).value()).isEqualByComparingTo(yi("110"));
        assertThat(path.get(2).value()).isEqualByComparingTo(yi("120"));
        assertThat(path.get(3).value()).isEqualByComparingTo(yi("130"));
        assertThat(path.get(6).value()).isEqualByComparingTo(yi("160"));
    }

    @Test
    void compound_growth_needs_a_baseline_above_zero_and_a_target_year_after_it() {
        assertThatThrownBy(() -> PlanPath.slices(PathKind.COMPOUND, 2023, BigDecimal.ZERO, 2035, yi("400"), Map.of(), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlanPath.slices(PathKind.COMPOUND, 2035, yi("1"), 2035, yi("400"), Map.of(), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
