package org.gongjian.ecology.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The digest's reference cases C (InVEST carbon), E (carbon sink), F (Ninghai) and the InVEST water-yield derivation. */
class ReferenceCaseTests {

    private static BigDecimal round(BigDecimal v, int places) {
        return v.setScale(places, RoundingMode.HALF_UP);
    }

    @Test
    void invest_valuation_constant_for_2010_to_2012_at_50_and_5_percent_and_price_50_is_40_87302() {
        BigDecimal c = InvestCarbon.valuationConstant(2010, 2012, new BigDecimal("50"), new BigDecimal("5"),
                new BigDecimal("50"));
        assertThat(round(c, 5)).isEqualByComparingTo("40.87302");
    }

    @Test
    void invest_full_run_npv_per_pixel_and_per_hectare_match_the_invest_tests() {
        BigDecimal c = InvestCarbon.valuationConstant(2016, 2030, new BigDecimal("-7.1"), new BigDecimal("2.8"),
                new BigDecimal("43"));
        assertThat(round(c, 5)).isEqualByComparingTo("59.00136");
        BigDecimal pixelHectares = new BigDecimal("0.0001");
        BigDecimal fut = InvestCarbon.netPresentValue(new BigDecimal("-58").multiply(pixelHectares), c);
        BigDecimal redd = InvestCarbon.netPresentValue(new BigDecimal("-78").multiply(pixelHectares), c);
        // InVEST's test compares float32 rasters to 7 places with a tolerance of 1e-6
        assertThat(fut).isCloseTo(new BigDecimal("-0.3422078"), org.assertj.core.data.Offset.offset(new BigDecimal("1e-6")));
        assertThat(redd).isCloseTo(new BigDecimal("-0.4602106"), org.assertj.core.data.Offset.offset(new BigDecimal("1e-6")));
        assertThat(round(InvestCarbon.netPresentValue(new BigDecimal("-58"), c), 2)).isEqualByComparingTo("-3422.08");
        assertThat(round(InvestCarbon.netPresentValue(new BigDecimal("-78"), c), 2)).isEqualByComparingTo("-4602.11");
    }

    @Test
    void invest_with_zero_rates_values_the_change_at_the_undiscounted_price() {
        BigDecimal c = InvestCarbon.valuationConstant(2016, 2030, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("43"));
        assertThat(round(InvestCarbon.netPresentValue(new BigDecimal("-0.0058"), c), 4)).isEqualByComparingTo("-0.2494");
        assertThat(round(InvestCarbon.netPresentValue(new BigDecimal("-0.0078"), c), 4)).isEqualByComparingTo("-0.3354");
    }

    @Test
    void invest_annual_water_yield_for_1800_mm_rain_gives_1140_293_mm() {
        AnnualWaterYield.Result r = AnnualWaterYield.compute(1800, 1100, 1.0, 3000, 1000, 0.15, 5, true);
        assertThat(r.omega()).isCloseTo(1.666667, within(1e-6));
        assertThat(r.aetOverP()).isCloseTo(0.366504, within(1e-6));
        assertThat(r.phi()).isCloseTo(0.611111, within(1e-6));
        assertThat(r.fractp()).isCloseTo(0.366504, within(1e-6));
        assertThat(r.aet()).isCloseTo(659.707, within(1e-3));
        assertThat(r.waterYield()).isCloseTo(1140.293, within(1e-3));
    }

    @Test
    void invest_water_yield_caps_omega_at_5_and_uses_kc_eto_for_non_vegetation() {
        AnnualWaterYield.Result deep = AnnualWaterYield.compute(500, 1100, 1.0, 10_000, 10_000, 0.5, 30, true);
        assertThat(deep.omega()).isEqualTo(5.0);
        AnnualWaterYield.Result water = AnnualWaterYield.compute(1800, 1100, 0.5, 0, 0, 0, 5, false);
        assertThat(water.aet()).isCloseTo(550, within(1e-9));
        assertThat(water.waterYield()).isCloseTo(1250, within(1e-9));
    }

    @Test
    void chinese_fir_from_80_to_95_cubic_metres_over_5_years_sinks_97_506_t_c_or_357_523_t_co2_a_year() {
        GepRequest.CarbonSinkRequest sink = new GepRequest.CarbonSinkRequest(GepRequest.CarbonMethod.STOCK_DIFFERENCE,
                2018, 2023, null, null, List.of(new GepRequest.CarbonPrice(GepRequest.CarbonMarket.CCER,
                        new BigDecimal("80"), "元/t CO₂", 2024, "test")), null);
        GepResult r = Requests.of(MethodProfile.LYT_1721_2008, 2023,
                        CaseDTests.caseD().text("forestType", "CHINESE_FIR").set("area", "100")
                                .set("previousVolume", "80").set("volume", "95").build())
                .carbon(sink).evaluate();

        assertThat(round(r.carbonSink().tonnesC(), 3)).isEqualByComparingTo("97.506");
        assertThat(round(r.carbonSink().tonnesCo2(), 3)).isEqualByComparingTo("357.523");
        GepResult.GroupSink fir = r.carbonSink().groups().get(0);
        assertThat(fir.speciesGroup()).isEqualTo("CHINESE_FIR");
        assertThat(fir.ipccFallback()).isFalse();
        assertThat(round(r.carbonSink().value(), 2)).isEqualByComparingTo(
                round(r.carbonSink().tonnesCo2().multiply(new BigDecimal("80")), 2));
        assertThat(r.lines()).noneMatch(l -> l.value().compareTo(r.carbonSink().value()) == 0);
    }

    @Test
    void a_million_cubic_metres_of_broadleaf_at_guangdong_2015_rates_sinks_67_343_27_t_co2_a_year() {
        GepRequest.CarbonSinkRequest sink = new GepRequest.CarbonSinkRequest(GepRequest.CarbonMethod.GROWTH_CONSUMPTION,
                null, null, List.of(new GepRequest.Stock("jinji", "BROADLEAF_MIXED", new BigDecimal("1000000"),
                        new BigDecimal("0.0961"), new BigDecimal("0.0554"))),
                null, List.of(new GepRequest.CarbonPrice(GepRequest.CarbonMarket.ETS, new BigDecimal("68.15"),
                        "元/t CO₂", 2023, "test")), null);
        GepResult r = Requests.of(MethodProfile.GBT_38582_2020, 2023).carbon(sink).evaluate();

        assertThat(r.carbonSink().tonnesCo2()).isCloseTo(new BigDecimal("67343.27"),
                org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
    }

    @Test
    void ninghai_2018_gep_of_1259_03_yi_with_670_59_regulating_realises_588_44_yi_or_46_74_percent() {
        BigDecimal gep = new BigDecimal("1259.03");
        BigDecimal regulating = new BigDecimal("670.59");

        assertThat(Conversion.realisableValue(gep, regulating)).isEqualByComparingTo("588.44");
        assertThat(round(Conversion.realisableShare(gep, regulating).multiply(BigDecimal.valueOf(100)), 2))
                .isEqualByComparingTo("46.74");
        assertThat(round(Num.div(regulating, gep).multiply(BigDecimal.valueOf(100)), 2)).isEqualByComparingTo("53.26");
    }
}
