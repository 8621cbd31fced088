package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FiguresTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static String zh(String value, UnitOfMeasure unit, Qualifier q) {
        return Figures.format(new BigDecimal(value), null, unit, q, ZH);
    }

    @Test
    void money_is_written_in_yi_yuan_as_the_article_writes_it() {
        assertThat(zh("6800000000", UnitOfMeasure.YUAN, Qualifier.APPROX)).isEqualTo("约68亿元");
        assertThat(zh("730000000", UnitOfMeasure.YUAN, Qualifier.APPROX)).isEqualTo("约7.3亿元");
        assertThat(zh("21780000000", UnitOfMeasure.YUAN, Qualifier.EXACT)).isEqualTo("217.8亿元");
        assertThat(zh("40000000000", UnitOfMeasure.YUAN, Qualifier.AT_LEAST)).isEqualTo("400亿元以上");
        assertThat(zh("1800000000", UnitOfMeasure.USD, Qualifier.OVER)).isEqualTo("超18亿美元");
    }

    @Test
    void smaller_sums_are_written_in_wan_yuan() {
        assertThat(zh("52000000", UnitOfMeasure.YUAN, Qualifier.EXACT)).isEqualTo("5200万元");
        assertThat(zh("8500", UnitOfMeasure.YUAN, Qualifier.EXACT)).isEqualTo("8500元");
    }

    @Test
    void head_counts_use_wan_but_areas_keep_their_digits() {
        assertThat(zh("60000", UnitOfMeasure.PEOPLE, Qualifier.OVER)).isEqualTo("超6万人");
        assertThat(zh("12000", UnitOfMeasure.MU, Qualifier.EXACT)).isEqualTo("12000亩");
        assertThat(zh("3000", UnitOfMeasure.ENTERPRISES, Qualifier.MORE)).isEqualTo("3000多家");
    }

    @Test
    void measured_quantities_are_shown_to_two_decimals_at_most() {
        assertThat(zh("42397.073172", UnitOfMeasure.TONNES, Qualifier.EXACT)).isEqualTo("42397.07吨");
        assertThat(zh("7.5", UnitOfMeasure.DAYS, Qualifier.EXACT)).isEqualTo("7.5天");
    }

    @Test
    void a_range_is_written_with_both_bounds() {
        String text = Figures.format(new BigDecimal("5"), new BigDecimal("8"), UnitOfMeasure.ENTERPRISES, Qualifier.RANGE, ZH);
        assertThat(text).isEqualTo("5-8家");
    }

    @Test
    void english_readers_get_billions() {
        assertThat(Figures.format(new BigDecimal("6800000000"), UnitOfMeasure.YUAN, Locale.ENGLISH)).isEqualTo("6.8 bn yuan");
        assertThat(Figures.format(new BigDecimal("12000"), UnitOfMeasure.MU, Locale.ENGLISH)).isEqualTo("12,000 mu");
    }

    @Test
    void hectares_convert_exactly_to_mu() {
        assertThat(UnitOfMeasure.HECTARES.convert(new BigDecimal("800"), UnitOfMeasure.MU)).isEqualByComparingTo("12000");
        assertThat(UnitOfMeasure.MU.convert(new BigDecimal("12000"), UnitOfMeasure.HECTARES)).isEqualByComparingTo("800");
        assertThatThrownBy(() -> UnitOfMeasure.DAYS.convert(BigDecimal.ONE, UnitOfMeasure.MONTHS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_month_only_date_is_written_without_a_day() {
        PartialDate march = PartialDate.parse("2024-03");
        assertThat(march.precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(march.toChinese(false)).isEqualTo("3月");
        assertThat(march.end()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(PartialDate.parse("2024-05-22").toChinese(true)).isEqualTo("2024年5月22日");
        assertThat(PartialDate.parse("2024").toString()).isEqualTo("2024");
        assertThatThrownBy(() -> PartialDate.parse("2024-13")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartialDate.parse("2024-02-30")).isInstanceOf(IllegalArgumentException.class);
    }
}
