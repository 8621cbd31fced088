package org.gongjian.industry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.gongjian.enterprise.DemoRegister.DemoFirm;
import org.gongjian.enterprise.FigureData;
import org.gongjian.enterprise.Uscc;
import org.junit.jupiter.api.Test;

/** The generated 水暖卫浴 cluster has the article's size: 3000多家 firms whose 2023 figures add up to its totals. */
class DemoClusterTests {

    static final List<DemoFirm> FIRMS = DemoCluster.generate(new Random(20241205L));

    static BigDecimal total(int year, Function<FigureData, BigDecimal> measure) {
        return FIRMS.stream().flatMap(f -> f.years().stream()).filter(y -> y.year() == year).map(measure)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void three_thousand_odd_firms_with_valid_distinct_credit_codes_and_names_all_in_the_cluster() {
        assertThat(FIRMS).hasSize(3046);
        assertThat(FIRMS).allSatisfy(f -> {
            assertThat(Uscc.valid(f.data().uscc())).as(f.data().uscc()).isTrue();
            assertThat(f.data().clusters()).containsExactly("sanitary-ware");
            assertThat(f.years()).extracting(FigureData::year).containsExactly(2023, 2024, 2025);
        });
        assertThat(FIRMS.stream().map(f -> f.data().uscc()).distinct()).hasSize(3046);
        assertThat(FIRMS.stream().map(f -> f.data().name()).distinct()).hasSize(3046);
    }

    @Test
    void the_2023_totals_are_the_articles_217_8_yi_output_18_3_yi_dollars_and_61200_workers() {
        assertThat(total(2023, FigureData::outputYuan)).isEqualByComparingTo("21780000000");
        assertThat(total(2023, FigureData::exportsUsd)).as("exports held in dollars").isEqualByComparingTo("1830000000");
        assertThat(total(2023, y -> BigDecimal.valueOf(y.employees()))).isEqualByComparingTo("61200");
        assertThat(FIRMS).allSatisfy(f -> assertThat(f.years().get(0).employees()).isPositive());
        // later years move with each firm's growth, within a few per cent of 2023
        assertThat(total(2025, FigureData::outputYuan).divide(total(2023, FigureData::outputYuan), 3, java.math.RoundingMode.HALF_UP))
                .isBetween(new BigDecimal("1.00"), new BigDecimal("1.10"));
    }

    @Test
    void a_long_tail_of_workshops_and_some_above_scale_makers() {
        long above = FIRMS.stream().filter(f -> f.data().aboveScale()).count();
        assertThat(above).as("2000万元 or more in 2023").isBetween(50L, 600L);
        assertThat(FIRMS).filteredOn(f -> f.data().aboveScale())
                .allSatisfy(f -> assertThat(f.years().get(0).outputYuan()).isGreaterThanOrEqualTo(new BigDecimal("20000000")));
        assertThat(DemoCluster.generate(new Random(20241205L))).as("a fixed seed gives the same firms").isEqualTo(FIRMS);
    }
}
