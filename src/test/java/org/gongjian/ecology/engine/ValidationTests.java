package org.gongjian.ecology.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests the engine refuses, each problem named by its field. */
class ValidationTests {

    private static List<InvalidRequestException.Problem> problems(Requests r) {
        return catchThrowableOfType(InvalidRequestException.class, r::evaluate).problems();
    }

    private static Requests caseD(Stand... stands) {
        return CaseDTests.caseDRequest(MethodProfile.LYT_1721_2008).stands(List.of(stands));
    }

    @Test
    void a_negative_area_is_refused_with_the_stands_field() {
        List<InvalidRequestException.Problem> p = problems(caseD(CaseDTests.caseD().set("area", "-3").build()));
        assertThat(p).extracting(InvalidRequestException.Problem::field, InvalidRequestException.Problem::code)
                .contains(org.assertj.core.groups.Tuple.tuple("stands[0].area", "negative-area"));
    }

    @Test
    void a_figure_too_large_to_compute_in_double_is_refused_with_the_stands_field() {
        List<InvalidRequestException.Problem> p = problems(caseD(CaseDTests.caseD().set("area", "1e400").build(),
                CaseDTests.caseD().set("height", "-2e15").build()));
        assertThat(p).extracting(InvalidRequestException.Problem::field, InvalidRequestException.Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stands[0].area", "beyond-range"),
                        org.assertj.core.groups.Tuple.tuple("stands[1].height", "beyond-range"));
    }

    @Test
    void an_unknown_forest_type_and_an_unknown_species_group_are_refused() {
        GepRequest.CarbonSinkRequest sink = new GepRequest.CarbonSinkRequest(GepRequest.CarbonMethod.STOCK_DIFFERENCE,
                2018, 2023, null, null, List.of(new GepRequest.CarbonPrice(GepRequest.CarbonMarket.CCER, BigDecimal.TEN,
                        "元/t CO₂", 2024, "t")), null);
        List<InvalidRequestException.Problem> p = problems(caseD(
                CaseDTests.caseD().text("forestType", "杉术").build(),
                CaseDTests.caseD().text("speciesGroup", "NO_SUCH_GROUP").set("volume", "90").set("previousVolume", "80").build())
                .carbon(sink));
        assertThat(p).extracting(InvalidRequestException.Problem::field, InvalidRequestException.Problem::code).contains(
                org.assertj.core.groups.Tuple.tuple("stands[0].forestType", "unknown-forest-type"),
                org.assertj.core.groups.Tuple.tuple("stands[1].speciesGroup", "unknown-species-group"));
    }

    @Test
    void a_missing_stand_figure_names_the_stand_and_the_field() {
        List<InvalidRequestException.Problem> p = problems(caseD(CaseDTests.caseD().set("precipitation", null).build()));
        assertThat(p).anySatisfy(x -> {
            assertThat(x.field()).isEqualTo("stands[0].precipitation");
            assertThat(x.code()).isEqualTo("missing-stand-field");
            assertThat(x.args()).contains("降水量", "D-1");
        });
    }

    @Test
    void a_price_without_default_is_a_missing_parameter_when_its_service_is_switched_on() {
        List<InvalidRequestException.Problem> p = problems(Requests.of(MethodProfile.GBT_38582_2020, 2023,
                CaseDTests.caseD().set("pm10Retention", "0.02").set("washoffEvents", "40").set("lai", "4").build())
                .services(Map.of(Service.DUST_PM10, true)));
        assertThat(p).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo("missing-parameter");
            assertThat(x.args()).contains("C_PM10");
        });
    }

    @Test
    void units_of_the_wrong_dimension_are_refused_in_columns_parameters_quantities_and_carbon_prices() {
        List<InvalidRequestException.Problem> columns = problems(caseD(CaseDTests.caseD().build())
                .columnUnits(Map.of("area", "m³", "precipitation", "furlong")));
        assertThat(columns).extracting(InvalidRequestException.Problem::field, InvalidRequestException.Problem::code)
                .contains(org.assertj.core.groups.Tuple.tuple("columnUnits.area", "unit-mismatch"),
                        org.assertj.core.groups.Tuple.tuple("columnUnits.precipitation", "unknown-unit"));

        List<InvalidRequestException.Problem> params = problems(caseD(CaseDTests.caseD().build()).parameters(
                new GepRequest.ParameterOverride("C_RESERVOIR", new BigDecimal("7"), "元/t", 2020, "x", null)));
        assertThat(params).extracting(InvalidRequestException.Problem::field).contains("parameters[0].unit");

        List<InvalidRequestException.Problem> quantities = problems(Requests.of(MethodProfile.NDRC_GEP_2022, 2023)
                .quantities(new GepRequest.PhysicalQuantity(Service.WATER_RETENTION, "chishui", null, null,
                        new BigDecimal("1000"), "t", "InVEST")));
        assertThat(quantities).extracting(InvalidRequestException.Problem::field).contains("physicalQuantities[0].unit");

        GepRequest.CarbonSinkRequest sink = new GepRequest.CarbonSinkRequest(GepRequest.CarbonMethod.STOCK_DIFFERENCE,
                2018, 2023, null, null, List.of(new GepRequest.CarbonPrice(GepRequest.CarbonMarket.ETS, BigDecimal.TEN,
                        "元/m³", 2024, "t")), null);
        assertThat(problems(caseD(CaseDTests.caseD().build()).carbon(sink)))
                .extracting(InvalidRequestException.Problem::field).contains("carbonSink.prices[0].unit");
    }

    @Test
    void columns_in_mu_and_t_per_square_kilometre_are_converted_and_give_the_same_account() {
        GepResult hectares = CaseDTests.caseDRequest(MethodProfile.LYT_1721_2008).evaluate();
        GepResult mu = caseD(CaseDTests.caseD().set("area", "15000").set("erosionWithForest", "200")
                .set("erosionWithoutForest", "3000").build())
                .columnUnits(Map.of("area", "亩", "erosionWithForest", "t/(km²·a)", "erosionWithoutForest", "t/km2/a"))
                .evaluate();
        assertThat(mu.totals().total()).isEqualByComparingTo(hectares.totals().total());
        assertThat(mu.area()).isEqualByComparingTo("1000");
    }

    @Test
    void ly_t_1721_refuses_a_correction_factor_and_the_d_factor() {
        List<InvalidRequestException.Problem> p = problems(caseD(CaseDTests.caseD().build()).f("0.9")
                .adjustment(PriceAdjustment.dFactor(new BigDecimal("0.015"), new BigDecimal("0.0435"))));
        assertThat(p).extracting(InvalidRequestException.Problem::code)
                .contains("f-not-in-profile", "d-factor-not-in-profile");
    }

    @Test
    void a_cpi_adjustment_needs_an_index_for_every_price_year() {
        List<InvalidRequestException.Problem> p = problems(caseD(CaseDTests.caseD().build())
                .adjustment(PriceAdjustment.cpi(Map.of(2023, new BigDecimal("120"), 2007, new BigDecimal("100")))));
        assertThat(p).filteredOn(x -> x.code().equals("missing-cpi-year")).extracting(x -> x.args().get(0))
                .contains("2003", "2005", "2008");
    }

    @Test
    void a_hundred_thousand_bad_stands_give_a_hundred_problems_and_a_count_of_the_rest() {
        List<Stand> bad = new ArrayList<>();
        Stand s = CaseDTests.caseD().set("area", "-1").build();
        for (int i = 0; i < 500; i++) {
            bad.add(s);
        }
        List<InvalidRequestException.Problem> p = problems(caseD().stands(bad));
        assertThat(p).hasSize(Problems.LIMIT + 1);
        assertThat(p.get(Problems.LIMIT).code()).isEqualTo("more-problems");
    }

    @Test
    void external_quantities_belong_to_the_gep_profiles_only() {
        assertThatThrownBy(() -> caseD(CaseDTests.caseD().build()).quantities(new GepRequest.PhysicalQuantity(
                Service.WATER_RETENTION, "chishui", null, null, BigDecimal.ONE, "m³", "x")).evaluate())
                .isInstanceOf(InvalidRequestException.class);
    }
}
