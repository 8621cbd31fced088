package org.gongjian.ecology.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties that hold for any stand, checked on generated inputs (a fixed seed, so a failure is
 * reproducible, plus the edges of each range): agreement with the exact decimal reference path,
 * linearity in area, neutrality of a factor of 1, and t C vs t CO₂ giving the same money. The engine
 * computes stands in double: figures agree with the exact path to the published six decimals plus
 * 10⁻¹² relative (a double's own error is about 10⁻¹⁵).
 */
class EnginePropertyTests {

    private static final long SEED = 20240823L;

    private static BigDecimal between(Random r, String min, String max, int scale) {
        BigDecimal lo = new BigDecimal(min);
        BigDecimal hi = new BigDecimal(max);
        return lo.add(hi.subtract(lo).multiply(BigDecimal.valueOf(r.nextDouble()))).setScale(scale, RoundingMode.HALF_UP);
    }

    static Stream<Arguments> areasAndFactors() {
        Random r = new Random(SEED);
        Stream<Arguments> edges = Stream.of(Arguments.of(new BigDecimal("0.01"), 2, new BigDecimal("1")),
                Arguments.of(new BigDecimal("100000"), 50, new BigDecimal("30")));
        return Stream.concat(edges, IntStream.range(0, 40).mapToObj(i -> Arguments.of(between(r, "0.01", "100000", 2),
                2 + r.nextInt(49), between(r, "1", "30", 3))));
    }

    static Stream<Arguments> areasAndRain() {
        Random r = new Random(SEED + 1);
        return IntStream.range(0, 30).mapToObj(i -> Arguments.of(between(r, "1", "5000", 1), between(r, "1200", "2600", 0)));
    }

    static Stream<Arguments> carbonPrices() {
        Random r = new Random(SEED + 2);
        return IntStream.range(0, 30).mapToObj(i -> Arguments.of(between(r, "0.5", "50000", 2), between(r, "1", "400", 2),
                r.nextBoolean()));
    }

    /** Relative agreement asked of the double path: a thousand times a double's rounding, far above any fen. */
    static final BigDecimal RELATIVE = new BigDecimal("1e-12");
    /** The published precision: six decimal places. */
    static final BigDecimal PUBLISHED = new BigDecimal("0.000001");

    private static void assertClose(BigDecimal actual, BigDecimal expected, BigDecimal absolute) {
        BigDecimal relative = expected.abs().multiply(RELATIVE);
        assertThat(actual.subtract(expected).abs()).isLessThanOrEqualTo(relative.add(absolute));
    }

    /** Stands of one town and forest type with every figure drawn from its range, F and scores included. */
    static Stream<Arguments> stands() {
        Random r = new Random(SEED + 3);
        return IntStream.range(0, 40).mapToObj(i -> {
            List<Stand> list = new java.util.ArrayList<>();
            int count = i == 0 ? 1 : 1 + r.nextInt(5);
            for (int k = 0; k < count; k++) {
                BigDecimal x1 = between(r, "0", "10", 2);
                list.add(CaseDTests.caseD().text("id", "P-" + i + "-" + k)
                        .set("area", (i == 1 ? between(r, "0.01", "0.02", 2) : between(r, "0.01", "100000", 2)).toPlainString())
                        .set("npp", between(r, "1", "30", 3).toPlainString())
                        .set("precipitation", between(r, "600", "2600", 1).toPlainString())
                        .set("erosionWithForest", x1.toPlainString())
                        .set("erosionWithoutForest", x1.add(between(r, "0", "60", 2)).toPlainString())
                        .set("ionConcentration", between(r, "200", "3000", 0).toPlainString())
                        .set("height", between(r, "3", "35", 1).toPlainString())
                        .set("shannonIndex", between(r, "0", "7.5", 2).toPlainString())
                        .set("soilCarbonAccumulation", between(r, "-0.5", "1.2", 3).toPlainString())
                        .set("endangeredScore", between(r, "0", "4", 0).toPlainString())
                        .set("correctionFactor", between(r, "0.5", "1.5", 4).toPlainString())
                        .build());
            }
            return Arguments.of(list);
        });
    }

    @org.junit.jupiter.api.Test
    void a_hundred_thousand_stands_of_a_hundredth_of_a_hectare_add_up_to_the_figures_of_1000_hectares() {
        // plain double sums would give 27,999.9999999684 t of soil and 1.57679999999643×10²² ions: the groups compensate
        Stand small = CaseDTests.caseD().set("area", "0.01").build();
        GepResult r = CaseDTests.caseDRequest(MethodProfile.LYT_1721_2008)
                .stands(java.util.Collections.nCopies(100_000, small)).evaluate();

        assertThat(r.area()).isEqualByComparingTo("1000");
        assertThat(r.forestTypes().get(0).area()).isEqualByComparingTo("1000");
        assertThat(CaseDTests.line(r, "SPECIES_CONSERVATION").quantity()).isEqualByComparingTo("1000");
        assertThat(CaseDTests.line(r, "SOIL_FIXATION").quantity()).isEqualByComparingTo("28000");
        assertThat(CaseDTests.line(r, "NEGATIVE_IONS").quantity()).isEqualByComparingTo("1.5768E22");
    }

    @ParameterizedTest
    @MethodSource("stands")
    void every_line_and_component_agrees_with_the_exact_reference_path(List<Stand> stands) {
        GepRequest request = CaseDTests.caseDRequest(MethodProfile.GBT_38582_2020).stands(stands)
                .adjustment(PriceAdjustment.dFactor(new BigDecimal("0.015"), new BigDecimal("0.0435"))).build();
        GepResult engine = GepEngine.standard().evaluate(request);
        Map<Service, Valuer.Valued> exact = ExactReference.evaluate(request);

        assertThat(engine.lines()).extracting(GepResult.ServiceLine::code)
                .containsExactlyInAnyOrderElementsOf(exact.keySet().stream().map(Service::name).toList());
        for (GepResult.ServiceLine l : engine.lines()) {
            Valuer.Valued x = exact.get(Service.valueOf(l.code()));
            assertClose(l.value(), x.value(), PUBLISHED);
            if (x.quantity() != null) {
                assertClose(l.quantity(), x.quantity(), PUBLISHED);
            }
            for (Valuer.Part p : x.parts()) {
                GepResult.Component c = l.components().stream().filter(k -> k.code().equals(p.code())).findFirst()
                        .orElseThrow();
                assertClose(c.quantity(), p.quantity(), PUBLISHED);
                assertClose(c.value(), p.value(), PUBLISHED);
            }
        }
    }

    private static Requests request(String area, String npp, String precipitation) {
        return CaseDTests.caseDRequest(MethodProfile.GBT_38582_2020).stands(List.of(CaseDTests.caseD()
                .set("area", area).set("npp", npp).set("precipitation", precipitation).build()));
    }

    @ParameterizedTest
    @MethodSource("areasAndFactors")
    void every_line_scales_linearly_with_the_area(BigDecimal area, int times, BigDecimal npp) {
        GepResult one = request(area.toPlainString(), npp.toPlainString(), "1800").evaluate();
        GepResult many = request(area.multiply(BigDecimal.valueOf(times)).toPlainString(), npp.toPlainString(), "1800")
                .evaluate();
        // results carry six decimals, so the rounding of the smaller account is multiplied too
        BigDecimal rounding = new BigDecimal("0.0000005").multiply(BigDecimal.valueOf(times + 1L));
        assertThat(one.lines()).isNotEmpty();
        for (GepResult.ServiceLine l : one.lines()) {
            GepResult.ServiceLine m = CaseDTests.line(many, l.code());
            assertClose(m.value(), l.value().multiply(BigDecimal.valueOf(times)), rounding);
            assertClose(m.quantity(), l.quantity().multiply(BigDecimal.valueOf(times)), rounding);
        }
        assertClose(many.totals().perHectare(), one.totals().perHectare(), new BigDecimal("0.000001"));
    }

    @ParameterizedTest
    @MethodSource("areasAndRain")
    void a_price_factor_of_one_changes_nothing(BigDecimal area, BigDecimal precipitation) {
        Requests base = request(area.toPlainString(), "10", precipitation.toPlainString());
        GepResult none = base.evaluate();
        GepResult factorOne = base.adjustment(PriceAdjustment.factor(BigDecimal.ONE)).evaluate();
        GepResult cpiFlat = base.adjustment(PriceAdjustment.cpi(Map.of(2003, BigDecimal.TEN, 2005, BigDecimal.TEN,
                2007, BigDecimal.TEN, 2008, BigDecimal.TEN, 2023, BigDecimal.TEN))).evaluate();
        GepResult fOne = base.f("1").evaluate();
        assertThat(factorOne.totals().total()).isEqualByComparingTo(none.totals().total());
        assertThat(cpiFlat.totals().total()).isEqualByComparingTo(none.totals().total());
        assertThat(fOne.totals().total()).isEqualByComparingTo(none.totals().total());
        for (GepResult.ServiceLine l : none.lines()) {
            assertThat(CaseDTests.line(factorOne, l.code()).value()).isEqualByComparingTo(l.value());
            assertThat(CaseDTests.line(fOne, l.code()).quantity()).isEqualByComparingTo(l.quantity());
        }
    }

    @ParameterizedTest
    @MethodSource("carbonPrices")
    void tonnes_of_carbon_and_tonnes_of_co2_give_the_same_money(BigDecimal area, BigDecimal price, boolean priceInCo2) {
        GepRequest.ParameterOverride carbonPrice = new GepRequest.ParameterOverride("C_CARBON", price,
                priceInCo2 ? "元/t CO₂" : "元/t C", 2023, "test", null);
        Requests base = request(area.toPlainString(), "12.5", "1800").parameters(carbonPrice);
        GepResult inC = base.carbonBasis("t C").evaluate();
        GepResult inCo2 = base.carbonBasis("t CO₂").evaluate();
        GepResult.ServiceLine c = CaseDTests.line(inC, "CARBON_FIXATION");
        GepResult.ServiceLine co2 = CaseDTests.line(inCo2, "CARBON_FIXATION");
        assertThat(c.unit()).isEqualTo("t C");
        assertThat(co2.unit()).isEqualTo("t CO₂");
        // both quantities are rounded to six decimals, the t C one before it is multiplied by 44/12
        assertClose(co2.quantity(), c.quantity().multiply(BigDecimal.valueOf(44)).divide(BigDecimal.valueOf(12), Num.MC),
                new BigDecimal("0.000003"));
        assertThat(co2.value()).isEqualByComparingTo(c.value());
    }
}
