package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The forest carbon sink (碳汇), by IPCC stock difference C = A·V·SVD·BEF·(1+R)·CF over two inventory
 * years, by gain–loss, or by the inventory growth–consumption variant V·(GR − CR)·SVD·BEF·(1+R)·CF.
 * Results are in t C and t CO₂ a year, valued at the chosen market price, and never added into GEP.
 */
final class CarbonSinkCalculator {

    private static final BigDecimal C_TO_CO2 = Num.div(BigDecimal.valueOf(44), BigDecimal.valueOf(12));

    private final Plan plan;
    private final GepRequest.CarbonSinkRequest req;
    private final Map<String, BigDecimal> byGroup = new LinkedHashMap<>();
    /**
     * The stands' sinks per town|group in double with its compensation (t C over the whole period under
     * stock difference, divided by the years once, in {@link #result}; t C a year under gain–loss).
     */
    private final Map<String, double[]> stockChanges = new LinkedHashMap<>();
    private final Map<String, Map<String, double[]>> changesByTown = new java.util.HashMap<>();
    /** Factors of species groups with their own parameters, which do not depend on the stock. */
    private final Map<String, Factors> ownFactors = new java.util.HashMap<>();
    /** The same groups' t C per m³ as a double. */
    private final Map<String, double[]> ownPerCubicMetre = new java.util.HashMap<>();
    private final Map<String, Factors> factorsUsed = new TreeMap<>();
    private final Map<String, int[]> skippedTypes = new TreeMap<>();
    private int years = 1;
    /** IPCC's (1 + R)·CF, by which a fallback group's BCEF becomes t C per m³. */
    private final double ipccPerBiomass;

    /** Per-m³ carbon factors of a species group as used, and whether IPCC's were the fallback. */
    record Factors(ReferenceData.SpeciesGroup group, BigDecimal svd, BigDecimal bef, BigDecimal bcef, BigDecimal r,
            BigDecimal cf, boolean fallback) {
        /** t C per m³ of growing stock: BCEF·(1+R)·CF with BCEF = SVD·BEF. */
        BigDecimal perCubicMetre() {
            return bcef.multiply(BigDecimal.ONE.add(r)).multiply(cf);
        }
    }

    CarbonSinkCalculator(Plan plan) {
        this.plan = plan;
        this.req = plan.req.carbonSink();
        Param r = plan.param("IPCC_R");
        Param cf = plan.param("IPCC_CF");
        this.ipccPerBiomass = (1 + (r == null ? 0 : r.coefficient().doubleValue()))
                * (cf == null ? 1 : cf.coefficient().doubleValue());
        check();
    }

    private void check() {
        String p = "carbonSink";
        if (req.method() == null) {
            plan.problems.add(p + ".method", "missing-field");
            return;
        }
        if (req.method() == GepRequest.CarbonMethod.STOCK_DIFFERENCE) {
            if (req.fromYear() == null || req.toYear() == null) {
                plan.problems.add(p + ".toYear", "missing-field");
            } else if (req.toYear() <= req.fromYear()) {
                plan.problems.add(p + ".toYear", "years-not-increasing");
            } else {
                years = req.toYear() - req.fromYear();
            }
        }
        if (req.method() == GepRequest.CarbonMethod.GROWTH_CONSUMPTION) {
            List<GepRequest.Stock> stocks = req.stocks() == null ? List.of() : req.stocks();
            if (stocks.isEmpty()) {
                plan.problems.add(p + ".stocks", "missing-field");
            }
            for (int i = 0; i < stocks.size(); i++) {
                stock(stocks.get(i), p + ".stocks[" + i + "]");
            }
        }
        if (req.method() == GepRequest.CarbonMethod.GAIN_LOSS && req.losses() != null) {
            for (int i = 0; i < req.losses().size(); i++) {
                loss(req.losses().get(i), p + ".losses[" + i + "]");
            }
        }
        List<GepRequest.CarbonPrice> prices = req.prices() == null ? List.of() : req.prices();
        if (prices.isEmpty()) {
            plan.problems.add(p + ".prices", "missing-field");
        }
        java.util.Set<GepRequest.CarbonMarket> seen = java.util.EnumSet.noneOf(GepRequest.CarbonMarket.class);
        for (int i = 0; i < prices.size(); i++) {
            GepRequest.CarbonPrice price = prices.get(i);
            String path = p + ".prices[" + i + "]";
            if (price.label() == null) {
                plan.problems.add(path + ".label", "missing-field");
            } else if (!seen.add(price.label())) {
                plan.problems.add(path + ".label", "duplicate", price.label().name());
            }
            if (price.value() == null || price.value().signum() < 0) {
                plan.problems.add(path + ".value", "negative", "碳价");
            }
            PriceUnit unit = price.unit() == null ? null : PriceUnit.parse(price.unit()).orElse(null);
            if (unit == null || unit.per().dimension() != Unit.Dimension.CARBON) {
                plan.problems.add(path + ".unit", "unit-mismatch", price.unit(), "碳价", "元/t CO₂");
            }
        }
        if (req.chosen() != null && prices.stream().noneMatch(x -> x.label() != null && x.label().name().equals(req.chosen()))) {
            plan.problems.add(p + ".chosen", "unknown-carbon-price", req.chosen());
        }
    }

    /** Adds a stand's sink (stock difference, or the gains of gain–loss), in double like the rest of a stand. */
    void stand(StandEvaluator reader, Stand stand, ReferenceData.ForestType type, double area) {
        if (req.method() == GepRequest.CarbonMethod.GROWTH_CONSUMPTION) {
            return;
        }
        String groupCode = stand.speciesGroup() != null ? stand.speciesGroup() : type.speciesGroup();
        if (stand.speciesGroup() != null && !plan.species.containsKey(stand.speciesGroup())) {
            plan.problems.add(reader.path("speciesGroup"), "unknown-species-group", stand.speciesGroup());
            return;
        }
        if (groupCode == null) {
            skippedTypes.computeIfAbsent(type.name(), t -> new int[1])[0]++;
            return;
        }
        double change;
        if (req.method() == GepRequest.CarbonMethod.STOCK_DIFFERENCE) {
            double v2 = reader.need(StandField.VOLUME);
            double v1 = reader.need(StandField.PREVIOUS_VOLUME);
            if (!StandEvaluator.known(v1) || !StandEvaluator.known(v2)) {
                return;
            }
            change = area * (v2 * perCubicMetre(groupCode, type.leafHabit(), v2)
                    - v1 * perCubicMetre(groupCode, type.leafHabit(), v1));
        } else {
            double increment = reader.need(StandField.VOLUME_INCREMENT);
            double volume = reader.value(StandField.VOLUME);
            if (!StandEvaluator.known(increment)) {
                return;
            }
            change = area * increment
                    * perCubicMetre(groupCode, type.leafHabit(), StandEvaluator.known(volume) ? volume : 50);
        }
        Map<String, double[]> groups = changesByTown.computeIfAbsent(stand.town(), t -> new java.util.HashMap<>());
        double[] sum = groups.get(groupCode);
        if (sum == null) {
            sum = new double[2];
            groups.put(groupCode, sum);
            stockChanges.put(stand.town() + "|" + groupCode, sum);
        }
        double t = sum[0] + change;   // {sum, compensation}, as a group sums its stands
        sum[1] += Group.lost(sum[0], change, t);
        sum[0] = t;
    }

    /** t C per m³ of growing stock for a stand of this species group at this stock. */
    private double perCubicMetre(String code, String leafHabit, double stock) {
        double[] own = ownPerCubicMetre.get(code);
        if (own != null) {
            return own[0];
        }
        if (!factorsUsed.containsKey(code) && !factors(code, leafHabit, stock).fallback()) {
            return ownPerCubicMetre.get(code)[0];
        }
        return plan.ref.bcefFor(leafHabit, stock).bcef().doubleValue() * ipccPerBiomass;
    }

    private void stock(GepRequest.Stock s, String path) {
        if (s.town() == null || s.town().isBlank()) {
            plan.problems.add(path + ".town", "missing-field");
        }
        Factors f = knownGroupWithParameters(s.speciesGroup(), path + ".speciesGroup");
        if (s.volume() == null || s.volume().signum() < 0) {
            plan.problems.add(path + ".volume", "negative", "蓄积量");
        }
        rate(s.growthRate(), path + ".growthRate");
        rate(s.consumptionRate(), path + ".consumptionRate");
        if (f != null && s.volume() != null && s.growthRate() != null && s.consumptionRate() != null && s.town() != null) {
            BigDecimal net = s.volume().multiply(s.growthRate().subtract(s.consumptionRate()));
            add(s.town(), s.speciesGroup(), net.multiply(f.perCubicMetre()));
        }
    }

    private void loss(GepRequest.Loss l, String path) {
        if (l.town() == null || l.town().isBlank()) {
            plan.problems.add(path + ".town", "missing-field");
            return;
        }
        Factors f = knownGroupWithParameters(l.speciesGroup(), path + ".speciesGroup");
        if (f == null) {
            return;
        }
        BigDecimal onePlusR = BigDecimal.ONE.add(f.r());
        BigDecimal biomass = BigDecimal.ZERO;
        biomass = biomass.add(nonNegative(l.harvest(), path + ".harvest").multiply(f.bcef()).multiply(onePlusR));
        biomass = biomass.add(nonNegative(l.fuelwoodTrees(), path + ".fuelwoodTrees").multiply(f.bcef()).multiply(onePlusR));
        biomass = biomass.add(nonNegative(l.fuelwoodParts(), path + ".fuelwoodParts").multiply(f.svd()));
        BigDecimal disturbed = nonNegative(l.disturbedArea(), path + ".disturbedArea")
                .multiply(nonNegative(l.disturbedBiomass(), path + ".disturbedBiomass")).multiply(onePlusR)
                .multiply(l.disturbanceFraction() == null ? BigDecimal.ONE : l.disturbanceFraction());
        rate(l.disturbanceFraction(), path + ".disturbanceFraction");
        add(l.town(), l.speciesGroup(), biomass.add(disturbed).multiply(f.cf()).negate());
    }

    private Factors knownGroupWithParameters(String code, String path) {
        ReferenceData.SpeciesGroup g = code == null ? null : plan.species.get(code);
        if (g == null) {
            plan.problems.add(path, "unknown-species-group", code);
            return null;
        }
        if (!g.hasParameters()) {
            plan.problems.add(path, "species-group-without-parameters", code, g.name());
            return null;
        }
        return factors(code, null, Double.NaN);
    }

    private Factors factors(String code, String leafHabit, double stock) {
        Factors own = ownFactors.get(code);
        if (own != null) {
            return own;
        }
        ReferenceData.SpeciesGroup g = plan.species.get(code);
        Factors f;
        if (g.hasParameters()) {
            f = new Factors(g, g.svd(), g.bef(), g.svd().multiply(g.bef()), g.rootShootRatio(), g.carbonFraction(), false);
        } else {
            ReferenceData.BcefClass c = plan.ref.bcefFor(leafHabit, stock);
            Param cf = plan.param("IPCC_CF");
            Param r = plan.param("IPCC_R");
            f = new Factors(g, null, null, c.bcef(), r == null ? BigDecimal.ZERO : r.coefficient(),
                    cf == null ? BigDecimal.ONE : cf.coefficient(), true);
        }
        factorsUsed.putIfAbsent(code, f);
        if (!f.fallback()) {
            ownFactors.put(code, f);
            ownPerCubicMetre.put(code, new double[] {f.perCubicMetre().doubleValue()});
        }
        return f;
    }

    private void add(String town, String group, BigDecimal tonnesC) {
        byGroup.merge(town + "|" + group, tonnesC, BigDecimal::add);
    }

    private void rate(BigDecimal r, String path) {
        if (r == null) {
            plan.problems.add(path, "missing-field");
        } else if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
            plan.problems.add(path, "not-a-fraction", path);
        }
    }

    private BigDecimal nonNegative(BigDecimal v, String path) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        if (v.signum() < 0) {
            plan.problems.add(path, "negative", path);
            return BigDecimal.ZERO;
        }
        return v;
    }

    Map<String, int[]> skippedTypes() {
        return skippedTypes;
    }

    GepResult.CarbonSink result() {
        stockChanges.forEach((key, change) -> byGroup.merge(key,
                Num.div(Num.ofDouble(change[0] + change[1]), BigDecimal.valueOf(years)), BigDecimal::add));
        stockChanges.clear();
        changesByTown.clear();
        List<GepResult.GroupSink> groups = new ArrayList<>();
        Map<String, BigDecimal> towns = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : byGroup.entrySet()) {
            String[] key = e.getKey().split("\\|", 2);
            Factors f = factorsUsed.get(key[1]);
            ReferenceData.SpeciesGroup g = plan.species.get(key[1]);
            groups.add(new GepResult.GroupSink(key[0], key[1], g.name(), Num.out(e.getValue()),
                    Num.out(co2(e.getValue())), f.svd(), f.bef(), Num.out(f.bcef()), f.r(), f.cf(), f.fallback(),
                    f.fallback() ? "IPCC 2006 第4卷 表4.3/4.4/4.5（缺省值）" : g.source(),
                    f.fallback() ? Status.R.name() : g.status().name()));
            towns.merge(key[0], e.getValue(), BigDecimal::add);
            total = total.add(e.getValue());
        }
        List<GepResult.Valuation> valuations = new ArrayList<>();
        List<GepRequest.CarbonPrice> prices = req.prices() == null ? List.of() : req.prices();
        for (GepRequest.CarbonPrice p : prices) {
            PriceUnit unit = PriceUnit.parse(p.unit()).orElseThrow();
            BigDecimal value = Num.mul(Unit.TONNE_C.convert(total, unit.per()), p.value().multiply(unit.yuan()));
            valuations.add(new GepResult.Valuation(p.label().name(), p.label().zh(), p.value(), unit.symbol(), p.year(),
                    p.source(), Num.out(value)));
        }
        String chosen = req.chosen() != null ? req.chosen() : (prices.isEmpty() ? null : prices.get(0).label().name());
        BigDecimal chosenValue = valuations.stream().filter(v -> v.label().equals(chosen)).map(GepResult.Valuation::value)
                .findFirst().orElse(null);
        GepRequest.CarbonPrice chosenPrice = prices.stream().filter(p -> p.label().name().equals(chosen)).findFirst()
                .orElse(null);
        List<GepResult.TownSink> townSinks = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> t : towns.entrySet()) {
            BigDecimal value = null;
            if (chosenPrice != null) {
                PriceUnit unit = PriceUnit.parse(chosenPrice.unit()).orElseThrow();
                value = Num.out(Num.mul(Unit.TONNE_C.convert(t.getValue(), unit.per()),
                        chosenPrice.value().multiply(unit.yuan())));
            }
            townSinks.add(new GepResult.TownSink(t.getKey(), Num.out(t.getValue()), Num.out(co2(t.getValue())), value));
        }
        String methodName = switch (req.method()) {
            case STOCK_DIFFERENCE -> "蓄积量法（IPCC储量变化法）";
            case GAIN_LOSS -> "增量—损失法（IPCC）";
            case GROWTH_CONSUMPTION -> "生长率—消耗率法（森林资源清查）";
        };
        return new GepResult.CarbonSink(req.method().name(), methodName, req.fromYear(), req.toYear(), Num.out(total),
                Num.out(co2(total)), townSinks, groups, valuations, chosen, chosenValue,
                "碳汇量为存量变化，与GEP固碳（流量）分别列示，不计入GEP");
    }

    private static BigDecimal co2(BigDecimal tonnesC) {
        return Num.mul(tonnesC, C_TO_CO2);
    }
}
