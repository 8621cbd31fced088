package org.gongjian.ecology.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Units people write (亿t, 亿kWh, 万hm²) are read; a unit nobody knows is called unknown, not of the wrong
 * dimension; a given price FACTOR leaves a price already in the accounting year's money alone; the result
 * gives each forest type's physical quantities beside its values.
 */
class GepUnitsTests {

    @Test
    void units_people_write_are_read_and_converted_exactly() {
        assertThat(Unit.parse("亿t")).contains(Unit.HUNDRED_MILLION_TONNES);
        assertThat(Unit.parse("亿吨")).contains(Unit.HUNDRED_MILLION_TONNES);
        assertThat(Unit.parse("亿kWh")).contains(Unit.HUNDRED_MILLION_KILOWATT_HOURS);
        assertThat(Unit.parse("万hm²")).contains(Unit.TEN_THOUSAND_HECTARES);
        assertThat(Unit.parse("万hm2")).contains(Unit.TEN_THOUSAND_HECTARES);
        assertThat(Unit.HUNDRED_MILLION_TONNES.convert(new BigDecimal("1.5"), Unit.TONNE)).isEqualByComparingTo("150000000");
        assertThat(Unit.HUNDRED_MILLION_KILOWATT_HOURS.convert(BigDecimal.ONE, Unit.TEN_THOUSAND_KILOWATT_HOURS))
                .isEqualByComparingTo("10000");
        assertThat(Unit.TEN_THOUSAND_HECTARES.convert(new BigDecimal("0.7861"), Unit.HECTARE)).isEqualByComparingTo("7861");
    }

    @Test
    void an_unknown_unit_says_unknown_unit_and_a_known_one_of_another_dimension_says_mismatch() {
        List<InvalidRequestException.Problem> unknown = catchThrowableOfType(InvalidRequestException.class,
                Requests.of(MethodProfile.NDRC_GEP_2022, 2023).quantities(new GepRequest.PhysicalQuantity(
                        Service.WATER_RETENTION, "chishui", null, null, new BigDecimal("1000"), "furlong", "InVEST"))::evaluate)
                .problems();
        assertThat(unknown).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("physicalQuantities[0].unit");
            assertThat(p.code()).isEqualTo("unknown-unit");
        });
        List<InvalidRequestException.Problem> wrong = catchThrowableOfType(InvalidRequestException.class,
                Requests.of(MethodProfile.NDRC_GEP_2022, 2023).quantities(new GepRequest.PhysicalQuantity(
                        Service.WATER_RETENTION, "chishui", null, null, new BigDecimal("1000"), "t", "InVEST"))::evaluate)
                .problems();
        assertThat(wrong).anySatisfy(p -> assertThat(p.code()).isEqualTo("unit-mismatch"));
        List<InvalidRequestException.Problem> param = catchThrowableOfType(InvalidRequestException.class,
                CaseDTests.caseDRequest(MethodProfile.LYT_1721_2008).parameters(
                        new GepRequest.ParameterOverride("C_RESERVOIR", new BigDecimal("7"), "元/furlong", 2020, "x", null))::evaluate)
                .problems();
        assertThat(param).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("parameters[0].unit");
            assertThat(p.code()).isEqualTo("unknown-unit");
        });
    }

    @Test
    void a_price_factor_applies_to_prices_of_another_base_year_only() {
        PriceAdjustment factor = PriceAdjustment.factor(new BigDecimal("1.1607"));
        assertThat(factor.factorFor(2005, 2023)).isEqualByComparingTo("1.1607");
        assertThat(factor.factorFor(2023, 2023)).isEqualByComparingTo("1");
        assertThat(factor.factorFor(null, 2023)).isEqualByComparingTo("1.1607");

        GepResult plain = CaseDTests.caseDRequest(MethodProfile.LYT_1721_2008).evaluate();
        GepResult inAccountingYear = CaseDTests.caseDRequest(MethodProfile.LYT_1721_2008)
                .parameters(new GepRequest.ParameterOverride("C_RESERVOIR", new BigDecimal("7"), "元/m³", 2023, "x", null))
                .adjustment(factor).evaluate();
        GepResult.ParameterUse reservoir = inAccountingYear.parameters().stream()
                .filter(p -> p.code().equals("C_RESERVOIR")).findFirst().orElseThrow();
        assertThat(reservoir.adjustedValue()).isEqualByComparingTo("7");
        assertThat(plain.parameters()).isNotEmpty();
    }

    @Test
    void each_forest_type_gives_its_physical_quantities_beside_its_values() {
        GepResult r = CaseDTests.caseDRequest(MethodProfile.LYT_1721_2008).evaluate();
        assertThat(r.forestTypes()).isNotEmpty();
        GepResult.ForestTypeAccount broadleaf = r.forestTypes().get(0);
        assertThat(broadleaf.lines()).isNotEmpty();
        assertThat(broadleaf.lines()).anySatisfy(l -> {
            assertThat(l.quantity()).isNotNull().isPositive();
            assertThat(l.unit()).isNotBlank();
            assertThat(l.value()).isEqualByComparingTo(broadleaf.values().get(l.code()));
        });
    }
}
