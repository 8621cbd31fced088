package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Reads the stands one by one: resolves each figure (stand, forest-type table, town defaults, site
 * defaults, or a documented derivation), checks it, and adds the stand's physical quantities to its
 * town × forest type group. A stand is computed in double, as the raster kernel computes a pixel; a
 * missing figure is NaN. Valuation happens later, once per group, in exact decimals.
 */
final class StandEvaluator {

    private final Plan plan;
    private final CarbonSinkCalculator carbon;
    final Map<String, Group> groups = new LinkedHashMap<>();
    /** Counts of noteworthy cases (derived runoff, negative water balance …) with the first stand's id. */
    final Map<String, int[]> counts = new TreeMap<>();
    final Map<String, String> firstStand = new TreeMap<>();
    /** Per town, then forest type code: the type, the fallback figures and the group, resolved once. */
    private final Map<String, Map<String, Cell>> cells = new HashMap<>();
    /** Coefficients the stands use, read once (NaN when the plan has none). */
    private final double co2PerDryMatter;
    private final double carbonInCo2;
    private final double o2PerDryMatter;
    private final double ionLifetime;
    private final double ionThreshold;
    private final double sedimentRatio;
    private final double requestF;
    /** {@link #need} as a function, made once rather than per stand. */
    private final ToDoubleFunction<StandField> needed = this::need;

    private Stand stand;
    private double[] fallback;
    private int index;

    /** A town × forest type as the stands meet it. */
    private static final class Cell {
        final ReferenceData.ForestType type;
        final double[] fallback;
        Group group;

        Cell(ReferenceData.ForestType type, double[] fallback) {
            this.type = type;
            this.fallback = fallback;
        }
    }

    StandEvaluator(Plan plan, CarbonSinkCalculator carbon) {
        this.plan = plan;
        this.carbon = carbon;
        this.co2PerDryMatter = coefficient("CO2_PER_DM");
        this.carbonInCo2 = coefficient("C_IN_CO2");
        this.o2PerDryMatter = coefficient("O2_PER_DM");
        this.ionLifetime = coefficient("ION_LIFETIME");
        this.ionThreshold = coefficient("ION_THRESHOLD");
        this.sedimentRatio = coefficient("SEDIMENT_RATIO");
        this.requestF = plan.requestF.doubleValue();
    }

    private double coefficient(String code) {
        Param p = plan.param(code);
        return p == null ? Double.NaN : p.coefficient().doubleValue();
    }

    /** The group of a town × forest type, created on first use. */
    Group group(String town, String forestType) {
        return groups.computeIfAbsent(town + "|" + forestType, k -> new Group(town, forestType));
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
        Cell cell = cell(s.town(), s.forestType());
        if (cell == null) {
            plan.problems.add(path("forestType"), "unknown-forest-type", s.forestType());
            return;
        }
        fallback = cell.fallback;
        double area = need(StandField.AREA);
        if (!known(area)) {
            return;
        }
        if (cell.group == null) {
            cell.group = group(s.town(), cell.type.code());
        }
        Group g = cell.group;
        g.addArea(area);
        g.stands++;
        double f = correctionFactor(cell.type);
        forest(g, area, f);
        gep(g, area);
        if (plan.on(Service.SPECIES_CONSERVATION)) {
            biodiversity(g, area);
        }
        if (carbon != null) {
            carbon.stand(this, s, cell.type, area);
        }
    }

    private Cell cell(String town, String forestType) {
        if (forestType == null) {
            return null;
        }
        Map<String, Cell> types = cells.computeIfAbsent(town, t -> new HashMap<>());
        Cell c = types.get(forestType);
        if (c == null) {
            ReferenceData.ForestType type = plan.ref.forestTypes().get(forestType);
            if (type == null) {
                return null;
            }
            c = new Cell(type, fallbacks(town, plan.ref.rateClasses().get(type.rateClass())));
            types.put(forestType, c);
        }
        return c;
    }

    private void forest(Group g, double a, double f) {
        if (plan.on(Service.WATER_REGULATION) || plan.on(Service.WATER_PURIFICATION)) {
            water(g, a, f);
        }
        boolean fixation = plan.on(Service.SOIL_FIXATION);
        boolean fertility = plan.on(Service.SOIL_FERTILITY);
        if (fixation || fertility) {
            double x1 = need(StandField.EROSION_WITH_FOREST);
            double x2 = need(StandField.EROSION_WITHOUT_FOREST);
            if (x2 < x1) {
                count("negative-erosion-difference");
            }
            if (fixation) {
                double rho = need(StandField.SOIL_BULK_DENSITY);
                if (known(x1) && known(x2) && known(rho)) {
                    double soil = Formulas.soilRetained(a, x1, x2, f);
                    g.add(Slot.SOIL, soil);
                    g.add(Slot.SOIL_VOLUME, soil / rho);
                }
            }
            if (fertility) {
                fertility(g, a, f, x1, x2);
            }
        }
        if (plan.on(Service.NUTRIENT_RETENTION)) {
            double npp = need(StandField.NPP);
            double n = need(StandField.TREE_N);
            double p = need(StandField.TREE_P);
            double k = need(StandField.TREE_K);
            if (known(npp) && known(n) && known(p) && known(k)) {
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
            double y1 = need(StandField.WIND_EROSION_WITH_FOREST);
            double y2 = need(StandField.WIND_EROSION_WITHOUT_FOREST);
            if (known(y1) && known(y2)) {
                g.add(Slot.WIND, Formulas.soilRetained(a, y1, y2, f));
            }
        }
        if (plan.on(Service.FARMLAND_SHELTER)) {
            double farmland = need(StandField.PROTECTED_FARMLAND);
            double increase = need(StandField.GRAIN_YIELD_INCREASE);
            if (known(farmland) && known(increase)) {
                g.add(Slot.GRAIN, farmland * increase);
            }
        }
        if (plan.on(Service.CARBON_FIXATION) && !plan.modelledFor(Service.CARBON_FIXATION, stand.town())) {
            carbonFixation(g, a, f);
        }
        if (plan.on(Service.OXYGEN_RELEASE) && !plan.modelledFor(Service.OXYGEN_RELEASE, stand.town())) {
            double npp = need(StandField.NPP);
            if (known(npp) && known(o2PerDryMatter)) {
                g.add(Slot.OXYGEN, Formulas.oxygen(o2PerDryMatter, a, npp, f));
            }
        }
    }

    private void carbonFixation(Group g, double a, double f) {
        double npp = need(StandField.NPP);
        if (known(npp) && known(co2PerDryMatter)) {
            if (plan.profile.family() == MethodProfile.Family.FOREST) {
                if (known(carbonInCo2)) {
                    g.add(Slot.CARBON_VEG_C, Formulas.vegetationCarbon(co2PerDryMatter, carbonInCo2, a, npp, f));
                }
            } else {
                g.add(Slot.CARBON_VEG_CO2, Formulas.vegetationCo2(co2PerDryMatter, a, npp, f));
            }
        }
        double soilRate = value(StandField.SOIL_CARBON_ACCUMULATION);
        if (!known(soilRate)) {
            count("soil-carbon-missing");
        } else {
            g.add(Slot.CARBON_SOIL, Formulas.soilCarbon(a, soilRate, f));
        }
    }

    private void gep(Group g, double a) {
        String town = stand.town();
        if (plan.on(Service.WATER_RETENTION) && !plan.modelledFor(Service.WATER_RETENTION, town)) {
            water(g, a, 1);
        }
        if (plan.on(Service.SOIL_RETENTION) && !plan.modelledFor(Service.SOIL_RETENTION, town)) {
            double x1 = need(StandField.EROSION_WITH_FOREST);
            double x2 = need(StandField.EROSION_WITHOUT_FOREST);
            if (known(x1) && known(x2)) {
                soilRetention(g, Formulas.soilRetained(a, x1, x2, 1), needed);
            }
        }
        if (plan.on(Service.AIR_QUALITY) && !plan.modelledFor(Service.AIR_QUALITY, town)) {
            airQuality(g, StandField.SO2_ABSORPTION, Slot.SO2, a);
            airQuality(g, StandField.NOX_ABSORPTION, Slot.NOX, a);
            airQuality(g, StandField.DUST_RETENTION, Slot.TSP, a);
        }
    }

    /** 土壤保持 from a retained mass: avoided sedimentation and avoided N and P losses; site figures NaN when missing. */
    void soilRetention(Group g, double retained, ToDoubleFunction<StandField> site) {
        if (!known(sedimentRatio)) {
            return;
        }
        double rho = site.applyAsDouble(StandField.SOIL_BULK_DENSITY);
        double n = site.applyAsDouble(StandField.SOIL_N);
        double p = site.applyAsDouble(StandField.SOIL_P);
        if (!known(rho) || !known(n) || !known(p)) {
            return;
        }
        g.add(Slot.SOILRET, retained);
        g.add(Slot.SEDIMENT, Formulas.sedimentVolume(sedimentRatio, retained, rho));
        g.add(Slot.SOILRET_N, retained * n);
        g.add(Slot.SOILRET_P, retained * p);
    }

    private void airQuality(Group g, StandField rate, Slot slot, double a) {
        double q = need(rate);
        if (known(q)) {
            g.add(slot, Formulas.pollutantTonnes(q, a, 1));
        }
    }

    private void water(Group g, double a, double f) {
        double p = need(StandField.PRECIPITATION);
        if (!known(p)) {
            return;
        }
        double e = evapotranspiration(p);
        double c = runoff(p);
        if (!known(e) || !known(c)) {
            return;
        }
        double volume = Formulas.waterVolume(a, p, e, c, f);
        if (volume < 0) {
            count("negative-water-balance");
        }
        g.add(Slot.WATER, volume);
    }

    private double evapotranspiration(double p) {
        double e = value(StandField.EVAPOTRANSPIRATION);
        if (known(e)) {
            return e;
        }
        double eto = value(StandField.ETO);
        if (!known(eto)) {
            return need(StandField.EVAPOTRANSPIRATION);
        }
        double kc = need(StandField.KC);
        double root = need(StandField.ROOT_DEPTH);
        double soil = need(StandField.SOIL_DEPTH);
        double pawc = need(StandField.PAWC);
        Param z = plan.require("SEASONALITY_Z", "parameters");
        if (!known(kc) || !known(root) || !known(soil) || !known(pawc) || z == null || p == 0) {
            return Double.NaN;
        }
        count("et-from-invest-awy");
        return AnnualWaterYield.compute(p, eto, kc, root, soil, pawc, z.coefficient().doubleValue(), true).aet();
    }

    private double runoff(double p) {
        double c = value(StandField.RUNOFF);
        if (known(c)) {
            return c;
        }
        double alpha = value(StandField.RUNOFF_COEFFICIENT);
        if (!known(alpha)) {
            return need(StandField.RUNOFF);
        }
        count("runoff-from-coefficient");
        return Formulas.stormRunoff(p, alpha);
    }

    private void fertility(Group g, double a, double f, double x1, double x2) {
        double n = need(StandField.SOIL_N);
        double p = need(StandField.SOIL_P);
        double k = need(StandField.SOIL_K);
        double m = need(StandField.SOIL_ORGANIC_MATTER);
        if (!known(x1) || !known(x2) || !known(n) || !known(p) || !known(k) || !known(m)) {
            return;
        }
        g.add(Slot.FERT_N, Formulas.lossAvoided(a, n, x1, x2, f));
        g.add(Slot.FERT_P, Formulas.lossAvoided(a, p, x1, x2, f));
        g.add(Slot.FERT_K, Formulas.lossAvoided(a, k, x1, x2, f));
        g.add(Slot.FERT_M, Formulas.lossAvoided(a, m, x1, x2, f));
    }

    private void ions(Group g, double a, double f) {
        double q = need(StandField.ION_CONCENTRATION);
        double h = need(StandField.HEIGHT);
        double l = value(StandField.ION_LIFETIME);
        if (!known(l)) {
            l = ionLifetime;
        }
        if (!known(q) || !known(h) || !known(l) || !known(ionThreshold)) {
            return;
        }
        if (q < ionThreshold) {
            count("ions-below-threshold");
        }
        g.add(Slot.IONS, Formulas.ions(q, a, h, f, l));
        g.add(Slot.IONS_VALUED, Formulas.ions(Formulas.aboveThreshold(q, ionThreshold), a, h, f, l));
    }

    private void pollutant(Group g, Service s, StandField rate, Slot slot, double a, double f) {
        if (plan.on(s)) {
            double q = need(rate);
            if (known(q)) {
                g.add(slot, Formulas.pollutantTonnes(q, a, f));
            }
        }
    }

    private void particulate(Group g, Service s, StandField rate, Slot slot, double a, double f) {
        if (plan.on(s)) {
            double q = need(rate);
            double n = need(StandField.WASHOFF_EVENTS);
            double lai = need(StandField.LAI);
            if (known(q) && known(n) && known(lai)) {
                g.add(slot, Formulas.particulateKg(q, a, n, f, lai) / 1000);
            }
        }
    }

    private void biodiversity(Group g, double a) {
        double h = need(StandField.SHANNON_INDEX);
        if (!known(h)) {
            return;
        }
        double e = zeroIfMissing(value(StandField.ENDANGERED_SCORE));
        double b = zeroIfMissing(value(StandField.ENDEMIC_SCORE));
        double o = zeroIfMissing(value(StandField.ANCIENT_TREE_SCORE));
        double weighted;
        if (plan.profile == MethodProfile.LYT_1721_2008) {
            if (e != 0 || b != 0 || o != 0) {
                count("lyt-scores-ignored");
            }
            weighted = a;
        } else {
            weighted = Formulas.weightedBiodiversityArea(e, b, o, a);
        }
        g.add(Slot.BIO_AREA, a);
        g.add(Slot.BIO[Formulas.shannonClass(h)], weighted);
    }

    private double correctionFactor(ReferenceData.ForestType type) {
        if (!plan.profile.usesCorrectionFactor()) {
            if (stand.correctionFactor() != null) {
                plan.problems.add(path("correctionFactor"), "f-not-in-profile", plan.profile.name());
            }
            return 1;
        }
        double given = value(StandField.CORRECTION_FACTOR);
        if (known(given)) {
            return given;
        }
        double reference = value(StandField.REFERENCE_BIOMASS);
        if (!known(reference)) {
            return requestF;
        }
        double volume = need(StandField.VOLUME);
        if (!known(volume)) {
            return 1;
        }
        count("f-from-reference-biomass");
        return volume * carbonlessBiomassPerCubicMetre(type, volume) / reference;
    }

    /** Aboveground biomass per m³ of stock (SVD·BEF, or IPCC's BCEF where the group has no row). */
    private double carbonlessBiomassPerCubicMetre(ReferenceData.ForestType type, double volume) {
        ReferenceData.SpeciesGroup group = type.speciesGroup() == null ? null : plan.species.get(type.speciesGroup());
        if (group != null && group.hasParameters()) {
            return group.svd().multiply(group.bef()).doubleValue();
        }
        return plan.ref.bcefFor(type.leafHabit(), volume).bcef().doubleValue();
    }

    // --- reading figures -------------------------------------------------------------------------

    /** A figure of the current stand, or of its defaults; NaN (and no problem) when there is none. */
    double value(StandField field) {
        BigDecimal raw = field.read(stand);
        if (raw == null) {
            return fallback[field.ordinal()];
        }
        Unit.Ratio ratio = plan.columns[field.ordinal()];
        double v = (ratio == null ? raw : ratio.apply(raw)).doubleValue();
        String problem = field.check(v);
        if (problem != null) {
            plan.problems.add(path(field.json()), problem, field.zh());
            return Double.NaN;
        }
        return v;
    }

    /** A figure the stand must have: a missing one is a problem naming the stand and the field. */
    double need(StandField field) {
        double v = value(field);
        if (!known(v) && field.read(stand) == null) {
            plan.problems.add(path(field.json()), "missing-stand-field", field.zh(), stand.id() == null ? index : stand.id());
        }
        return v;
    }

    /** Every field's fallback for a town and rate class: table rate, town default, site default, or NaN. */
    private double[] fallbacks(String townCode, ReferenceData.RateClass rates) {
        GepRequest.Town town = plan.towns.get(townCode);
        Stand townDefaults = town == null ? null : town.defaults();
        double[] values = new double[StandField.values().length];
        for (StandField field : StandField.values()) {
            BigDecimal v = tableRate(rates, field);
            if (v == null) {
                v = plan.read(field, townDefaults);
            }
            if (v == null) {
                v = plan.read(field, plan.req.siteDefaults());
            }
            values[field.ordinal()] = v == null ? Double.NaN : v.doubleValue();
        }
        return values;
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

    static boolean known(double v) {
        return !Double.isNaN(v);
    }

    private static double zeroIfMissing(double v) {
        return known(v) ? v : 0;
    }
}
