package org.gongjian.ecology.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The carbon sink variants, the IPCC fallback, and the sink kept out of GEP. */
class CarbonSinkTests {

    private static final List<GepRequest.CarbonPrice> PRICES = List.of(
            new GepRequest.CarbonPrice(GepRequest.CarbonMarket.ETS, new BigDecimal("97"), "元/t CO₂", 2024, "ETS"),
            new GepRequest.CarbonPrice(GepRequest.CarbonMarket.CCER, new BigDecimal("80"), "元/t CO₂", 2024, "CCER"),
            new GepRequest.CarbonPrice(GepRequest.CarbonMarket.CARBON_INCLUSION, new BigDecimal("91.6667"), "元/t C", 2024,
                    "碳普惠"));

    private static BigDecimal perCubicMetreC(String svd, String bef, String r, String cf) {
        return new BigDecimal(svd).multiply(new BigDecimal(bef)).multiply(BigDecimal.ONE.add(new BigDecimal(r)))
                .multiply(new BigDecimal(cf));
    }

    @Test
    void gain_loss_is_the_stands_growth_less_harvest_fuelwood_and_disturbance() {
        Stand fir = CaseDTests.caseD().text("forestType", "CHINESE_FIR").set("area", "100").set("volumeIncrement", "6")
                .set("volume", "90").build();
        GepRequest.Loss loss = new GepRequest.Loss("chishui", "CHINESE_FIR", new BigDecimal("200"), new BigDecimal("10"),
                new BigDecimal("5"), new BigDecimal("2"), new BigDecimal("50"), new BigDecimal("0.5"));
        GepResult r = Requests.of(MethodProfile.LYT_1721_2008, 2023, fir).carbon(new GepRequest.CarbonSinkRequest(
                GepRequest.CarbonMethod.GAIN_LOSS, null, null, null, List.of(loss), PRICES, "CCER")).evaluate();

        BigDecimal perM3 = perCubicMetreC("0.307", "1.634", "0.246", "0.520");
        BigDecimal gain = new BigDecimal("600").multiply(perM3);
        BigDecimal bcef = new BigDecimal("0.307").multiply(new BigDecimal("1.634"));
        BigDecimal harvestAndTrees = new BigDecimal("210").multiply(bcef).multiply(new BigDecimal("1.246"));
        BigDecimal parts = new BigDecimal("5").multiply(new BigDecimal("0.307"));
        BigDecimal disturbance = new BigDecimal("2").multiply(new BigDecimal("50")).multiply(new BigDecimal("1.246"))
                .multiply(new BigDecimal("0.5"));
        BigDecimal loss_ = harvestAndTrees.add(parts).add(disturbance).multiply(new BigDecimal("0.520"));

        assertThat(r.carbonSink().tonnesC()).isCloseTo(gain.subtract(loss_), Offset.offset(new BigDecimal("0.000001")));
        assertThat(r.carbonSink().methodName()).contains("增量");
    }

    @Test
    void a_group_without_local_parameters_falls_back_to_ipcc_and_says_so() {
        Stand mixed = CaseDTests.caseD().text("forestType", "CONIFER_MIXED").set("area", "10")
                .set("previousVolume", "50").set("volume", "60").build();
        GepResult r = Requests.of(MethodProfile.LYT_1721_2008, 2023, mixed).carbon(new GepRequest.CarbonSinkRequest(
                GepRequest.CarbonMethod.STOCK_DIFFERENCE, 2018, 2023, null, null, PRICES, null)).evaluate();

        GepResult.GroupSink g = r.carbonSink().groups().get(0);
        assertThat(g.ipccFallback()).isTrue();
        assertThat(g.carbonFraction()).isEqualByComparingTo("0.47");
        assertThat(g.bcef()).isEqualByComparingTo("1.0");
        // (60 − 50) m³/hm² × 10 hm² × BCEF 1.0 × (1 + 0.20) × 0.47 over 5 years
        assertThat(r.carbonSink().tonnesC()).isEqualByComparingTo("11.28");
        assertThat(r.notices()).anyMatch(n -> n.code().equals("carbon-ipcc-fallback"));
    }

    @Test
    void the_sink_is_valued_at_every_price_the_chosen_one_is_the_headline_and_gep_does_not_include_it() {
        Stand fir = CaseDTests.caseD().text("forestType", "CHINESE_FIR").set("area", "100").set("previousVolume", "80")
                .set("volume", "95").build();
        GepResult without = Requests.of(MethodProfile.LYT_1721_2008, 2023, fir).evaluate();
        GepResult with = Requests.of(MethodProfile.LYT_1721_2008, 2023, fir).carbon(new GepRequest.CarbonSinkRequest(
                GepRequest.CarbonMethod.STOCK_DIFFERENCE, 2018, 2023, null, null, PRICES, "ETS")).evaluate();

        assertThat(with.totals().total()).isEqualByComparingTo(without.totals().total());
        assertThat(with.carbonSink().valuations()).extracting(GepResult.Valuation::label)
                .containsExactly("ETS", "CCER", "CARBON_INCLUSION");
        BigDecimal co2 = with.carbonSink().tonnesCo2();
        assertThat(with.carbonSink().value()).isCloseTo(co2.multiply(new BigDecimal("97")), Offset.offset(new BigDecimal("0.0001")));
        // 91.6667 元/t C is 25 元/t CO₂: priced per t C, the same sink is worth the same money
        assertThat(with.carbonSink().valuations().get(2).value())
                .isCloseTo(with.carbonSink().tonnesC().multiply(new BigDecimal("91.6667")), Offset.offset(new BigDecimal("0.001")));
    }

    @Test
    void growth_consumption_needs_local_parameters_for_its_species_group() {
        GepRequest.CarbonSinkRequest sink = new GepRequest.CarbonSinkRequest(GepRequest.CarbonMethod.GROWTH_CONSUMPTION,
                null, null, List.of(new GepRequest.Stock("jinji", "OTHER_BROADLEAF", new BigDecimal("1000"),
                        new BigDecimal("0.09"), new BigDecimal("0.05"))), null, PRICES, null);
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> Requests.of(MethodProfile.GBT_38582_2020, 2023).carbon(sink).evaluate());
        assertThat(e.problems()).extracting(InvalidRequestException.Problem::code)
                .containsExactly("species-group-without-parameters");
        GepResult supplied = Requests.of(MethodProfile.GBT_38582_2020, 2023).carbon(sink)
                .groups(new GepRequest.SpeciesGroupOverride("OTHER_BROADLEAF", new BigDecimal("0.5"), new BigDecimal("1.5"),
                        new BigDecimal("0.25"), new BigDecimal("0.5"), "省清单"))
                .evaluate();
        assertThat(supplied.carbonSink().tonnesC()).isEqualByComparingTo("18.75");
        assertThat(supplied.carbonSink().groups().get(0).status()).isEqualTo("S");
    }
}
