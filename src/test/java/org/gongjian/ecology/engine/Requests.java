package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Builds requests for tests, starting from a plain one and changing what a test is about. */
public record Requests(MethodProfile method, int year, PriceAdjustment adjustment, BigDecimal f,
        Map<String, String> columnUnits, Map<Service, Boolean> services, Map<Switch, Boolean> switches, String carbonBasis,
        List<GepRequest.ParameterOverride> parameters, List<GepRequest.SpeciesGroupOverride> groups, Stand site,
        List<GepRequest.Town> towns, List<Stand> stands, List<GepRequest.PhysicalQuantity> quantities,
        List<GepRequest.ExternalValue> values, GepRequest.CarbonSinkRequest carbon) {

    public static Requests of(MethodProfile method, int year, Stand... stands) {
        return new Requests(method, year, PriceAdjustment.none(), null, Map.of(), Map.of(), Map.of(), null, List.of(),
                List.of(), null, List.of(), List.of(stands), List.of(), List.of(), null);
    }

    public Requests adjustment(PriceAdjustment a) {
        return new Requests(method, year, a, f, columnUnits, services, switches, carbonBasis, parameters, groups, site,
                towns, stands, quantities, values, carbon);
    }

    public Requests f(String factor) {
        return new Requests(method, year, adjustment, new BigDecimal(factor), columnUnits, services, switches,
                carbonBasis, parameters, groups, site, towns, stands, quantities, values, carbon);
    }

    public Requests columnUnits(Map<String, String> units) {
        return new Requests(method, year, adjustment, f, units, services, switches, carbonBasis, parameters, groups,
                site, towns, stands, quantities, values, carbon);
    }

    public Requests services(Map<Service, Boolean> on) {
        return new Requests(method, year, adjustment, f, columnUnits, on, switches, carbonBasis, parameters, groups,
                site, towns, stands, quantities, values, carbon);
    }

    public Requests switches(Map<Switch, Boolean> on) {
        return new Requests(method, year, adjustment, f, columnUnits, services, on, carbonBasis, parameters, groups,
                site, towns, stands, quantities, values, carbon);
    }

    public Requests carbonBasis(String basis) {
        return new Requests(method, year, adjustment, f, columnUnits, services, switches, basis, parameters, groups,
                site, towns, stands, quantities, values, carbon);
    }

    public Requests parameters(GepRequest.ParameterOverride... overrides) {
        return new Requests(method, year, adjustment, f, columnUnits, services, switches, carbonBasis,
                List.of(overrides), groups, site, towns, stands, quantities, values, carbon);
    }

    public Requests groups(GepRequest.SpeciesGroupOverride... overrides) {
        return new Requests(method, year, adjustment, f, columnUnits, services, switches, carbonBasis, parameters,
                List.of(overrides), site, towns, stands, quantities, values, carbon);
    }

    public Requests site(Stand defaults) {
        return new Requests(method, year, adjustment, f, columnUnits, services, switches, carbonBasis, parameters,
                groups, defaults, towns, stands, quantities, values, carbon);
    }

    public Requests towns(GepRequest.Town... list) {
        return new Requests(method, year, adjustment, f, columnUnits, services, switches, carbonBasis, parameters,
                groups, site, List.of(list), stands, quantities, values, carbon);
    }

    public Requests stands(List<Stand> list) {
        return new Requests(method, year, adjustment, f, columnUnits, services, switches, carbonBasis, parameters,
                groups, site, towns, list, quantities, values, carbon);
    }

    public Requests quantities(GepRequest.PhysicalQuantity... list) {
        return new Requests(method, year, adjustment, f, columnUnits, services, switches, carbonBasis, parameters,
                groups, site, towns, stands, List.of(list), values, carbon);
    }

    public Requests values(GepRequest.ExternalValue... list) {
        return new Requests(method, year, adjustment, f, columnUnits, services, switches, carbonBasis, parameters,
                groups, site, towns, stands, quantities, List.of(list), carbon);
    }

    public Requests carbon(GepRequest.CarbonSinkRequest sink) {
        return new Requests(method, year, adjustment, f, columnUnits, services, switches, carbonBasis, parameters,
                groups, site, towns, stands, quantities, values, sink);
    }

    public GepRequest build() {
        return new GepRequest(method, year, adjustment, f, columnUnits, services, switches, carbonBasis, parameters,
                groups, site, towns, stands, quantities, values, carbon);
    }

    public GepResult evaluate() {
        return GepEngine.standard().evaluate(build());
    }
}
