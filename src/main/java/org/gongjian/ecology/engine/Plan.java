package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request checked and resolved before any stand is read: the profile, the services and switches
 * in force, every parameter with its price factor, the unit conversions of stand columns, the towns'
 * defaults and the species groups (with overrides). Problems found are collected, not thrown.
 */
final class Plan {

    final ReferenceData ref;
    final GepRequest req;
    final MethodProfile profile;
    final int year;
    final PriceAdjustment adjustment;
    final Set<Service> services = EnumSet.noneOf(Service.class);
    final Map<Switch, Boolean> switches = new EnumMap<>(Switch.class);
    final Set<Switch> overriddenSwitches = EnumSet.noneOf(Switch.class);
    final Map<String, Param> params = new LinkedHashMap<>();
    /** Per stand field (by ordinal): the conversion of the request's column unit to the standard one, or null. */
    final Unit.Ratio[] columns = new Unit.Ratio[StandField.values().length];
    final Map<String, GepRequest.Town> towns = new LinkedHashMap<>();
    final Map<String, ReferenceData.SpeciesGroup> species = new HashMap<>();
    final Map<Service, Set<String>> modelled = new EnumMap<>(Service.class);
    final Unit carbonBasis;
    final BigDecimal requestF;
    final Problems problems;

    Plan(ReferenceData ref, GepRequest req, Problems problems) {
        this.ref = ref;
        this.req = req;
        this.problems = problems;
        this.profile = req.method() == null ? MethodProfile.GBT_38582_2020 : req.method();
        if (req.method() == null) {
            problems.add("method", "missing-field");
        }
        this.year = req.accountingYear() == null ? 0 : req.accountingYear();
        if (req.accountingYear() == null) {
            problems.add("accountingYear", "missing-field");
        } else if (year < 1990 || year > 2100) {
            problems.add("accountingYear", "year-out-of-range", year);
        }
        this.adjustment = req.priceAdjustment() == null ? PriceAdjustment.none() : req.priceAdjustment();
        this.requestF = req.correctionFactor() == null ? BigDecimal.ONE : req.correctionFactor();
        if (req.correctionFactor() != null && req.correctionFactor().signum() <= 0) {
            problems.add("correctionFactor", "not-positive");
        } else if (!profile.usesCorrectionFactor() && requestF.compareTo(BigDecimal.ONE) != 0) {
            problems.add("correctionFactor", "f-not-in-profile", profile.name());
        }
        this.carbonBasis = carbonBasis();
        services();
        columns();
        towns();
        species();
        modelled();
        parameters();
    }

    boolean on(Service s) {
        return services.contains(s);
    }

    Param param(String code) {
        return params.get(code);
    }

    private Unit carbonBasis() {
        if (req.carbonBasis() == null || req.carbonBasis().isBlank()) {
            return profile.carbonBasis();
        }
        Unit u = Unit.parse(req.carbonBasis()).orElse(null);
        if (u != Unit.TONNE_C && u != Unit.TONNE_CO2) {
            problems.add("carbonBasis", "carbon-basis", req.carbonBasis());
            return profile.carbonBasis();
        }
        return u;
    }

    private void services() {
        for (Switch s : Switch.values()) {
            Boolean given = req.switches() == null ? null : req.switches().get(s);
            switches.put(s, given == null ? profile.defaultSwitch(s) : given);
            if (given != null && given != profile.defaultSwitch(s)) {
                overriddenSwitches.add(s);
            }
        }
        services.addAll(profile.defaultServices());
        if (req.services() != null) {
            req.services().forEach((service, on) -> {
                if (!service.appliesTo(profile)) {
                    problems.add("services." + service.name(), "service-not-in-profile", service.name(), profile.name());
                } else if (Boolean.TRUE.equals(on)) {
                    services.add(service);
                } else {
                    services.remove(service);
                }
            });
        }
        services.removeIf(s -> s.governedBy() != null && !switches.get(s.governedBy()));
    }

    private void columns() {
        if (req.columnUnits() == null) {
            return;
        }
        req.columnUnits().forEach((column, symbol) -> {
            StandField field = StandField.byJson(column);
            String path = "columnUnits." + column;
            if (field == null) {
                problems.add(path, "unknown-column", column);
                return;
            }
            Unit unit = Unit.parse(symbol == null ? "" : symbol).orElse(null);
            if (unit == null) {
                problems.add(path, "unknown-unit", symbol);
            } else if (unit.dimension() != field.unit().dimension()) {
                problems.add(path, "unit-mismatch", symbol, field.zh(), field.unit().symbol());
            } else if (unit != field.unit()) {
                columns[field.ordinal()] = unit.to(field.unit());
            }
        });
    }

    /** A stand column in its standard unit. */
    BigDecimal read(StandField field, Stand stand) {
        BigDecimal raw = field.read(stand);
        if (raw == null) {
            return null;
        }
        Unit.Ratio ratio = columns[field.ordinal()];
        return ratio == null ? raw : ratio.apply(raw);
    }

    private void towns() {
        List<GepRequest.Town> given = req.towns() == null ? List.of() : req.towns();
        for (int i = 0; i < given.size(); i++) {
            GepRequest.Town t = given.get(i);
            String path = "towns[" + i + "]";
            if (t == null || t.code() == null || t.code().isBlank()) {
                problems.add(path + ".code", "missing-field");
                continue;
            }
            if (towns.put(t.code(), t) != null) {
                problems.add(path + ".code", "duplicate", t.code());
            }
            if (t.forestArea() != null && t.forestArea().signum() < 0) {
                problems.add(path + ".forestArea", "negative-area");
            }
            checkDefaults(t.defaults(), path + ".defaults");
        }
        checkDefaults(req.siteDefaults(), "siteDefaults");
    }

    private void checkDefaults(Stand defaults, String path) {
        if (defaults == null) {
            return;
        }
        for (StandField f : StandField.values()) {
            BigDecimal v = read(f, defaults);
            String problem = v == null ? null : f.check(v.doubleValue());
            if (problem != null) {
                problems.add(path + "." + f.json(), problem, f.zh());
            }
        }
        if (defaults.correctionFactor() != null && !profile.usesCorrectionFactor()) {
            problems.add(path + ".correctionFactor", "f-not-in-profile", profile.name());
        }
    }

    private void species() {
        species.putAll(ref.speciesGroups());
        List<GepRequest.SpeciesGroupOverride> given = req.speciesGroups() == null ? List.of() : req.speciesGroups();
        for (int i = 0; i < given.size(); i++) {
            GepRequest.SpeciesGroupOverride o = given.get(i);
            String path = "speciesGroups[" + i + "]";
            ReferenceData.SpeciesGroup known = o.code() == null ? null : ref.speciesGroups().get(o.code());
            if (known == null) {
                problems.add(path + ".code", "unknown-species-group", o.code());
                continue;
            }
            if (o.svd() == null || o.bef() == null || o.rootShootRatio() == null || o.carbonFraction() == null) {
                problems.add(path, "species-group-incomplete", o.code());
                continue;
            }
            if (o.svd().signum() <= 0 || o.bef().signum() <= 0 || o.rootShootRatio().signum() < 0
                    || o.carbonFraction().signum() <= 0 || o.carbonFraction().compareTo(BigDecimal.ONE) > 0) {
                problems.add(path, "species-group-out-of-range", o.code());
                continue;
            }
            species.put(o.code(), new ReferenceData.SpeciesGroup(o.code(), known.name(), o.svd(), o.bef(),
                    o.rootShootRatio(), o.carbonFraction(), Status.S, o.source() == null ? "" : o.source()));
        }
    }

    private void modelled() {
        List<GepRequest.PhysicalQuantity> given = req.physicalQuantities() == null ? List.of() : req.physicalQuantities();
        for (GepRequest.PhysicalQuantity q : given) {
            if (q != null && q.service() != null && q.town() != null) {
                modelled.computeIfAbsent(q.service(), s -> new HashSet<>()).add(q.town());
            }
        }
    }

    /** Whether a service's quantity for a town comes from an external model rather than from the stands. */
    boolean modelledFor(Service s, String town) {
        Set<String> t = modelled.get(s);
        return t != null && t.contains(town);
    }

    /** The parameter codes a service uses under this profile. */
    List<String> parametersOf(Service s) {
        if (s == Service.CARBON_FIXATION) {
            return profile.family() == MethodProfile.Family.FOREST ? List.of("C_CARBON", "CO2_PER_DM", "C_IN_CO2")
                    : List.of("P_CO2", "CO2_PER_DM");
        }
        return s.parameters();
    }

    private void parameters() {
        Map<String, GepRequest.ParameterOverride> overrides = new HashMap<>();
        List<GepRequest.ParameterOverride> given = req.parameters() == null ? List.of() : req.parameters();
        for (int i = 0; i < given.size(); i++) {
            GepRequest.ParameterOverride o = given.get(i);
            String path = "parameters[" + i + "]";
            if (o == null || o.code() == null || ref.parameter(o.code()).isEmpty()) {
                problems.add(path + ".code", "unknown-parameter", o == null ? null : o.code());
            } else if (overrides.put(o.code(), o) != null) {
                problems.add(path + ".code", "duplicate", o.code());
            }
        }
        Set<String> needed = new java.util.LinkedHashSet<>();
        for (Service s : services) {
            needed.addAll(parametersOf(s));
        }
        needed.addAll(List.of("BAND_MIN", "BAND_MAX"));
        if (req.carbonSink() != null) {
            needed.addAll(List.of("IPCC_CF", "IPCC_R"));
        }
        needed.addAll(overrides.keySet());
        if (adjustment.methodOrNone() == PriceAdjustment.Method.D_FACTOR && !profile.allowsDFactor()) {
            problems.add("priceAdjustment.method", "d-factor-not-in-profile", profile.name());
        }
        checkAdjustment();
        for (String code : needed) {
            resolve(code, overrides, given);
        }
        checkCpiYears();
        if (!problems.any()) {
            params.replaceAll((code, p) -> p.isPrice() ? new Param(p.def(), p.value(), p.unitText(), p.priceUnit(),
                    p.unit(), p.baseYear(), p.source(), p.status(), p.overridden(), p.adjustment(),
                    adjustment.factorFor(p.baseYear(), year)) : p);
        }
    }

    /** Resolves a parameter the stands turn out to need (e.g. Z once a stand uses InVEST's water balance). */
    Param require(String code, String field) {
        Param p = params.get(code);
        if (p == null) {
            ReferenceData.ParameterDef def = ref.parameters().get(code);
            problems.add(field, "missing-parameter", code, def.name(), def.unit());
        }
        return p;
    }

    private void resolve(String code, Map<String, GepRequest.ParameterOverride> overrides,
            List<GepRequest.ParameterOverride> given) {
        ReferenceData.ParameterDef def = ref.parameters().get(code);
        GepRequest.ParameterOverride o = overrides.get(code);
        String path = o == null ? "parameters" : "parameters[" + given.indexOf(o) + "]";
        BigDecimal value = o == null ? def.value() : o.value();
        if (value == null) {
            problems.add(path, "missing-parameter", code, def.name(), def.unit());
            return;
        }
        if (value.signum() < 0) {
            problems.add(path + ".value", "negative", def.name());
            return;
        }
        String unitText = o == null || o.unit() == null ? def.unit() : o.unit();
        Integer baseYear = o == null ? def.baseYear() : (o.baseYear() != null ? o.baseYear() : def.baseYear());
        PriceUnit priceUnit = null;
        Unit unit = null;
        if (def.kind() == ReferenceData.Kind.PRICE) {
            PriceUnit expected = PriceUnit.parse(def.unit()).orElseThrow();
            priceUnit = PriceUnit.parse(unitText).orElse(null);
            if (priceUnit == null && (!unitText.contains("/")
                    || Unit.parse(unitText.substring(unitText.indexOf('/') + 1)).isEmpty())) {
                problems.add(path + ".unit", "unknown-unit", unitText);
                return;
            }
            if (priceUnit == null || priceUnit.per().dimension() != expected.per().dimension()) {
                problems.add(path + ".unit", "unit-mismatch", unitText, def.name(), def.unit());
                return;
            }
            if (baseYear == null && adjustment.methodOrNone() != PriceAdjustment.Method.NONE
                    && adjustment.methodOrNone() != PriceAdjustment.Method.FACTOR) {
                problems.add(path + ".baseYear", "missing-base-year", def.name());
                return;
            }
        } else if (def.kind() == ReferenceData.Kind.THRESHOLD) {
            if (!unitText.equals(def.unit())) {
                problems.add(path + ".unit", "unit-mismatch", unitText, def.name(), def.unit());
                return;
            }
        } else {
            Unit expected = Unit.parse(def.unit()).orElseThrow();
            unit = Unit.parse(unitText).orElse(null);
            if (unit == null) {
                problems.add(path + ".unit", "unknown-unit", unitText);
                return;
            }
            if (unit.dimension() != expected.dimension()) {
                problems.add(path + ".unit", "unit-mismatch", unitText, def.name(), def.unit());
                return;
            }
            value = unit.convert(value, expected);
            unit = expected;
            unitText = def.unit();
        }
        String source = o == null ? def.source() : (o.source() == null ? "" : o.source());
        Status status = o == null ? def.status() : (o.status() == null ? Status.S : o.status());
        params.put(code, new Param(def, value, unitText, priceUnit, unit, baseYear, source, status, o != null,
                adjustment.methodOrNone().name(), BigDecimal.ONE));
    }

    private void checkAdjustment() {
        PriceAdjustment a = adjustment;
        switch (a.methodOrNone()) {
            case NONE -> {
                // allowed under every profile; under GB/T 38582 the result notes that d was not applied
            }
            case FACTOR -> {
                if (a.factor() == null || a.factor().signum() <= 0) {
                    problems.add("priceAdjustment.factor", "not-positive");
                }
            }
            case CPI_RATIO -> {
                if (a.cpi() == null || a.cpi().isEmpty()) {
                    problems.add("priceAdjustment.cpi", "missing-field");
                } else {
                    a.cpi().forEach((y, v) -> {
                        if (v == null || v.signum() <= 0) {
                            problems.add("priceAdjustment.cpi." + y, "not-positive");
                        }
                    });
                }
            }
            case D_FACTOR -> {
                checkRate("priceAdjustment.depositRate", a.depositRate());
                checkRate("priceAdjustment.loanRate", a.loanRate());
            }
        }
    }

    /** After parameters are known: every price's base year and the accounting year must have a CPI. */
    private void checkCpiYears() {
        if (adjustment.methodOrNone() != PriceAdjustment.Method.CPI_RATIO || adjustment.cpi() == null) {
            return;
        }
        Set<Integer> years = new java.util.TreeSet<>();
        years.add(year);
        params.values().stream().filter(Param::isPrice).map(Param::baseYear).filter(java.util.Objects::nonNull)
                .forEach(years::add);
        for (Integer y : years) {
            if (!adjustment.cpi().containsKey(y)) {
                problems.add("priceAdjustment.cpi", "missing-cpi-year", y);
            }
        }
    }

    private void checkRate(String field, BigDecimal rate) {
        if (rate == null) {
            problems.add(field, "missing-field");
        } else if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            problems.add(field, "rate-out-of-range");
        }
    }
}
