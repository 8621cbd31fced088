package org.gongjian.ecology.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GEP profiles: model quantities from outside, double-counting switches, soil retention, water balance. */
class GepFamilyTests {

    private static final GepRequest.Town CHISHUI = new GepRequest.Town("chishui", "赤水镇", new BigDecimal("1000"),
            Stands.defaults().set("soilBulkDensity", "1.3").set("soilN", "0.001").set("soilP", "0.0005").build());

    private static Requests modelled() {
        return Requests.of(MethodProfile.NDRC_GEP_2022, 2023).towns(CHISHUI).quantities(
                new GepRequest.PhysicalQuantity(Service.WATER_RETENTION, "chishui", null, null, new BigDecimal("800"),
                        "万m³", "InVEST AWY"),
                new GepRequest.PhysicalQuantity(Service.SOIL_RETENTION, "chishui", null, null, new BigDecimal("28000"),
                        "t", "InVEST SDR rkls−usle"),
                new GepRequest.PhysicalQuantity(Service.CARBON_FIXATION, "chishui", null, null, new BigDecimal("16300"),
                        "t CO₂", "CASA NPP"),
                new GepRequest.PhysicalQuantity(Service.WATER_QUALITY, "chishui", null, "COD", new BigDecimal("120"), "t",
                        "load model"),
                new GepRequest.PhysicalQuantity(Service.CLIMATE_REGULATION, "chishui", null, null, new BigDecimal("5"),
                        "万kWh", "ET energy"),
                new GepRequest.PhysicalQuantity(Service.PEST_CONTROL, "chishui", null, null, new BigDecimal("200"), "hm²",
                        "survey"))
                .values(new GepRequest.ExternalValue(Service.FOREST_PRODUCTS, "chishui", "木材", new BigDecimal("1000"), "m³",
                        new BigDecimal("800"), null, null, "统计年报"),
                        new GepRequest.ExternalValue(Service.RECREATION, "chishui", "森林旅游收入", null, null, null,
                                new BigDecimal("0.5"), new BigDecimal("2000000"), "文旅局"));
    }

    @Test
    void externally_modelled_quantities_are_valued_at_the_gep_prices_in_their_own_units() {
        GepResult r = modelled().evaluate();

        assertThat(CaseDTests.line(r, "WATER_RETENTION").quantity()).isEqualByComparingTo("8000000");
        assertThat(CaseDTests.value(r, "WATER_RETENTION")).isEqualByComparingTo("48885600");
        assertThat(CaseDTests.line(r, "WATER_RETENTION").quantitySource()).isEqualTo("EXTERNAL_MODEL");
        assertThat(CaseDTests.value(r, "CARBON_FIXATION")).isEqualByComparingTo(new BigDecimal("16300").multiply(new BigDecimal("68.15")));
        assertThat(CaseDTests.line(r, "CARBON_FIXATION").unit()).isEqualTo("t CO₂");
        assertThat(CaseDTests.value(r, "WATER_QUALITY")).isEqualByComparingTo("84000");
        assertThat(CaseDTests.value(r, "CLIMATE_REGULATION")).isEqualByComparingTo("26500");
        assertThat(CaseDTests.value(r, "PEST_CONTROL")).isEqualByComparingTo("75000");
        assertThat(CaseDTests.value(r, "FOREST_PRODUCTS")).isEqualByComparingTo("800000");
        assertThat(CaseDTests.value(r, "RECREATION")).isEqualByComparingTo("1000000");
        assertThat(r.totals().byCategory()).extracting(GepResult.Total::code)
                .containsExactly("PROVISIONING", "REGULATING", "CULTURAL");
        assertThat(r.area()).isEqualByComparingTo("1000");
        assertThat(r.notAssessed()).extracting(GepResult.NotAssessed::code).contains("FLOOD_REGULATION", "SAND_FIXATION");
    }

    @Test
    void soil_retention_is_avoided_sedimentation_plus_avoided_nitrogen_and_phosphorus_loss() {
        GepResult.ServiceLine soil = CaseDTests.line(modelled().evaluate(), "SOIL_RETENTION");
        BigDecimal sediment = new BigDecimal("0.24").multiply(new BigDecimal("28000")).divide(new BigDecimal("1.3"), Num.MC)
                .multiply(new BigDecimal("15.58"));
        BigDecimal nitrogen = new BigDecimal("28").multiply(new BigDecimal("875"));
        BigDecimal phosphorus = new BigDecimal("14").multiply(new BigDecimal("2800"));

        assertThat(soil.components()).extracting(GepResult.Component::code).containsExactly("SEDIMENT", "N", "P");
        assertThat(soil.value()).isCloseTo(sediment.add(nitrogen).add(phosphorus),
                org.assertj.core.data.Offset.offset(new BigDecimal("0.000001")));
    }

    @Test
    void the_gep_profiles_leave_out_supporting_services_and_volume_based_purification_unless_told_otherwise() {
        GepResult r = modelled().evaluate();
        assertThat(r.switches()).filteredOn(s -> s.code().equals("SUPPORTING_SERVICES")).singleElement()
                .satisfies(s -> assertThat(s.on()).isFalse());
        GepResult lyt = CaseDTests.caseDRequest(MethodProfile.LYT_1721_2008)
                .switches(Map.of(Switch.SUPPORTING_SERVICES, false, Switch.OXYGEN_RELEASE, false)).evaluate();
        assertThat(lyt.lines()).extracting(GepResult.ServiceLine::code)
                .doesNotContain("SOIL_FERTILITY", "NUTRIENT_RETENTION", "OXYGEN_RELEASE");
        assertThat(lyt.notAssessed()).extracting(GepResult.NotAssessed::reason)
                .contains("switch-off:SUPPORTING_SERVICES", "switch-off:OXYGEN_RELEASE");
        assertThat(lyt.switches()).filteredOn(GepResult.SwitchState::overridden).hasSize(2);
    }

    @Test
    void gep_stands_without_evapotranspiration_use_invest_water_yield_and_the_runoff_coefficient() {
        Stand stand = Stands.of("S-1", "jinji", "BROADLEAF_MIXED").set("area", "10").set("precipitation", "1800")
                .set("eto", "1100").set("kc", "1").set("rootDepth", "3000").set("soilDepth", "1000").set("pawc", "0.15")
                .set("erosionWithForest", "2").set("erosionWithoutForest", "30").set("soilBulkDensity", "1.3")
                .set("soilN", "0.001").set("soilP", "0.0005").set("npp", "10").build();
        GepResult r = Requests.of(MethodProfile.MEE_GEP_2020, 2023, stand)
                .parameters(new GepRequest.ParameterOverride("SEASONALITY_Z", new BigDecimal("5"), "1", null, "率定", null))
                .evaluate();
        // (P − P·α − AET)·10·A with α = 2.67 % for broadleaf and AET = 659.707 mm
        BigDecimal expected = new BigDecimal("1800").subtract(new BigDecimal("48.06")).subtract(new BigDecimal("659.707"))
                .multiply(new BigDecimal("100"));
        assertThat(CaseDTests.line(r, "WATER_RETENTION").quantity()).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(new BigDecimal("0.1")));
        assertThat(r.notices()).extracting(GepResult.Notice::code)
                .contains("et-from-invest-awy", "runoff-from-coefficient");
    }

    @Test
    void a_per_hectare_value_outside_the_plausible_band_is_a_warning_not_an_error() {
        GepResult r = Requests.of(MethodProfile.NDRC_GEP_2022, 2023).towns(CHISHUI).values(new GepRequest.ExternalValue(
                Service.FOREST_PRODUCTS, "chishui", "木材", null, null, null, null, new BigDecimal("1000"), "x")).evaluate();
        assertThat(r.notices()).anySatisfy(n -> {
            assertThat(n.level()).isEqualTo("WARNING");
            assertThat(n.code()).isEqualTo("per-hectare-outside-band");
        });
    }

    @Test
    void the_engine_depends_on_nothing_but_the_jdk() {
        ArchRuleDefinition.classes().that().resideInAPackage("org.gongjian.ecology.engine")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.gongjian.ecology.engine..", "java..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.gongjian.ecology.engine"));
        assertThat(List.of(GepEngine.class.getPackageName())).containsExactly("org.gongjian.ecology.engine");
    }
}
