package org.gongjian.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Periods of each cycle, the city value as sum or average, and the rules of a table's rows, without Spring. */
class CycleAndRulesTests {

    static final LocalDate FAR = LocalDate.of(9999, 12, 31);

    @Test
    void half_yearly_periods_end_on_30_june_and_31_december() {
        List<Cycle.Period> periods = Cycle.HALF_YEARLY.begun(LocalDate.of(2024, 1, 1), FAR, LocalDate.of(2024, 8, 1));
        assertThat(periods).extracting(Cycle.Period::code).containsExactly("2024-H1", "2024-H2");
        assertThat(periods).extracting(Cycle.Period::end).containsExactly(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 12, 31));
        assertThat(Cycle.QUARTERLY.containing(LocalDate.of(2024, 11, 5), FAR, FAR).code()).isEqualTo("2024-Q4");
        assertThat(Cycle.MONTHLY.begun(LocalDate.of(2024, 9, 1), LocalDate.of(2024, 12, 31), LocalDate.of(2026, 1, 1)))
                .extracting(Cycle.Period::code).containsExactly("2024-09", "2024-10", "2024-11", "2024-12");
        assertThat(Cycle.YEARLY.nextPeriodStart(LocalDate.of(2024, 3, 3))).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(Cycle.ONCE.begun(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 30), LocalDate.of(2024, 3, 2)))
                .extracting(Cycle.Period::code).containsExactly("once");
    }

    @Test
    void the_city_value_is_the_sum_or_the_average_of_the_units() {
        List<BigDecimal> values = List.of(new BigDecimal("80"), new BigDecimal("90"), new BigDecimal("95"));
        assertThat(ReturnFeed.city(Aggregate.SUM, values)).isEqualByComparingTo("265");
        assertThat(ReturnFeed.city(Aggregate.AVERAGE, values)).isEqualByComparingTo("88.3333");
        assertThat(ReturnFeed.city(Aggregate.NONE, values)).isNull();
    }

    @Test
    void table_rows_are_checked_one_by_one_and_a_column_total_is_published_in_yuan() throws Exception {
        FormDefinition d = JsonMapper.builder().build().readValue(FormsApiContract.definition("规则"), FormDefinition.class);
        assertThat(d.problems()).isEmpty();
        Map<String, Object> values = Map.of("places", "5", "villages", List.of(
                Map.of("village", "甲村", "investment", "12.5"),
                Map.of("village", "乙村", "investment", "7.5", "of_which_social", "8"),
                Map.of("investment", "1")));
        ReturnValidator.Checked checked = ReturnValidator.check(d, values, true);
        assertThat(checked.violations()).extracting(v -> v.field())
                .containsExactlyInAnyOrder("values.villages[1].of_which_social", "values.villages[2].village");
        FormDefinition.Field investment = d.feeding().get("villages.investment");
        assertThat(ReturnFeed.value(checked.values(), "villages.investment", investment)).isEqualByComparingTo("210000");
    }
}
