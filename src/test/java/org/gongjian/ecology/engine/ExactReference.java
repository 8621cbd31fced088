package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The exact reference path of the property tests: a request's stands computed as the engine computed
 * them before it moved to double (every product exact, every quotient at 34 digits, sums exact), then
 * valued by the engine's own {@link Valuer}. It covers the forest standards' stand services with
 * figures given on the stand, in the forest type's table, in the town's or the site's defaults; a
 * request outside that is refused rather than half checked.
 */
final class ExactReference {

    private static final BigDecimal ION_CONSTANT = new BigDecimal("5.256E15");
    private static final BigDecimal TENTH = new BigDecimal("0.1");

    private final Plan plan;
    private final Map<Slot, BigDecimal> sums = new EnumMap<>(Slot.class);

    private ExactReference(GepRequest req) {
        Problems problems = new Problems();
        this.plan = new Plan(ReferenceData.standard(), req, problems);
        problems.throwIfAny();
        if (plan.profile.family() != MethodProfile.Family.FOREST || given(req.physicalQuantities())
                || given(req.externalValues()) || (req.columnUnits() != null && !req.columnUnits().isEmpty())) {
            throw new UnsupportedOperationException("the exact reference covers stands under the forest standards only");
        }
    }

    /** Every stand service the request evaluates, valued from the exact sums of its stands. */
    static Map<Service, Valuer.Valued> evaluate(GepRequest req) {
        ExactReference r = new ExactReference(req);
        req.stands().forEach(r::add);
        Valuer valuer = new Valuer(r.plan);
        Map<Service, Valuer.Valued> lines = new EnumMap<>(Service.class);
        for (Service s : r.plan.services) {
            if (s.source() == Service.Source.VALUE || s.source() == Service.Source.MODEL) {
                continue;   // given by the request, never by stands; the reference refuses such requests
            }
            lines.put(s, valuer.value(s, slot -> r.sums.getOrDefault(slot, BigDecimal.ZERO)));
        }
        return lines;
    }

    private void add(Slot slot, BigDecimal amount) {
        sums.merge(slot, amount, BigDecimal::add);
    }

    private void add(Stand s) {
        if (s.referenceBiomass() != null || s.eto() != null || s.runoff() == null || s.evapotranspiration() == null) {
            throw new UnsupportedOperationException("the exact reference needs E and C given and F not derived");
        }
        ReferenceData.RateClass rates = plan.ref.rateClasses().get(plan.ref.forestTypes().get(s.forestType()).rateClass());
        Figures x = field -> figure(s, rates, field);
        BigDecimal a = x.of(StandField.AREA);
        BigDecimal f = !plan.profile.usesCorrectionFactor() ? BigDecimal.ONE
                : s.correctionFactor() != null ? s.correctionFactor() : plan.requestF;
        if (plan.on(Service.WATER_REGULATION) || plan.on(Service.WATER_PURIFICATION)) {
            add(Slot.WATER, BigDecimal.TEN.multiply(a).multiply(x.of(StandField.PRECIPITATION)
                    .subtract(x.of(StandField.EVAPOTRANSPIRATION)).subtract(x.of(StandField.RUNOFF))).multiply(f));
        }
        BigDecimal erosion = x.of(StandField.EROSION_WITHOUT_FOREST).subtract(x.of(StandField.EROSION_WITH_FOREST));
        if (plan.on(Service.SOIL_FIXATION)) {
            BigDecimal soil = a.multiply(erosion).multiply(f);
            add(Slot.SOIL, soil);
            add(Slot.SOIL_VOLUME, Num.div(soil, x.of(StandField.SOIL_BULK_DENSITY)));
        }
        if (plan.on(Service.SOIL_FERTILITY)) {
            add(Slot.FERT_N, a.multiply(x.of(StandField.SOIL_N)).multiply(erosion).multiply(f));
            add(Slot.FERT_P, a.multiply(x.of(StandField.SOIL_P)).multiply(erosion).multiply(f));
            add(Slot.FERT_K, a.multiply(x.of(StandField.SOIL_K)).multiply(erosion).multiply(f));
            add(Slot.FERT_M, a.multiply(x.of(StandField.SOIL_ORGANIC_MATTER)).multiply(erosion).multiply(f));
        }
        BigDecimal npp = x.of(StandField.NPP);
        if (plan.on(Service.NUTRIENT_RETENTION)) {
            add(Slot.NUTR_N, a.multiply(x.of(StandField.TREE_N)).multiply(npp).multiply(f));
            add(Slot.NUTR_P, a.multiply(x.of(StandField.TREE_P)).multiply(npp).multiply(f));
            add(Slot.NUTR_K, a.multiply(x.of(StandField.TREE_K)).multiply(npp).multiply(f));
        }
        if (plan.on(Service.NEGATIVE_IONS)) {
            BigDecimal q = x.of(StandField.ION_CONCENTRATION);
            BigDecimal ahf = a.multiply(x.of(StandField.HEIGHT)).multiply(f);
            BigDecimal lifetime = s.ionLifetime() != null ? s.ionLifetime() : plan.param("ION_LIFETIME").coefficient();
            BigDecimal above = q.subtract(plan.param("ION_THRESHOLD").coefficient()).max(BigDecimal.ZERO);
            add(Slot.IONS, Num.div(ION_CONSTANT.multiply(q).multiply(ahf), lifetime));
            add(Slot.IONS_VALUED, Num.div(ION_CONSTANT.multiply(above).multiply(ahf), lifetime));
        }
        pollutant(Service.ABSORB_SO2, x.of(StandField.SO2_ABSORPTION), Slot.SO2, a, f);
        pollutant(Service.ABSORB_HF, x.of(StandField.HF_ABSORPTION), Slot.HF, a, f);
        pollutant(Service.ABSORB_NOX, x.of(StandField.NOX_ABSORPTION), Slot.NOX, a, f);
        pollutant(Service.DUST_TSP, x.of(StandField.DUST_RETENTION), Slot.TSP, a, f);
        if (plan.on(Service.DUST_PM10) || plan.on(Service.DUST_PM25) || plan.on(Service.WINDBREAK)
                || plan.on(Service.FARMLAND_SHELTER)) {
            throw new UnsupportedOperationException("the exact reference does not cover PM, windbreak or farmland");
        }
        if (plan.on(Service.CARBON_FIXATION)) {
            add(Slot.CARBON_VEG_C, plan.param("CO2_PER_DM").coefficient().multiply(plan.param("C_IN_CO2").coefficient())
                    .multiply(a).multiply(npp).multiply(f));
            add(Slot.CARBON_SOIL, a.multiply(x.of(StandField.SOIL_CARBON_ACCUMULATION)).multiply(f));
        }
        if (plan.on(Service.OXYGEN_RELEASE)) {
            add(Slot.OXYGEN, plan.param("O2_PER_DM").coefficient().multiply(a).multiply(npp).multiply(f));
        }
        if (plan.on(Service.SPECIES_CONSERVATION)) {
            BigDecimal scores = zero(s.endangeredScore()).add(zero(s.endemicScore())).add(zero(s.ancientTreeScore()));
            BigDecimal weighted = plan.profile == MethodProfile.LYT_1721_2008 ? a
                    : BigDecimal.ONE.add(TENTH.multiply(scores)).multiply(a);
            add(Slot.BIO_AREA, a);
            add(Slot.BIO[Math.min(6, x.of(StandField.SHANNON_INDEX).intValue())], weighted);
        }
    }

    private void pollutant(Service s, BigDecimal rate, Slot slot, BigDecimal a, BigDecimal f) {
        if (plan.on(s)) {
            add(slot, rate.multiply(a).multiply(f).movePointLeft(3));
        }
    }

    /** A stand's figure, else its forest type's table rate, else its town's or the site's default. */
    private BigDecimal figure(Stand s, ReferenceData.RateClass rates, StandField field) {
        BigDecimal v = field.read(s);
        if (v == null) {
            ReferenceData.Rate r = switch (field) {
                case SO2_ABSORPTION -> rates.so2();
                case HF_ABSORPTION -> rates.hf();
                case NOX_ABSORPTION -> rates.nox();
                case DUST_RETENTION -> rates.dust();
                default -> null;
            };
            v = r == null ? null : r.value();
        }
        GepRequest.Town town = plan.towns.get(s.town());
        if (v == null && town != null) {
            v = field.read(town.defaults());
        }
        if (v == null) {
            v = field.read(plan.req.siteDefaults());
        }
        if (v == null) {
            throw new IllegalArgumentException("no figure for " + field.json());
        }
        return v;
    }

    private static boolean given(java.util.List<?> list) {
        return list != null && !list.isEmpty();
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** The figures of one stand. */
    private interface Figures {
        BigDecimal of(StandField field);
    }
}
