package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A numeric column of a stand: its JSON name, standard unit, the range it must lie in, and its Chinese label. */
public enum StandField {
    AREA("area", Unit.HECTARE, Range.POSITIVE, "面积"),
    VOLUME("volume", Unit.CUBIC_METRE_PER_HECTARE, Range.NON_NEGATIVE, "单位面积蓄积量"),
    PREVIOUS_VOLUME("previousVolume", Unit.CUBIC_METRE_PER_HECTARE, Range.NON_NEGATIVE, "期初单位面积蓄积量"),
    VOLUME_INCREMENT("volumeIncrement", Unit.CUBIC_METRE_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "蓄积年生长量"),
    HEIGHT("height", Unit.METRE, Range.NON_NEGATIVE, "林分平均高"),
    LAI("lai", Unit.ONE, Range.NON_NEGATIVE, "叶面积指数"),
    NPP("npp", Unit.TONNE_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "林分年净生产力"),
    PRECIPITATION("precipitation", Unit.MILLIMETRE, Range.NON_NEGATIVE, "降水量"),
    EVAPOTRANSPIRATION("evapotranspiration", Unit.MILLIMETRE, Range.NON_NEGATIVE, "林分蒸散量"),
    RUNOFF("runoff", Unit.MILLIMETRE, Range.NON_NEGATIVE, "地表快速径流量"),
    RUNOFF_COEFFICIENT("runoffCoefficient", Unit.ONE, Range.FRACTION, "径流系数"),
    EROSION_WITH_FOREST("erosionWithForest", Unit.TONNE_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "有林地土壤侵蚀模数"),
    EROSION_WITHOUT_FOREST("erosionWithoutForest", Unit.TONNE_PER_HECTARE_YEAR, Range.NON_NEGATIVE,
            "无林地土壤侵蚀模数"),
    SOIL_BULK_DENSITY("soilBulkDensity", Unit.TONNE_PER_CUBIC_METRE, Range.POSITIVE, "土壤容重"),
    SOIL_N("soilN", Unit.ONE, Range.FRACTION, "土壤含氮量"),
    SOIL_P("soilP", Unit.ONE, Range.FRACTION, "土壤含磷量"),
    SOIL_K("soilK", Unit.ONE, Range.FRACTION, "土壤含钾量"),
    SOIL_ORGANIC_MATTER("soilOrganicMatter", Unit.ONE, Range.FRACTION, "土壤有机质含量"),
    TREE_N("treeN", Unit.ONE, Range.FRACTION, "林木含氮量"),
    TREE_P("treeP", Unit.ONE, Range.FRACTION, "林木含磷量"),
    TREE_K("treeK", Unit.ONE, Range.FRACTION, "林木含钾量"),
    SOIL_CARBON_ACCUMULATION("soilCarbonAccumulation", Unit.TONNE_C_PER_HECTARE_YEAR, Range.ANY, "土壤年固碳量"),
    ION_CONCENTRATION("ionConcentration", Unit.IONS_PER_CUBIC_CENTIMETRE, Range.NON_NEGATIVE, "负离子浓度"),
    ION_LIFETIME("ionLifetime", Unit.MINUTE, Range.POSITIVE, "负离子寿命"),
    SO2_ABSORPTION("so2Absorption", Unit.KILOGRAM_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "单位面积吸收二氧化硫量"),
    HF_ABSORPTION("hfAbsorption", Unit.KILOGRAM_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "单位面积吸收氟化物量"),
    NOX_ABSORPTION("noxAbsorption", Unit.KILOGRAM_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "单位面积吸收氮氧化物量"),
    DUST_RETENTION("dustRetention", Unit.KILOGRAM_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "单位面积滞尘量"),
    PM10_RETENTION("pm10Retention", Unit.GRAM_PER_SQUARE_METRE, Range.NON_NEGATIVE, "单位叶面积滞纳PM10量"),
    PM25_RETENTION("pm25Retention", Unit.GRAM_PER_SQUARE_METRE, Range.NON_NEGATIVE, "单位叶面积滞纳PM2.5量"),
    WASHOFF_EVENTS("washoffEvents", Unit.PER_YEAR, Range.NON_NEGATIVE, "年洗脱次数"),
    SHANNON_INDEX("shannonIndex", Unit.ONE, Range.NON_NEGATIVE, "Shannon-Wiener指数"),
    ENDANGERED_SCORE("endangeredScore", Unit.ONE, Range.NON_NEGATIVE, "濒危指数"),
    ENDEMIC_SCORE("endemicScore", Unit.ONE, Range.NON_NEGATIVE, "特有种指数"),
    ANCIENT_TREE_SCORE("ancientTreeScore", Unit.ONE, Range.NON_NEGATIVE, "古树年龄指数"),
    WIND_EROSION_WITH_FOREST("windErosionWithForest", Unit.TONNE_PER_HECTARE_YEAR, Range.NON_NEGATIVE,
            "有林地风蚀模数"),
    WIND_EROSION_WITHOUT_FOREST("windErosionWithoutForest", Unit.TONNE_PER_HECTARE_YEAR, Range.NON_NEGATIVE,
            "无林地风蚀模数"),
    PROTECTED_FARMLAND("protectedFarmland", Unit.HECTARE, Range.NON_NEGATIVE, "受保护农田面积"),
    GRAIN_YIELD_INCREASE("grainYieldIncrease", Unit.KILOGRAM_PER_HECTARE, Range.NON_NEGATIVE, "单位面积粮食增产量"),
    CORRECTION_FACTOR("correctionFactor", Unit.ONE, Range.POSITIVE, "森林生态功能修正系数F"),
    REFERENCE_BIOMASS("referenceBiomass", Unit.TONNE_PER_HECTARE, Range.POSITIVE, "实测林分生物量B_o"),
    ETO("eto", Unit.MILLIMETRE, Range.NON_NEGATIVE, "参考蒸散量ET₀"),
    KC("kc", Unit.ONE, Range.NON_NEGATIVE, "植被蒸散系数Kc"),
    ROOT_DEPTH("rootDepth", Unit.MILLIMETRE, Range.NON_NEGATIVE, "根系深度"),
    SOIL_DEPTH("soilDepth", Unit.MILLIMETRE, Range.NON_NEGATIVE, "土层深度"),
    PAWC("pawc", Unit.ONE, Range.FRACTION, "植物可利用水含量");

    /** The largest magnitude a figure may have: the products of a stand stay far inside a double's range. */
    static final double LARGEST = 1e15;

    /** The values a field may take, as bounds for the check every figure of every stand goes through. */
    enum Range {
        ANY(-LARGEST, LARGEST), NON_NEGATIVE(0, LARGEST), POSITIVE(Double.MIN_VALUE, LARGEST), FRACTION(0, 1);

        final double min;
        final double max;

        Range(double min, double max) {
            this.min = min;
            this.max = max;
        }
    }

    private static final Map<String, StandField> BY_NAME = Stream.of(values())
            .collect(Collectors.toMap(StandField::json, Function.identity()));

    private final String json;
    private final Unit unit;
    private final Range range;
    private final String zh;

    StandField(String json, Unit unit, Range range, String zh) {
        this.json = json;
        this.unit = unit;
        this.range = range;
        this.zh = zh;
    }

    public String json() { return json; }

    public Unit unit() { return unit; }

    public String zh() { return zh; }

    Range range() { return range; }

    /** The stand's figure for this field, or null (a switch rather than a function per field: one call site the JIT inlines). */
    BigDecimal read(Stand stand) {
        if (stand == null) {
            return null;
        }
        return switch (this) {
            case AREA -> stand.area();
            case VOLUME -> stand.volume();
            case PREVIOUS_VOLUME -> stand.previousVolume();
            case VOLUME_INCREMENT -> stand.volumeIncrement();
            case HEIGHT -> stand.height();
            case LAI -> stand.lai();
            case NPP -> stand.npp();
            case PRECIPITATION -> stand.precipitation();
            case EVAPOTRANSPIRATION -> stand.evapotranspiration();
            case RUNOFF -> stand.runoff();
            case RUNOFF_COEFFICIENT -> stand.runoffCoefficient();
            case EROSION_WITH_FOREST -> stand.erosionWithForest();
            case EROSION_WITHOUT_FOREST -> stand.erosionWithoutForest();
            case SOIL_BULK_DENSITY -> stand.soilBulkDensity();
            case SOIL_N -> stand.soilN();
            case SOIL_P -> stand.soilP();
            case SOIL_K -> stand.soilK();
            case SOIL_ORGANIC_MATTER -> stand.soilOrganicMatter();
            case TREE_N -> stand.treeN();
            case TREE_P -> stand.treeP();
            case TREE_K -> stand.treeK();
            case SOIL_CARBON_ACCUMULATION -> stand.soilCarbonAccumulation();
            case ION_CONCENTRATION -> stand.ionConcentration();
            case ION_LIFETIME -> stand.ionLifetime();
            case SO2_ABSORPTION -> stand.so2Absorption();
            case HF_ABSORPTION -> stand.hfAbsorption();
            case NOX_ABSORPTION -> stand.noxAbsorption();
            case DUST_RETENTION -> stand.dustRetention();
            case PM10_RETENTION -> stand.pm10Retention();
            case PM25_RETENTION -> stand.pm25Retention();
            case WASHOFF_EVENTS -> stand.washoffEvents();
            case SHANNON_INDEX -> stand.shannonIndex();
            case ENDANGERED_SCORE -> stand.endangeredScore();
            case ENDEMIC_SCORE -> stand.endemicScore();
            case ANCIENT_TREE_SCORE -> stand.ancientTreeScore();
            case WIND_EROSION_WITH_FOREST -> stand.windErosionWithForest();
            case WIND_EROSION_WITHOUT_FOREST -> stand.windErosionWithoutForest();
            case PROTECTED_FARMLAND -> stand.protectedFarmland();
            case GRAIN_YIELD_INCREASE -> stand.grainYieldIncrease();
            case CORRECTION_FACTOR -> stand.correctionFactor();
            case REFERENCE_BIOMASS -> stand.referenceBiomass();
            case ETO -> stand.eto();
            case KC -> stand.kc();
            case ROOT_DEPTH -> stand.rootDepth();
            case SOIL_DEPTH -> stand.soilDepth();
            case PAWC -> stand.pawc();
        };
    }

    public static StandField byJson(String name) {
        return BY_NAME.get(name);
    }

    /** The message code of a value out of range, or null when it is fine. */
    String check(double v) {
        if (v >= range.min && v <= range.max) {
            return null;
        }
        if (!(Math.abs(v) <= LARGEST)) {
            return "beyond-range";
        }
        return switch (range) {
            case ANY -> null;
            case NON_NEGATIVE -> v < 0 ? "negative" : null;
            case POSITIVE -> v <= 0 ? (this == AREA && v < 0 ? "negative-area" : "not-positive") : null;
            case FRACTION -> v < 0 || v > 1 ? "not-a-fraction" : null;
        };
    }
}
