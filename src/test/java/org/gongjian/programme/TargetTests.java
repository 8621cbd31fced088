package org.gongjian.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.junit.jupiter.api.Test;

class TargetTests {

    private static Target target(Direction direction, String baseline, String goal) {
        TargetData data = new TargetData("t", "t", UnitOfMeasure.DAYS, direction,
                baseline == null ? null : new BigDecimal(baseline), baseline == null ? null : LocalDate.of(2024, 1, 1),
                new BigDecimal(goal), null, Qualifier.EXACT, LocalDate.of(2025, 12, 31), false, null, null, null, List.of());
        return Target.create(1L, 1L, 0, data, null);
    }

    @Test
    void a_falling_target_progresses_as_the_days_fall() {
        Target days = target(Direction.DOWN, "180", "7");
        assertThat(days.progress(new BigDecimal("180")).orElseThrow()).isEqualByComparingTo("0");
        assertThat(days.progress(new BigDecimal("93.5")).orElseThrow()).isEqualByComparingTo("0.5");
        assertThat(days.progress(new BigDecimal("7")).orElseThrow()).isEqualByComparingTo("1");
        assertThat(days.progress(new BigDecimal("200")).orElseThrow()).isNegative();
    }

    @Test
    void a_rising_target_without_a_baseline_counts_from_zero_and_can_be_exceeded() {
        Target scale = target(Direction.UP, null, "400");
        assertThat(scale.progress(new BigDecimal("100")).orElseThrow()).isEqualByComparingTo("0.25");
        assertThat(scale.progress(new BigDecimal("440")).orElseThrow()).isEqualByComparingTo("1.1");
        assertThat(target(Direction.DOWN, null, "7").progress(BigDecimal.TEN)).isEmpty();
    }
}
