package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An accounting request: the method, the accounting year, how prices are brought to that year,
 * parameter overrides, the stands (小班) of the forest inventory, externally modelled physical
 * quantities, externally valued categories, and optionally a carbon-sink account.
 *
 * @param columnUnits units of stand columns that are not in their standard unit, e.g.
 *                    {@code {"area": "亩", "erosionWithForest": "t/(km²·a)"}}
 * @param services    services switched on or off against the profile's default set
 * @param switches    double-counting switches overriding the profile's
 * @param carbonBasis {@code t C} or {@code t CO₂}: how 固碳 is reported (money is the same)
 */
public record GepRequest(MethodProfile method, Integer accountingYear, PriceAdjustment priceAdjustment,
        BigDecimal correctionFactor, Map<String, String> columnUnits, Map<Service, Boolean> services,
        Map<Switch, Boolean> switches, String carbonBasis, List<ParameterOverride> parameters,
        List<SpeciesGroupOverride> speciesGroups, Stand siteDefaults, List<Town> towns, List<Stand> stands,
        List<PhysicalQuantity> physicalQuantities, List<ExternalValue> externalValues, CarbonSinkRequest carbonSink) {

    /** A town (or subdistrict) of the account: its forest area when no stands are given, and its site defaults. */
    public record Town(String code, String name, BigDecimal forestArea, Stand defaults) {
    }

    /** A parameter's value replaced by the client's, with the source to show for it. */
    public record ParameterOverride(String code, BigDecimal value, String unit, Integer baseYear, String source,
            Status status) {
    }

    /** A species group's carbon parameters replaced (or supplied where the table falls back to IPCC). */
    public record SpeciesGroupOverride(String code, BigDecimal svd, BigDecimal bef, BigDecimal rootShootRatio,
            BigDecimal carbonFraction, String source) {
    }

    /**
     * A physical quantity modelled outside the engine (InVEST, RUSLE, a hydrological model), for one
     * town and optionally one forest type; {@code component} names the pollutant where a service has
     * several (COD, NH3N, TN, TP; SO2, NOX, DUST).
     */
    public record PhysicalQuantity(Service service, String town, String forestType, String component,
            BigDecimal quantity, String unit, String source) {
    }

    /**
     * A category valued outside the engine (forest products at market prices, recreation revenue):
     * either {@code value} in 元, or {@code quantity} × {@code unitPrice}; {@code share} is the part
     * attributed to the forest (default 1).
     */
    public record ExternalValue(Service service, String town, String item, BigDecimal quantity, String unit,
            BigDecimal unitPrice, BigDecimal share, BigDecimal value, String source) {
    }

    /**
     * The carbon sink, kept apart from GEP: by stock difference (stands' previousVolume → volume
     * between fromYear and toYear), gain–loss (stands' volumeIncrement minus {@code losses}) or the
     * inventory growth–consumption variant ({@code stocks}).
     */
    public record CarbonSinkRequest(CarbonMethod method, Integer fromYear, Integer toYear, List<Stock> stocks,
            List<Loss> losses, List<CarbonPrice> prices, String chosen) {
    }

    /** The carbon-sink methods. */
    public enum CarbonMethod { STOCK_DIFFERENCE, GAIN_LOSS, GROWTH_CONSUMPTION }

    /** A town's growing stock of one species group, with its growth and consumption rates (fractions per year). */
    public record Stock(String town, String speciesGroup, BigDecimal volume, BigDecimal growthRate,
            BigDecimal consumptionRate) {
    }

    /**
     * Yearly losses of one town and species group: harvested volume (m³), fuelwood as whole trees (m³)
     * and as parts (t dry matter), and a disturbed area (hm²) with its biomass (t/hm²) and the fraction lost.
     */
    public record Loss(String town, String speciesGroup, BigDecimal harvest, BigDecimal fuelwoodTrees,
            BigDecimal fuelwoodParts, BigDecimal disturbedArea, BigDecimal disturbedBiomass,
            BigDecimal disturbanceFraction) {
    }

    /** Which market a carbon price is from. */
    public enum CarbonMarket {
        ETS("全国碳排放权交易市场"), CCER("国家核证自愿减排量"), CARBON_INCLUSION("碳普惠");

        private final String zh;

        CarbonMarket(String zh) {
            this.zh = zh;
        }

        public String zh() { return zh; }
    }

    /** A carbon price with its market, unit (元/t CO₂ or 元/t C), year and source. */
    public record CarbonPrice(CarbonMarket label, BigDecimal value, String unit, Integer year, String source) {
    }
}
