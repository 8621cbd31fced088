package org.gongjian.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.gongjian.assessment.Period;
import org.gongjian.assessment.PeriodKind;
import org.gongjian.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Assessment periods as the API and pages name them. */
class PeriodTests {

    @Test
    void months_quarters_and_years_read_and_write_the_same_codes() {
        assertThat(Period.parse("2024-Q4").end()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(Period.parse("2024-Q4").start()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(Period.parse("2024-02").end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Period.parse("2024").code()).isEqualTo("2024");
        assertThat(Period.parse("2024-q1").code()).isEqualTo("2024-Q1");
    }

    @Test
    void the_period_before_january_is_last_december_and_before_the_first_quarter_the_last_one() {
        assertThat(Period.parse("2024-01").previous().code()).isEqualTo("2023-12");
        assertThat(Period.parse("2024-Q1").previous().code()).isEqualTo("2023-Q4");
        assertThat(Period.between(PeriodKind.QUARTER, LocalDate.of(2024, 6, 6), LocalDate.of(2024, 12, 31)))
                .extracting(Period::code).containsExactly("2024-Q2", "2024-Q3", "2024-Q4");
    }

    @Test
    void a_malformed_period_is_refused_naming_the_field() {
        assertThatThrownBy(() -> Period.parse("2024-13")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).field()).isEqualTo("period"));
        assertThatThrownBy(() -> Period.parse("2024-Q5")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Period.parse("last month")).isInstanceOf(InvalidInputException.class);
    }
}
