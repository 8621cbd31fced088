package org.gongjian.ecology.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The known bugs of the public LY/T 1721 implementation (debug-LiXiwen/lyzy, stxtCalculate and
 * thjzCalculate), each recomputed here as that code does it on case D, and shown not to be repeated.
 */
class PublicImplementationBugTests {

    private final GepResult caseD = CaseDTests.caseDRequest(MethodProfile.LYT_1721_2008).evaluate();

    @Test
    void oxygen_release_uses_1_19_t_per_t_of_dry_matter_not_the_1_91_of_gy() {
        BigDecimal buggy = new BigDecimal("1.91").multiply(new BigDecimal("1000")).multiply(BigDecimal.TEN);
        GepResult.ServiceLine oxygen = CaseDTests.line(caseD, "OXYGEN_RELEASE");

        assertThat(oxygen.quantity()).isNotEqualByComparingTo(buggy).isEqualByComparingTo("11900");
    }

    @Test
    void negative_ions_are_divided_by_their_lifetime_unlike_gflz_and_uflz() {
        BigDecimal buggyCount = new BigDecimal("5.256E15").multiply(new BigDecimal("2000")).multiply(new BigDecimal("1000"))
                .multiply(new BigDecimal("15"));
        BigDecimal buggyValue = new BigDecimal("5.256E15").multiply(new BigDecimal("1000")).multiply(new BigDecimal("15"))
                .multiply(new BigDecimal("5.8185E-18")).multiply(new BigDecimal("1400"));
        GepResult.ServiceLine ions = CaseDTests.line(caseD, "NEGATIVE_IONS");

        assertThat(ions.quantity()).isNotEqualByComparingTo(buggyCount).isEqualByComparingTo("1.5768E22");
        assertThat(ions.value()).isNotEqualByComparingTo(buggyValue);
        assertThat(CaseDTests.fen(ions.value())).isEqualByComparingTo("64222.28");
    }

    @Test
    void soil_fixation_has_no_factor_10_and_its_value_divides_by_bulk_density_unlike_ggt_and_ugt() {
        BigDecimal buggyTonnes = BigDecimal.TEN.multiply(new BigDecimal("1000")).multiply(new BigDecimal("28"));
        BigDecimal buggyValue = new BigDecimal("1000").multiply(new BigDecimal("12.6")).multiply(new BigDecimal("28"));
        GepResult.ServiceLine soil = CaseDTests.line(caseD, "SOIL_FIXATION");

        assertThat(soil.quantity()).isNotEqualByComparingTo(buggyTonnes).isEqualByComparingTo("28000");
        assertThat(CaseDTests.fen(soil.value())).isNotEqualByComparingTo(buggyValue).isEqualByComparingTo("271384.62");
    }

    @Test
    void carbon_is_valued_at_the_carbon_price_not_at_the_earth_moving_cost_of_utan() {
        BigDecimal buggy = new BigDecimal("4945.01").multiply(new BigDecimal("12.6"));
        GepResult.ServiceLine carbon = CaseDTests.line(caseD, "CARBON_FIXATION");

        assertThat(carbon.value()).isNotEqualByComparingTo(buggy);
        assertThat(carbon.parameters()).contains("C_CARBON").doesNotContain("C_EARTH");
        assertThat(CaseDTests.fen(carbon.value())).isEqualByComparingTo("5934012.00");
    }

    @Test
    void potassium_retained_by_trees_is_valued_at_the_potassium_chloride_price_not_the_organic_matter_price_of_uyy() {
        GepResult.Component potassium = CaseDTests.line(caseD, "NUTRIENT_RETENTION").components().stream()
                .filter(c -> c.code().equals("K")).findFirst().orElseThrow();
        BigDecimal buggy = new BigDecimal("50").multiply(new BigDecimal("320")).divide(new BigDecimal("0.5"));

        assertThat(potassium.value()).isNotEqualByComparingTo(buggy).isEqualByComparingTo("220000");
    }

    @Test
    void the_inventory_carbon_stock_includes_the_roots_unlike_thjz_r() {
        GepRequest.CarbonSinkRequest sink = new GepRequest.CarbonSinkRequest(GepRequest.CarbonMethod.GROWTH_CONSUMPTION,
                null, null, List.of(new GepRequest.Stock("jinji", "BROADLEAF_MIXED", new BigDecimal("1000000"),
                        new BigDecimal("0.0961"), new BigDecimal("0.0554"))), null,
                List.of(new GepRequest.CarbonPrice(GepRequest.CarbonMarket.ETS, BigDecimal.ONE, "元/t CO₂", 2023, "t")), null);
        GepResult r = Requests.of(MethodProfile.LYT_1721_2008, 2023).carbon(sink).evaluate();
        BigDecimal withoutRoots = new BigDecimal("40700").multiply(new BigDecimal("0.482")).multiply(new BigDecimal("1.514"))
                .multiply(new BigDecimal("0.490"));

        assertThat(r.carbonSink().tonnesC()).isGreaterThan(withoutRoots);
        assertThat(r.carbonSink().tonnesC()).isCloseTo(withoutRoots.multiply(new BigDecimal("1.262")),
                org.assertj.core.data.Offset.offset(new BigDecimal("0.001")));
    }
}
