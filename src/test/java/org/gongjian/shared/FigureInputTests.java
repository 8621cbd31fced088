package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.gongjian.shared.FigureInput.Scale;
import org.junit.jupiter.api.Test;

class FigureInputTests {

    private static String read(String typed, UnitOfMeasure unit, Scale scale) {
        FigureInput.Reading r = FigureInput.read(typed, unit, scale);
        return r.ok() ? r.value().orElseThrow().toPlainString() : r.errorKey();
    }

    @Test
    void a_bare_number_means_the_unit_the_form_asks_in() {
        assertThat(read("5.8", UnitOfMeasure.YUAN, Scale.YI)).isEqualTo("580000000");
        assertThat(read("5.8", UnitOfMeasure.YUAN, Scale.WAN)).isEqualTo("58000");
        assertThat(read("12.5", UnitOfMeasure.KILOMETRES, Scale.ONE)).isEqualTo("12.5");
    }

    @Test
    void an_explicit_wan_or_yi_says_what_it_says_whatever_the_form_asks_in() {
        assertThat(read("5.8亿", UnitOfMeasure.YUAN, Scale.YI)).isEqualTo("580000000");
        assertThat(read("5800万", UnitOfMeasure.YUAN, Scale.YI)).isEqualTo("58000000");
        assertThat(read("5800万元", UnitOfMeasure.YUAN, Scale.ONE)).isEqualTo("58000000");
        assertThat(read("1.2万人", UnitOfMeasure.PEOPLE, Scale.ONE)).isEqualTo("12000");
    }

    @Test
    void separators_full_width_digits_and_the_units_own_word_are_read() {
        assertThat(read("1,234.5", UnitOfMeasure.KILOMETRES, Scale.ONE)).isEqualTo("1234.5");
        assertThat(read("1，234.5 公里", UnitOfMeasure.KILOMETRES, Scale.ONE)).isEqualTo("1234.5");
        assertThat(read("５．８亿元", UnitOfMeasure.YUAN, Scale.ONE)).isEqualTo("580000000");
        assertThat(read("19.45%", UnitOfMeasure.PERCENT, Scale.ONE)).isEqualTo("19.45");
        assertThat(read("12km", UnitOfMeasure.KILOMETRES, Scale.ONE)).isEqualTo("12");
    }

    @Test
    void what_is_not_a_figure_of_the_targets_unit_is_refused_with_a_reason() {
        assertThat(read("", UnitOfMeasure.YUAN, Scale.YI)).isEqualTo("error.measurement.value-missing");
        assertThat(read("五点八", UnitOfMeasure.YUAN, Scale.YI)).isEqualTo("error.measurement.value-format");
        assertThat(read("12家", UnitOfMeasure.KILOMETRES, Scale.ONE)).isEqualTo("error.measurement.value-format");
        assertThat(read("1e20", UnitOfMeasure.YUAN, Scale.ONE)).isEqualTo("error.measurement.value-format");
        assertThat(read("99999999999", UnitOfMeasure.YUAN, Scale.YI)).isEqualTo("error.measurement.value-range");
        assertThat(read("0.0000001", UnitOfMeasure.PERCENT, Scale.ONE)).isEqualTo("error.measurement.value-range");
    }

    @Test
    void a_target_is_asked_in_the_unit_its_figures_are_written_in() {
        assertThat(FigureInput.displayScale(UnitOfMeasure.YUAN, new BigDecimal("6800000000"))).isEqualTo(Scale.YI);
        assertThat(FigureInput.displayScale(UnitOfMeasure.YUAN, new BigDecimal("52000000"))).isEqualTo(Scale.WAN);
        assertThat(FigureInput.displayScale(UnitOfMeasure.KILOMETRES, new BigDecimal("30000"))).isEqualTo(Scale.ONE);
        assertThat(Scale.YI.label(UnitOfMeasure.YUAN, Locale.SIMPLIFIED_CHINESE)).isEqualTo("亿元");
        assertThat(Scale.ONE.label(UnitOfMeasure.KILOMETRES, Locale.SIMPLIFIED_CHINESE)).isEqualTo("公里");
    }
}
