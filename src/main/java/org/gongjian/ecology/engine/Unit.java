package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A physical unit the engine accepts, with its dimension and its exact factor to the dimension's
 * base unit (a ratio, so that t C ↔ t CO₂ = 12/44 stays exact until the last division). Only units
 * of one dimension convert into each other; anything else is a unit mismatch.
 */
public enum Unit {
    HECTARE(Dimension.AREA, "hm²", 1, 1, "hm2", "ha", "公顷"),
    SQUARE_KILOMETRE(Dimension.AREA, "km²", 100, 1, "km2", "平方公里"),
    SQUARE_METRE(Dimension.AREA, "m²", 1, 10_000, "m2", "平方米"),
    MU(Dimension.AREA, "亩", 1, 15, "mu"),
    TEN_THOUSAND_HECTARES(Dimension.AREA, "万hm²", 10_000, 1, "万hm2", "万公顷", "万ha"),

    METRE(Dimension.LENGTH, "m", 1, 1, "米"),
    CENTIMETRE(Dimension.LENGTH, "cm", 1, 100),
    MILLIMETRE(Dimension.LENGTH, "mm", 1, 1000, "毫米"),

    CUBIC_METRE(Dimension.VOLUME, "m³", 1, 1, "m3", "立方米"),
    TEN_THOUSAND_CUBIC_METRES(Dimension.VOLUME, "万m³", 10_000, 1, "万m3", "万立方米"),
    HUNDRED_MILLION_CUBIC_METRES(Dimension.VOLUME, "亿m³", 100_000_000, 1, "亿m3"),

    TONNE(Dimension.MASS, "t", 1, 1, "吨"),
    KILOGRAM(Dimension.MASS, "kg", 1, 1000, "千克", "公斤"),
    GRAM(Dimension.MASS, "g", 1, 1_000_000, "克"),
    TEN_THOUSAND_TONNES(Dimension.MASS, "万t", 10_000, 1, "万吨"),
    HUNDRED_MILLION_TONNES(Dimension.MASS, "亿t", 100_000_000, 1, "亿吨"),

    TONNE_C(Dimension.CARBON, "t C", 1, 1, "tC", "吨碳"),
    TONNE_CO2(Dimension.CARBON, "t CO₂", 12, 44, "tCO2", "t CO2", "tCO₂", "t CO2e", "tCO2e", "t CO₂e", "吨二氧化碳"),
    TEN_THOUSAND_TONNES_C(Dimension.CARBON, "万t C", 10_000, 1, "万tC"),
    TEN_THOUSAND_TONNES_CO2(Dimension.CARBON, "万t CO₂", 120_000, 44, "万tCO2", "万t CO2"),

    ION(Dimension.COUNT, "个", 1, 1, "ions"),
    EXA_IONS(Dimension.COUNT, "10¹⁸个", 1_000_000_000_000_000_000L, 1, "10^18个", "1e18个"),

    KILOWATT_HOUR(Dimension.ENERGY, "kWh", 1, 1, "千瓦时", "度"),
    TEN_THOUSAND_KILOWATT_HOURS(Dimension.ENERGY, "万kWh", 10_000, 1, "万千瓦时"),
    HUNDRED_MILLION_KILOWATT_HOURS(Dimension.ENERGY, "亿kWh", 100_000_000, 1, "亿千瓦时", "亿度"),

    MINUTE(Dimension.TIME, "min", 1, 1, "分钟"),
    SECOND(Dimension.TIME, "s", 1, 60, "秒"),
    HOUR(Dimension.TIME, "h", 60, 1, "小时"),

    TONNE_PER_CUBIC_METRE(Dimension.DENSITY, "t/m³", 1, 1, "t/m3", "g/cm³", "g/cm3"),

    ONE(Dimension.FRACTION, "1", 1, 1, ""),
    PERCENT(Dimension.FRACTION, "%", 1, 100),
    GRAM_PER_KILOGRAM(Dimension.FRACTION, "g/kg", 1, 1000),

    TONNE_PER_HECTARE_YEAR(Dimension.MASS_RATE, "t/(hm²·a)", 1, 1, "t/hm2/a", "t/(hm2·a)", "t/(ha·a)", "t/ha/a"),
    TONNE_PER_SQUARE_KILOMETRE_YEAR(Dimension.MASS_RATE, "t/(km²·a)", 1, 100, "t/km2/a", "t/(km2·a)"),
    KILOGRAM_PER_HECTARE_YEAR(Dimension.MASS_RATE, "kg/(hm²·a)", 1, 1000, "kg/hm2/a", "kg/(hm2·a)", "kg/(ha·a)", "kg/ha/a"),
    GRAM_PER_SQUARE_METRE_YEAR(Dimension.MASS_RATE, "g/(m²·a)", 1, 100, "g/m2/a", "g/(m2·a)"),

    TONNE_C_PER_HECTARE_YEAR(Dimension.CARBON_RATE, "t C/(hm²·a)", 1, 1, "tC/hm2/a", "t C/(hm2·a)", "tC/(hm²·a)"),
    TONNE_CO2_PER_HECTARE_YEAR(Dimension.CARBON_RATE, "t CO₂/(hm²·a)", 12, 44, "tCO2/hm2/a", "t CO2/(hm2·a)"),

    TONNE_PER_HECTARE(Dimension.MASS_PER_AREA, "t/hm²", 1, 1, "t/hm2", "t/ha"),
    KILOGRAM_PER_HECTARE(Dimension.MASS_PER_AREA, "kg/hm²", 1, 1000, "kg/hm2", "kg/ha"),
    KILOGRAM_PER_MU(Dimension.MASS_PER_AREA, "kg/亩", 15, 1000),

    CUBIC_METRE_PER_HECTARE(Dimension.STOCK, "m³/hm²", 1, 1, "m3/hm2", "m3/ha", "m³/ha"),
    CUBIC_METRE_PER_MU(Dimension.STOCK, "m³/亩", 15, 1, "m3/亩"),
    CUBIC_METRE_PER_HECTARE_YEAR(Dimension.STOCK_RATE, "m³/(hm²·a)", 1, 1, "m3/hm2/a", "m3/(hm2·a)"),

    IONS_PER_CUBIC_CENTIMETRE(Dimension.ION_CONCENTRATION, "个/cm³", 1, 1, "个/cm3", "ions/cm3"),
    GRAM_PER_SQUARE_METRE(Dimension.LEAF_LOAD, "g/m²", 1, 1, "g/m2"),
    PER_YEAR(Dimension.FREQUENCY, "次/a", 1, 1, "1/a", "times/a");

    /** What a unit measures. */
    public enum Dimension {
        AREA, LENGTH, VOLUME, MASS, CARBON, COUNT, ENERGY, TIME, DENSITY, FRACTION, MASS_RATE, CARBON_RATE,
        MASS_PER_AREA, STOCK, STOCK_RATE, ION_CONCENTRATION, LEAF_LOAD, FREQUENCY
    }

    private static final Map<String, Unit> BY_SYMBOL = new HashMap<>();

    static {
        for (Unit u : values()) {
            BY_SYMBOL.put(key(u.symbol), u);
            BY_SYMBOL.put(key(u.name()), u);
            for (String alias : u.aliases) {
                BY_SYMBOL.put(key(alias), u);
            }
        }
    }

    private final Dimension dimension;
    private final String symbol;
    private final BigDecimal numerator;
    private final BigDecimal denominator;
    private final String[] aliases;

    Unit(Dimension dimension, String symbol, long numerator, long denominator, String... aliases) {
        this.dimension = dimension;
        this.symbol = symbol;
        this.numerator = BigDecimal.valueOf(numerator);
        this.denominator = BigDecimal.valueOf(denominator);
        this.aliases = aliases;
    }

    public Dimension dimension() { return dimension; }

    public String symbol() { return symbol; }

    /** The unit a symbol names: {@code hm²}, {@code hm2}, {@code ha} and {@code 公顷} are the same. */
    public static Optional<Unit> parse(String symbol) {
        return Optional.ofNullable(BY_SYMBOL.get(key(symbol)));
    }

    private static String key(String s) {
        return s.trim().replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /**
     * The factor that turns a number in this unit into the same amount in {@code target}, or a
     * {@link UnitMismatchException} when the two measure different things.
     */
    public Ratio to(Unit target) {
        if (target.dimension != dimension) {
            throw new UnitMismatchException(this, target);
        }
        return new Ratio(numerator.multiply(target.denominator), denominator.multiply(target.numerator));
    }

    /** Converts a number in this unit into {@code target}. */
    public BigDecimal convert(BigDecimal value, Unit target) {
        return target == this ? value : to(target).apply(value);
    }

    /** An exact conversion factor kept as numerator and denominator; applied with one division. */
    public record Ratio(BigDecimal numerator, BigDecimal denominator) {

        public boolean isOne() {
            return numerator.compareTo(denominator) == 0;
        }

        public BigDecimal apply(BigDecimal value) {
            return isOne() ? value : Num.div(value.multiply(numerator), denominator);
        }
    }

    /** Two units of different dimensions met where one was to be converted into the other. */
    public static final class UnitMismatchException extends IllegalArgumentException {
        private final transient Unit from;
        private final transient Unit to;

        UnitMismatchException(Unit from, Unit to) {
            super("Cannot convert " + from.symbol + " (" + from.dimension + ") to " + to.symbol + " (" + to.dimension + ")");
            this.from = from;
            this.to = to;
        }

        public Unit from() { return from; }

        public Unit to() { return to; }
    }
}
