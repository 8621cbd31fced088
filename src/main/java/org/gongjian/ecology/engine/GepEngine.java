package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The GEP and carbon-sink accounting engine: plain Java, no framework, safe to share between threads.
 * {@link #evaluate} checks a request, reads its stands and external figures, values every service
 * line and returns the result, or throws {@link InvalidRequestException} with every problem found.
 */
public final class GepEngine {

    private final ReferenceData ref;

    public GepEngine(ReferenceData ref) {
        this.ref = ref;
    }

    /** An engine on the tables shipped with the application. */
    public static GepEngine standard() {
        return new GepEngine(ReferenceData.standard());
    }

    public ReferenceData reference() {
        return ref;
    }

    public GepResult evaluate(GepRequest req) {
        Problems problems = new Problems();
        Plan plan = new Plan(ref, req, problems);
        CarbonSinkCalculator carbon = req.carbonSink() == null ? null : new CarbonSinkCalculator(plan);
        StandEvaluator stands = new StandEvaluator(plan, carbon);
        List<Stand> list = req.stands() == null ? List.of() : req.stands();
        for (int i = 0; i < list.size(); i++) {
            stands.evaluate(i, list.get(i));
        }
        Externals.add(plan, stands);
        problems.throwIfAny();
        return new ResultBuilder(plan, stands, carbon, list.size()).build();
    }

    /** Builds the result from the groups' sums. */
    private static final class ResultBuilder {

        private final Plan plan;
        private final StandEvaluator stands;
        private final CarbonSinkCalculator carbon;
        private final int standCount;
        private final Valuer valuer;
        private final Map<Service, Map<Group, Valuer.Valued>> valued = new EnumMap<>(Service.class);
        private final List<GepResult.Notice> notices = new ArrayList<>();

        ResultBuilder(Plan plan, StandEvaluator stands, CarbonSinkCalculator carbon, int standCount) {
            this.plan = plan;
            this.stands = stands;
            this.carbon = carbon;
            this.standCount = standCount;
            this.valuer = new Valuer(plan);
        }

        GepResult build() {
            List<Service> assessed = new ArrayList<>();
            List<GepResult.NotAssessed> notAssessed = new ArrayList<>();
            for (Service s : Service.values()) {
                if (!s.appliesTo(plan.profile)) {
                    continue;
                }
                if (!plan.on(s)) {
                    String reason = s.governedBy() != null && !plan.switches.get(s.governedBy())
                            ? "switch-off:" + s.governedBy().name() : "not-requested";
                    notAssessed.add(new GepResult.NotAssessed(s.name(), s.zh(plan.profile), reason));
                    continue;
                }
                Map<Group, Valuer.Valued> byGroup = new LinkedHashMap<>();
                boolean data = false;
                for (Group g : stands.groups.values()) {
                    Valuer.Valued v = valuer.value(s, g);
                    byGroup.put(g, v);
                    data |= v.value().signum() != 0 || (v.quantity() != null && v.quantity().signum() != 0);
                }
                boolean fromStands = (s.source() == Service.Source.STANDS || s.source() == Service.Source.STANDS_OR_MODEL)
                        && standCount > 0;
                if (data || fromStands) {
                    valued.put(s, byGroup);
                    assessed.add(s);
                } else {
                    notAssessed.add(new GepResult.NotAssessed(s.name(), s.zh(plan.profile), "no-data"));
                }
            }
            Map<String, BigDecimal> townAreas = townAreas();
            BigDecimal area = townAreas.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            List<GepResult.ServiceLine> lines = new ArrayList<>();
            for (Service s : assessed) {
                lines.add(line(s, valued.get(s).values(), area));
            }
            GepResult.Totals totals = totals(assessed, valued, null, area);
            List<GepResult.TownAccount> towns = new ArrayList<>();
            for (Map.Entry<String, BigDecimal> t : townAreas.entrySet()) {
                towns.add(town(t.getKey(), t.getValue(), assessed));
            }
            band("per-hectare-outside-band", null, totals.perHectare());
            for (GepResult.TownAccount t : towns) {
                band("town-per-hectare-outside-band", t.town(), t.totals().perHectare());
            }
            counts();
            GepResult.CarbonSink sink = carbon == null ? null : carbonSink();
            if (plan.profile == MethodProfile.GBT_38582_2020
                    && plan.adjustment.methodOrNone() != PriceAdjustment.Method.D_FACTOR) {
                notices.add(notice("WARNING", "gbt-without-d", plan.adjustment.methodOrNone().zh()));
            }
            List<GepResult.SwitchState> switches = new ArrayList<>();
            for (Switch s : Switch.values()) {
                switches.add(new GepResult.SwitchState(s.name(), s.zh(), plan.switches.get(s),
                        plan.overriddenSwitches.contains(s)));
            }
            return new GepResult(plan.profile.name(), plan.profile.zh(), plan.year,
                    new GepResult.Reference(plan.ref.id(), plan.ref.version(), plan.ref.sha256()), adjustment(),
                    switches, standCount, Num.out(area), lines, totals, towns, forestTypes(assessed), notAssessed,
                    plan.params.values().stream().map(Param::use).toList(), sink, notices);
        }

        private GepResult.ServiceLine line(Service s, Iterable<Valuer.Valued> parts, BigDecimal area) {
            BigDecimal quantity = null;
            Unit unit = null;
            BigDecimal value = BigDecimal.ZERO;
            Map<String, Valuer.Part> components = new LinkedHashMap<>();
            for (Valuer.Valued v : parts) {
                if (v.quantity() != null) {
                    quantity = quantity == null ? v.quantity() : quantity.add(v.quantity());
                    unit = v.unit();
                }
                value = value.add(v.value());
                for (Valuer.Part p : v.parts()) {
                    components.merge(p.code(), p, (a, b) -> new Valuer.Part(a.code(), a.name(),
                            a.quantity().add(b.quantity()), a.unit(), a.value().add(b.value())));
                }
            }
            List<GepResult.Component> comps = components.values().stream()
                    .map(p -> new GepResult.Component(p.code(), p.name(), Num.out(p.quantity()), p.unit().symbol(),
                            Num.out(p.value())))
                    .toList();
            List<String> params = plan.parametersOf(s).stream().filter(plan.params::containsKey)
                    .filter(code -> s != Service.SPECIES_CONSERVATION || components.containsKey(code)).toList();
            return new GepResult.ServiceLine(s.name(), s.zh(plan.profile), s.en(), s.function(), s.category().name(),
                    s.category().zh(), quantity == null ? null : Num.out(quantity), unit == null ? null : unit.symbol(),
                    comps, Num.out(value), perHectare(value, area), params, s.formula(), source(s));
        }

        private String source(Service s) {
            return switch (s.source()) {
                case STANDS -> "STANDS";
                case VALUE -> "EXTERNAL_VALUE";
                case MODEL -> "EXTERNAL_MODEL";
                case STANDS_OR_MODEL -> plan.modelled.containsKey(s)
                        ? (standCount > 0 ? "STANDS_AND_MODEL" : "EXTERNAL_MODEL") : "STANDS";
            };
        }

        private GepResult.Totals totals(List<Service> assessed, Map<Service, Map<Group, Valuer.Valued>> values,
                String town, BigDecimal area) {
            Map<Category, BigDecimal> byCategory = new EnumMap<>(Category.class);
            Map<String, BigDecimal> byFunction = new LinkedHashMap<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Service s : assessed) {
                BigDecimal v = BigDecimal.ZERO;
                for (Map.Entry<Group, Valuer.Valued> e : values.get(s).entrySet()) {
                    if (town == null || e.getKey().town.equals(town)) {
                        v = v.add(e.getValue().value());
                    }
                }
                byCategory.merge(s.category(), v, BigDecimal::add);
                byFunction.merge(s.function(), v, BigDecimal::add);
                total = total.add(v);
            }
            BigDecimal sum = total;
            List<GepResult.Total> categories = new ArrayList<>();
            for (Category c : Category.values()) {
                BigDecimal v = byCategory.getOrDefault(c, BigDecimal.ZERO);
                categories.add(new GepResult.Total(c.name(), c.zh(), Num.out(v), share(v, sum)));
            }
            List<GepResult.Total> functions = byFunction.entrySet().stream()
                    .map(e -> new GepResult.Total(e.getKey(), e.getKey(), Num.out(e.getValue()), share(e.getValue(), sum)))
                    .toList();
            return new GepResult.Totals(categories, functions, Num.out(total), Num.out(area), perHectare(total, area));
        }

        private GepResult.TownAccount town(String code, BigDecimal area, List<Service> assessed) {
            List<GepResult.TownLine> lines = new ArrayList<>();
            int count = 0;
            for (Group g : stands.groups.values()) {
                if (g.town.equals(code)) {
                    count += g.stands;
                }
            }
            for (Service s : assessed) {
                BigDecimal q = null;
                Unit unit = null;
                BigDecimal v = BigDecimal.ZERO;
                for (Map.Entry<Group, Valuer.Valued> e : valued.get(s).entrySet()) {
                    if (e.getKey().town.equals(code)) {
                        Valuer.Valued x = e.getValue();
                        if (x.quantity() != null) {
                            q = q == null ? x.quantity() : q.add(x.quantity());
                            unit = x.unit();
                        }
                        v = v.add(x.value());
                    }
                }
                lines.add(new GepResult.TownLine(s.name(), q == null ? null : Num.out(q),
                        unit == null ? null : unit.symbol(), Num.out(v)));
            }
            GepRequest.Town t = plan.towns.get(code);
            return new GepResult.TownAccount(code, t == null ? null : t.name(), Num.out(area), count, lines,
                    totals(assessed, valued, code, area));
        }

        private List<GepResult.ForestTypeAccount> forestTypes(List<Service> assessed) {
            List<GepResult.ForestTypeAccount> list = new ArrayList<>();
            for (Group g : stands.groups.values()) {
                if (g.forestType.isEmpty()) {
                    continue;
                }
                Map<String, BigDecimal> values = new LinkedHashMap<>();
                List<GepResult.TownLine> lines = new ArrayList<>();
                BigDecimal total = BigDecimal.ZERO;
                for (Service s : assessed) {
                    Valuer.Valued x = valued.get(s).get(g);
                    BigDecimal v = x.value();
                    values.put(s.name(), Num.out(v));
                    lines.add(new GepResult.TownLine(s.name(), x.quantity() == null ? null : Num.out(x.quantity()),
                            x.unit() == null ? null : x.unit().symbol(), Num.out(v)));
                    total = total.add(v);
                }
                list.add(new GepResult.ForestTypeAccount(g.town, g.forestType,
                        plan.ref.forestTypes().get(g.forestType).name(), Num.out(g.area()), g.stands, values,
                        Num.out(total), perHectare(total, g.area()), lines));
            }
            return list;
        }

        private Map<String, BigDecimal> townAreas() {
            Map<String, BigDecimal> areas = new LinkedHashMap<>();
            Set<String> withStands = new LinkedHashSet<>();
            for (Group g : stands.groups.values()) {
                areas.merge(g.town, g.area(), BigDecimal::add);
                if (g.stands > 0) {
                    withStands.add(g.town);
                }
            }
            for (GepRequest.Town t : plan.towns.values()) {
                BigDecimal fromStands = areas.get(t.code());
                if (!withStands.contains(t.code())) {
                    areas.put(t.code(), t.forestArea() == null ? BigDecimal.ZERO : t.forestArea());
                    if (t.forestArea() == null) {
                        notices.add(notice("WARNING", "town-without-area", t.code()));
                    }
                } else if (t.forestArea() != null && fromStands.signum() > 0 && t.forestArea().subtract(fromStands).abs()
                        .compareTo(fromStands.multiply(new BigDecimal("0.01"))) > 0) {
                    notices.add(notice("WARNING", "area-mismatch", t.code(), Num.out(t.forestArea()), Num.out(fromStands)));
                }
            }
            return areas;
        }

        private void band(String code, String town, BigDecimal perHectare) {
            Param min = plan.param("BAND_MIN");
            Param max = plan.param("BAND_MAX");
            if (perHectare == null || min == null || max == null) {
                return;
            }
            if (perHectare.compareTo(min.coefficient()) < 0 || perHectare.compareTo(max.coefficient()) > 0) {
                List<Object> args = new ArrayList<>();
                if (town != null) {
                    args.add(town);
                }
                args.add(perHectare.setScale(0, java.math.RoundingMode.HALF_UP));
                args.add(Num.out(min.coefficient()));
                args.add(Num.out(max.coefficient()));
                notices.add(notice("WARNING", code, args.toArray()));
            }
        }

        private void counts() {
            Map<String, String> levels = Map.of("negative-water-balance", "WARNING", "negative-erosion-difference",
                    "WARNING", "soil-carbon-missing", "WARNING", "ions-below-threshold", "INFO",
                    "runoff-from-coefficient", "INFO", "et-from-invest-awy", "INFO", "f-from-reference-biomass", "INFO",
                    "lyt-scores-ignored", "INFO");
            stands.counts.forEach((code, n) -> notices.add(notice(levels.getOrDefault(code, "INFO"), code, n[0],
                    stands.firstStand.get(code))));
        }

        private GepResult.CarbonSink carbonSink() {
            GepResult.CarbonSink sink = carbon.result();
            carbon.skippedTypes().forEach((type, n) -> notices.add(notice("WARNING", "carbon-type-skipped", type, n[0])));
            sink.groups().stream().filter(GepResult.GroupSink::ipccFallback).map(GepResult.GroupSink::name).distinct()
                    .forEach(g -> notices.add(notice("INFO", "carbon-ipcc-fallback", g)));
            return sink;
        }

        private GepResult.Adjustment adjustment() {
            PriceAdjustment a = plan.adjustment;
            String description = switch (a.methodOrNone()) {
                case NONE -> "价格采用各参数基准年价格，未调整";
                case FACTOR -> "全部价格乘以给定系数 " + Num.out(a.factor());
                case CPI_RATIO -> "按CPI比值调整到" + plan.year + "年：P_m = P_n × CPI_m / CPI_n";
                case D_FACTOR -> "按GB/T 38582贴现率调整到" + plan.year + "年：d = (1 + (D_r + L_r)/2)^(m − n)，D_r = "
                        + a.depositRate().toPlainString() + "，L_r = " + a.loanRate().toPlainString();
            };
            return new GepResult.Adjustment(a.methodOrNone().name(), a.methodOrNone().zh(), description);
        }

        private static BigDecimal perHectare(BigDecimal value, BigDecimal area) {
            return area == null || area.signum() == 0 ? null : Num.out(Num.div(value, area));
        }

        private static BigDecimal share(BigDecimal part, BigDecimal total) {
            return total.signum() == 0 ? BigDecimal.ZERO : Num.out(Num.div(part, total));
        }

        private static GepResult.Notice notice(String level, String code, Object... args) {
            return new GepResult.Notice(level, code, java.util.Arrays.stream(args).map(String::valueOf).toList(), null);
        }
    }
}
