package org.gongjian.ecology.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Case D of the method digest: one broadleaf stand of 1 000 hm² valued with the LY/T 1721 defaults
 * (F = d = 1), service by service, to the published rounding; then the same with d = 1.5410 and F = 0.9.
 */
class CaseDTests {

    static Stands caseD() {
        return Stands.of("D-1", "chishui", "BROADLEAF_MIXED").set("area", "1000")
                .set("precipitation", "1800").set("evapotranspiration", "900").set("runoff", "100")
                .set("erosionWithForest", "2").set("erosionWithoutForest", "30").set("soilBulkDensity", "1.3")
                .set("soilN", "0.001").set("soilP", "0.0005").set("soilK", "0.015").set("soilOrganicMatter", "0.025")
                .set("npp", "10").set("soilCarbonAccumulation", "0.5")
                .set("treeN", "0.01").set("treeP", "0.001").set("treeK", "0.005")
                .set("ionConcentration", "2000").set("height", "15")
                .set("shannonIndex", "3.5");
    }

    static Requests caseDRequest(MethodProfile method) {
        return Requests.of(method, 2023, caseD().build())
                .services(Map.of(Service.ABSORB_HF, false, Service.ABSORB_NOX, false));
    }

    static BigDecimal value(GepResult r, String code) {
        return r.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow().value();
    }

    static GepResult.ServiceLine line(GepResult r, String code) {
        return r.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    static BigDecimal fen(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void every_service_of_case_d_matches_the_digest_to_the_fen() {
        GepResult r = caseDRequest(MethodProfile.LYT_1721_2008).evaluate();

        assertThat(line(r, "WATER_REGULATION").quantity()).isEqualByComparingTo("8000000");
        assertThat(line(r, "WATER_REGULATION").unit()).isEqualTo("m³");
        assertThat(fen(value(r, "WATER_REGULATION"))).isEqualByComparingTo("48885600.00");
        assertThat(fen(value(r, "WATER_PURIFICATION"))).isEqualByComparingTo("16720000.00");
        assertThat(line(r, "SOIL_FIXATION").quantity()).isEqualByComparingTo("28000");
        assertThat(fen(value(r, "SOIL_FIXATION"))).isEqualByComparingTo("271384.62");
        assertThat(line(r, "SOIL_FERTILITY").components()).extracting(GepResult.Component::quantity)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("28"), new BigDecimal("14"), new BigDecimal("420"), new BigDecimal("700"));
        assertThat(fen(value(r, "SOIL_FERTILITY"))).isEqualByComparingTo("2775850.77");
        assertThat(line(r, "CARBON_FIXATION").quantity()).isEqualByComparingTo("4945.01");
        assertThat(line(r, "CARBON_FIXATION").unit()).isEqualTo("t C");
        assertThat(fen(value(r, "CARBON_FIXATION"))).isEqualByComparingTo("5934012.00");
        assertThat(line(r, "OXYGEN_RELEASE").quantity()).isEqualByComparingTo("11900");
        assertThat(fen(value(r, "OXYGEN_RELEASE"))).isEqualByComparingTo("11900000.00");
        assertThat(line(r, "NUTRIENT_RETENTION").name()).isEqualTo("积累营养物质");
        assertThat(line(r, "NUTRIENT_RETENTION").components()).extracting(GepResult.Component::quantity)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), new BigDecimal("10"), new BigDecimal("50"));
        assertThat(fen(value(r, "NUTRIENT_RETENTION"))).isEqualByComparingTo("2094179.12");
        assertThat(line(r, "NEGATIVE_IONS").quantity()).isEqualByComparingTo("1.5768E22");
        assertThat(fen(value(r, "NEGATIVE_IONS"))).isEqualByComparingTo("64222.28");
        assertThat(line(r, "ABSORB_SO2").quantity()).isEqualByComparingTo("88.65");
        assertThat(fen(value(r, "ABSORB_SO2"))).isEqualByComparingTo("106380.00");
        assertThat(line(r, "DUST_TSP").name()).isEqualTo("滞尘");
        assertThat(line(r, "DUST_TSP").quantity()).isEqualByComparingTo("10110");
        assertThat(fen(value(r, "DUST_TSP"))).isEqualByComparingTo("1516500.00");
        assertThat(fen(value(r, "SPECIES_CONSERVATION"))).isEqualByComparingTo("20000000.00");
    }

    @Test
    void the_case_d_total_is_110_268_128_78_yuan_or_110_268_yuan_per_hectare() {
        GepResult r = caseDRequest(MethodProfile.LYT_1721_2008).evaluate();

        assertThat(fen(r.totals().total())).isEqualByComparingTo("110268128.78");
        assertThat(r.totals().perHectare().setScale(0, RoundingMode.HALF_UP)).isEqualByComparingTo("110268");
        assertThat(r.totals().area()).isEqualByComparingTo("1000");
        assertThat(r.notices()).noneMatch(n -> n.code().equals("per-hectare-outside-band"));
    }

    @Test
    void case_d_under_gbt_38582_with_f_1_and_no_adjustment_gives_the_same_values_and_warns_that_d_is_missing() {
        GepResult lyt = caseDRequest(MethodProfile.LYT_1721_2008).evaluate();
        GepResult gbt = caseDRequest(MethodProfile.GBT_38582_2020).evaluate();

        assertThat(gbt.totals().total()).isEqualByComparingTo(lyt.totals().total());
        assertThat(line(gbt, "NUTRIENT_RETENTION").name()).isEqualTo("林木养分固持");
        assertThat(gbt.notices()).anyMatch(n -> n.code().equals("gbt-without-d"));
    }

    @Test
    void with_d_1_5410_every_value_rises_by_d_and_with_f_0_9_every_physical_quantity_falls_by_a_tenth() {
        GepResult base = caseDRequest(MethodProfile.GBT_38582_2020).evaluate();
        GepResult plumbed = caseDRequest(MethodProfile.GBT_38582_2020)
                .adjustment(PriceAdjustment.factor(new BigDecimal("1.5410"))).f("0.9").evaluate();

        for (GepResult.ServiceLine l : base.lines()) {
            GepResult.ServiceLine p = line(plumbed, l.code());
            boolean biodiversity = l.code().equals("SPECIES_CONSERVATION");
            BigDecimal expectedValue = l.value().multiply(new BigDecimal("1.5410"))
                    .multiply(biodiversity ? BigDecimal.ONE : new BigDecimal("0.9"));
            assertThat(p.value()).as(l.code()).isCloseTo(expectedValue, org.assertj.core.data.Offset.offset(new BigDecimal("0.001")));
            if (!biodiversity) {
                assertThat(p.quantity()).as(l.code())
                        .isCloseTo(l.quantity().multiply(new BigDecimal("0.9")), org.assertj.core.data.Percentage.withPercentage(1e-9));
            }
        }
    }

    @Test
    void the_d_factor_for_2023_prices_of_2008_at_1_5_and_4_35_percent_is_1_5410() {
        BigDecimal d = Formulas.dFactor(new BigDecimal("0.015"), new BigDecimal("0.0435"), 2023, 2008);

        assertThat(d.setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("1.5410");
    }

    @Test
    void the_gbt_d_factor_brings_each_price_from_its_own_base_year() {
        GepResult r = caseDRequest(MethodProfile.GBT_38582_2020)
                .adjustment(PriceAdjustment.dFactor(new BigDecimal("0.015"), new BigDecimal("0.0435"))).evaluate();

        GepResult.ParameterUse reservoir = r.parameters().stream().filter(p -> p.code().equals("C_RESERVOIR")).findFirst()
                .orElseThrow();
        BigDecimal d2005 = Formulas.dFactor(new BigDecimal("0.015"), new BigDecimal("0.0435"), 2023, 2005);
        assertThat(reservoir.baseYear()).isEqualTo(2005);
        assertThat(reservoir.adjustment()).isEqualTo("D_FACTOR");
        assertThat(reservoir.factor()).isEqualByComparingTo(Num.out(d2005));
        assertThat(value(r, "WATER_REGULATION")).isCloseTo(new BigDecimal("48885600").multiply(d2005),
                org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
        assertThat(r.notices()).noneMatch(n -> n.code().equals("gbt-without-d"));
    }
}
