package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the stands one by one: resolves each figure (stand, forest-type table, town defaults, site
 * defaults, or a documented derivation), checks it, and adds the stand's physical quantities to its
 * town × forest type group. Valuation happens later, once per group.
 */
final class StandEvaluator {

    private final Plan plan;
    private final CarbonSinkCalculator carbon;
    final Map<String, Group> groups = new LinkedHashMap<>();
    /** Counts of noteworthy cases (derived runoff, negative water balance …) with the first stand's id. */
    final Map<String, int[]> counts = new TreeMap<>();
    final Map<String, String> firstStand = new TreeMap<>();

    private Stand stand;
    /** Per town and rate class: every field's fallback (table rate, town default, site default), resolved once. */
    private final Map<String, Map<ReferenceData.RateClass, BigDecimal[]>> fallbacks = new java.util.HashMap<>();
    private BigDecimal[] fallback;
    private int index;

    StandEvaluator(Plan plan, CarbonSinkCalculator carbon) {
        this.plan = plan;
        this.carbon = carbon;
    }

    /** Groups by town, then forest type: no key string is built per stand. */
    private final Map<String, Map<String, Group>> byTown = new java.util.HashMap<>();

    Group group(String town, String forestType) {
        Map<String, Group> types = byTown.computeIfAbsent(town, t -> new java.util.HashMap<>());
        Group g = types.get(forestType);
        if (g == null) {
            g = new Group(town, forestType);
            types.put(forestType, g);
            groups.put(town + "|" + forestType, g);
        }
        return g;
    }

    void evaluate(int i, Stand s) {
        index = i;
        stand = s;
        if (s == null) {
            plan.problems.add(path(""), "missing-field");
            return;
        }
        if (s.town() == null || s.town().isBlank()) {
            plan.problems.add(path("town"), "missing-field");
            return;
        }
        ReferenceData.ForestType type = s.forestType() == null ? null : plan.ref.forestTypes().get(s.forestType());
        if (type == null) {
            plan.problems.add(path("forestType"), "unknown-forest-type", s.forestType());
            return;
        }
        fallback = fallbacks.computeIfAbsent(s.town(), t -> new java.util.IdentityHashMap<>())
                .computeIfAbsent(plan.ref.rateClasses().get(type.rateClass()), r -> fallbacks(s.town(), r));
        BigDecimal area = need(StandField.AREA);
        if (area == null) {
            return;
        }
        Group g = group(s.town(), type.code());
        g.area = g.area.add(area);
        g.stands++;
        BigDecimal f = correctionFactor(type);
        forest(g, area, f);
        gep(g, area);
        if (plan.on(Service.SPECIES_CONSERVATION)) {
            biodiversity(g, area);
        }
        if (carbon != null) {
            carbon.stand(this, i, s, type, area);
        }
    }

    private void forest(Group g, BigDecimal a, BigDecimal f) {
        if (plan.on(Service.WATER_REGULATION) || plan.on(Service.WATER_PURIFICATION)) {
            water(g, a, f);
        }
        boolean fixation = plan.on(Service.SOIL_FIXATION);
        boolean fertility = plan.on(Service.SOIL_FERTILITY);
        if (fixation || fertility) {
            BigDecimal x1 = need(StandField.EROSION_WITH_FOREST);
            BigDecimal x2 = need(StandField.EROSION_WITHOUT_FOREST);
            if (x1 != null && x2 != null && x2.compareTo(x1) < 0) {
                count("negative-erosion-difference");
            }
            if (fixation) {
                BigDecimal rho = need(StandField.SOIL_BULK_DENSITY);
                if (x1 != null && x2 != null && rho != null) {
                    BigDecimal soil = Formulas.soilRetained(a, x1, x2, f);
                    g.add(Slot.SOIL, soil);
                    g.addQuotient(Slot.SOIL_VOLUME, soil, rho);
                }
            }
            if (fertility) {
                fertility(g, a, f, x1, x2);
            }
        }
        if (plan.on(Service.NUTRIENT_RETENTION)) {
            BigDecimal npp = need(StandField.NPP);
            BigDecimal n = need(StandField.TREE_N);
            BigDecimal p = need(StandField.TREE_P);
            BigDecimal k = need(StandField.TREE_K);
            if (npp != null && n != null && p != null && k != null) {
                g.add(Slot.NUTR_N, Formulas.nutrientRetained(a, n, npp, f));
                g.add(Slot.NUTR_P, Formulas.nutrientRetained(a, p, npp, f));
                g.add(Slot.NUTR_K, Formulas.nutrientRetained(a, k, npp, f));
            }
        }
        if (plan.on(Service.NEGATIVE_IONS)) {
            ions(g, a, f);
        }
        pollutant(g, Service.ABSORB_SO2, StandField.SO2_ABSORPTION, Slot.SO2, a, f);
        pollutant(g, Service.ABSORB_HF, StandField.HF_ABSORPTION, Slot.HF, a, f);
        pollutant(g, Service.ABSORB_NOX, StandField.NOX_ABSORPTION, Slot.NOX, a, f);
        pollutant(g, Service.DUST_TSP, StandField.DUST_RETENTION, Slot.TSP, a, f);
        particulate(g, Service.DUST_PM10, StandField.PM10_RETENTION, Slot.PM10, a, f);
        particulate(g, Service.DUST_PM25, StandField.PM25_RETENTION, Slot.PM25, a, f);
        if (plan.on(Service.WINDBREAK)) {
            BigDecimal y1 = need(StandField.WIND_EROSION_WITH_FOREST);
            BigDecimal y2 = need(StandField.WIND_EROSION_WITHOUT_FOREST);
            if (y1 != null && y2 != null) {
                g.add(Slot.WIND, Formulas.soilRetained(a, y1, y2, f));
            }
        }
        if (plan.on(Service.FARMLAND_SHELTER)) {
            BigDecimal farmland = need(StandField.PROTECTED_FARMLAND);
            BigDecimal increase = need(StandField.GRAIN_YIELD_INCREASE);
            if (farmland != null && increase != null) {
                g.add(Slot.GRAIN, farmland.multiply(increase));
            }
        }
        boolean forestFamily = plan.profile.family() == MethodProfile.Family.FOREST;
        if (plan.on(Service.CARBON_FIXATION) && !plan.modelledFor(Service.CARBON_FIXATION, stand.town())) {
            BigDecimal npp = need(StandField.NPP);
            Param co2 = plan.param("CO2_PER_DM");
            if (npp != null && co2 != null) {
                if (forestFamily) {
                    Param rc = plan.param("C_IN_CO2");
                    if (rc != null) {
                        g.add(Slot.CARBON_VEG_C, Formulas.vegetationCarbon(co2.coefficient(), rc.coefficient(), a, npp, f));
                    }
                } else {
                    g.add(Slot.CARBON_VEG_CO2, Formulas.vegetationCo2(co2.coefficient(), a, npp, f));
                }
            }
            BigDecimal soilRate = value(StandField.SOIL_CARBON_ACCUMULATION);
            if (soilRate == null) {
                count("soil-carbon-missing");
            } else {
                g.add(Slot.CARBON_SOIL, Formulas.soilCarbon(a, soilRate, f));
            }
        }
        if (plan.on(Service.OXYGEN_RELEASE) && !plan.modelledFor(Service.OXYGEN_RELEASE, stand.town())) {
            BigDecimal npp = need(StandField.NPP);
            Param o2 = plan.param("O2_PER_DM");
            if (npp != null && o2 != null) {
                g.add(Slot.OXYGEN, Formulas.oxygen(o2.coefficient(), a, npp, f));
            }
        }
    }

    private void gep(Group g, BigDecimal a) {
        String town = stand.town();
        if (plan.on(Service.WATER_RETENTION) && !plan.modelledFor(Service.WATER_RETENTION, town)) {
            water(g, a, BigDecimal.ONE);
        }
        if (plan.on(Service.SOIL_RETENTION) && !plan.modelledFor(Service.SOIL_RETENTION, town)) {
            BigDecimal x1 = need(StandField.EROSION_WITH_FOREST);
            BigDecimal x2 = need(StandField.EROSION_WITHOUT_FOREST);
            if (x1 != null && x2 != null) {
                soilRetention(g, Formulas.soilRetained(a, x1, x2, BigDecimal.ONE), this::need, path(""));
            }
        }
        if (plan.on(Service.AIR_QUALITY) && !plan.modelledFor(Service.AIR_QUALITY, town)) {
            airQuality(g, StandField.SO2_ABSORPTION, Slot.SO2, a);
            airQuality(g, StandField.NOX_ABSORPTION, Slot.NOX, a);
            airQuality(g, StandField.DUST_RETENTION, Slot.TSP, a);
        }
    }

    /** 土壤保持 from a retained mass: avoided sedimentation and avoided N and P losses. */
    void soilRetention(Group g, BigDecimal retained, java.util.function.Function<StandField, BigDecimal> site,
            String field) {
        Param lambda = plan.param("SEDIMENT_RATIO");
        BigDecimal rho = site.apply(StandField.SOIL_BULK_DENSITY);
        BigDecimal n = site.apply(StandField.SOIL_N);
        BigDecimal p = site.apply(StandField.SOIL_P);
        if (lambda == null || rho == null || n == null || p == null) {
            return;
        }
        g.add(Slot.SOILRET, retained);
        g.addQuotient(Slot.SEDIMENT, lambda.coefficient().multiply(retained), rho);
        g.add(Slot.SOILRET_N, retained.multiply(n));
        g.add(Slot.SOILRET_P, retained.multiply(p));
    }

    private void airQuality(Group g, StandField rate, Slot slot, BigDecimal a) {
        BigDecimal q = need(rate);
        if (q != null) {
            g.add(slot, Formulas.pollutantTonnes(q, a, BigDecimal.ONE));
        }
    }

    private void water(Group g, BigDecimal a, BigDecimal f) {
        BigDecimal p = need(StandField.PRECIPITATION);
        if (p == null) {
            return;
        }
        BigDecimal e = evapotranspiration(p);
        BigDecimal c = runoff(p);
        if (e == null || c == null) {
            return;
        }
        BigDecimal volume = Formulas.waterVolume(a, p, e, c, f);
        if (volume.signum() < 0) {
            count("negative-water-balance");
        }
        g.add(Slot.WATER, volume);
    }

    private BigDecimal evapotranspiration(BigDecimal p) {
        BigDecimal e = value(StandField.EVAPOTRANSPIRATION);
        if (e != null) {
            return e;
        }
        BigDecimal eto = value(StandField.ETO);
        if (eto == null) {
            return need(StandField.EVAPOTRANSPIRATION);
        }
        BigDecimal kc = need(StandField.KC);
        BigDecimal root = need(StandField.ROOT_DEPTH);
        BigDecimal soil = need(StandField.SOIL_DEPTH);
        BigDecimal pawc = need(StandField.PAWC);
        Param z = plan.require("SEASONALITY_Z", "parameters");
        if (kc == null || root == null || soil == null || pawc == null || z == null || p.signum() == 0) {
            return null;
        }
        count("et-from-invest-awy");
        AnnualWaterYield.Result r = AnnualWaterYield.compute(p.doubleValue(), eto.doubleValue(), kc.doubleValue(),
                root.doubleValue(), soil.doubleValue(), pawc.doubleValue(), z.coefficient().doubleValue(), true);
        return new BigDecimal(r.aet(), Num.MC);
    }

    private BigDecimal runoff(BigDecimal p) {
        BigDecimal c = value(StandField.RUNOFF);
        if (c != null) {
            return c;
        }
        BigDecimal alpha = value(StandField.RUNOFF_COEFFICIENT);
        if (alpha == null) {
            return need(StandField.RUNOFF);
        }
        count("runoff-from-coefficient");
        return Formulas.stormRunoff(p, alpha);
    }

    private void fertility(Group g, BigDecimal a, BigDecimal f, BigDecimal x1, BigDecimal x2) {
        BigDecimal n = need(StandField.SOIL_N);
        BigDecimal p = need(StandField.SOIL_P);
        BigDecimal k = need(StandField.SOIL_K);
        BigDecimal m = need(StandField.SOIL_ORGANIC_MATTER);
        if (x1 == null || x2 == null || n == null || p == null || k == null || m == null) {
            return;
        }
        g.add(Slot.FERT_N, Formulas.lossAvoided(a, n, x1, x2, f));
        g.add(Slot.FERT_P, Formulas.lossAvoided(a, p, x1, x2, f));
        g.add(Slot.FERT_K, Formulas.lossAvoided(a, k, x1, x2, f));
        g.add(Slot.FERT_M, Formulas.lossAvoided(a, m, x1, x2, f));
    }

    private void ions(Group g, BigDecimal a, BigDecimal f) {
        BigDecimal q = need(StandField.ION_CONCENTRATION);
        BigDecimal h = need(StandField.HEIGHT);
        BigDecimal l = value(StandField.ION_LIFETIME);
        Param lifetime = plan.param("ION_LIFETIME");
        Param threshold = plan.param("ION_THRESHOLD");
        if (l == null && lifetime != null) {
            l = lifetime.coefficient();
        }
        if (q == null || h == null || l == null || threshold == null) {
            return;
        }
        if (q.compareTo(threshold.coefficient()) < 0) {
            count("ions-below-threshold");
        }
        g.addQuotient(Slot.IONS, Formulas.ionsTimesLifetime(q, a, h, f), l);
        g.addQuotient(Slot.IONS_VALUED, Formulas.ionsTimesLifetime(Formulas.aboveThreshold(q, threshold.coefficient()),
                a, h, f), l);
    }

    private void pollutant(Group g, Service s, StandField rate, Slot slot, BigDecimal a, BigDecimal f) {
        if (plan.on(s)) {
            BigDecimal q = need(rate);
            if (q != null) {
                g.add(slot, Formulas.pollutantTonnes(q, a, f));
            }
        }
    }

    private void particulate(Group g, Service s, StandField rate, Slot slot, BigDecimal a, BigDecimal f) {
        if (plan.on(s)) {
            BigDecimal q = need(rate);
            BigDecimal n = need(StandField.WASHOFF_EVENTS);
            BigDecimal lai = need(StandField.LAI);
            if (q != null && n != null && lai != null) {
                g.add(slot, Formulas.particulateKg(q, a, n, f, lai).movePointLeft(3));
            }
        }
    }

    private void biodiversity(Group g, BigDecimal a) {
        BigDecimal h = need(StandField.SHANNON_INDEX);
        if (h == null) {
            return;
        }
        BigDecimal e = zeroIfNull(value(StandField.ENDANGERED_SCORE));
        BigDecimal b = zeroIfNull(value(StandField.ENDEMIC_SCORE));
        BigDecimal o = zeroIfNull(value(StandField.ANCIENT_TREE_SCORE));
        BigDecimal weighted;
        if (plan.profile == MethodProfile.LYT_1721_2008) {
            if (e.signum() != 0 || b.signum() != 0 || o.signum() != 0) {
                count("lyt-scores-ignored");
            }
            weighted = a;
        } else {
            weighted = Formulas.weightedBiodiversityArea(e, b, o, a);
        }
        g.add(Slot.BIO_AREA, a);
        g.add(Slot.BIO[Formulas.shannonClass(h)], weighted);
    }

    private BigDecimal correctionFactor(ReferenceData.ForestType type) {
        if (!plan.profile.usesCorrectionFactor()) {
            if (stand.correctionFactor() != null) {
                plan.problems.add(path("correctionFactor"), "f-not-in-profile", plan.profile.name());
            }
            return BigDecimal.ONE;
        }
        BigDecimal given = value(StandField.CORRECTION_FACTOR);
        if (given != null) {
            return given;
        }
        BigDecimal reference = value(StandField.REFERENCE_BIOMASS);
        if (reference == null) {
            return plan.requestF;
        }
        BigDecimal volume = need(StandField.VOLUME);
        if (volume == null) {
            return BigDecimal.ONE;
        }
        count("f-from-reference-biomass");
        BigDecimal perCubicMetre = carbonlessBiomassPerCubicMetre(type, volume);
        return Num.div(volume.multiply(perCubicMetre), reference);
    }

    /** Aboveground biomass per m³ of stock (SVD·BEF, or IPCC's BCEF where the group has no row). */
    private BigDecimal carbonlessBiomassPerCubicMetre(ReferenceData.ForestType type, BigDecimal volume) {
        ReferenceData.SpeciesGroup group = type.speciesGroup() == null ? null : plan.species.get(type.speciesGroup());
        if (group != null && group.hasParameters()) {
            return group.svd().multiply(group.bef());
        }
        return plan.ref.bcefFor(type.leafHabit(), volume).bcef();
    }

    // --- reading figures -------------------------------------------------------------------------

    /** A figure of the current stand, or of its defaults; null (and no problem) when there is none. */
    BigDecimal value(StandField field) {
        BigDecimal v = plan.read(field, stand);
        if (v != null) {
            String problem = field.check(v);
            if (problem != null) {
                plan.problems.add(path(field.json()), problem, field.zh());
                return null;
            }
            return v;
        }
        return fallback[field.ordinal()];
    }

    private BigDecimal[] fallbacks(String townCode, ReferenceData.RateClass rates) {
        GepRequest.Town town = plan.towns.get(townCode);
        Stand townDefaults = town == null ? null : town.defaults();
        BigDecimal[] values = new BigDecimal[StandField.values().length];
        for (StandField field : StandField.values()) {
            BigDecimal v = tableRate(rates, field);
            if (v == null) {
                v = plan.read(field, townDefaults);
            }
            if (v == null) {
                v = plan.read(field, plan.req.siteDefaults());
            }
            values[field.ordinal()] = v;
        }
        return values;
    }

    /** A figure the stand must have: a missing one is a problem naming the stand and the field. */
    BigDecimal need(StandField field) {
        BigDecimal v = value(field);
        if (v == null && plan.read(field, stand) == null) {
            plan.problems.add(path(field.json()), "missing-stand-field", field.zh(), stand.id() == null ? index : stand.id());
        }
        return v;
    }

    private static BigDecimal tableRate(ReferenceData.RateClass rates, StandField field) {
        ReferenceData.Rate r = switch (field) {
            case SO2_ABSORPTION -> rates.so2();
            case HF_ABSORPTION -> rates.hf();
            case NOX_ABSORPTION -> rates.nox();
            case DUST_RETENTION -> rates.dust();
            case RUNOFF_COEFFICIENT -> rates.alpha();
            default -> null;
        };
        return r == null ? null : r.value();
    }

    String path(String field) {
        return "stands[" + index + "]" + (field.isEmpty() ? "" : "." + field);
    }

    void count(String code) {
        counts.computeIfAbsent(code, c -> new int[1])[0]++;
        firstStand.putIfAbsent(code, stand.id() == null ? "#" + index : stand.id());
    }

    private static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
