package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A numeric column of a stand: its JSON name, standard unit, the range it must lie in, and its Chinese label. */
public enum StandField {
    AREA("area", Unit.HECTARE, Range.POSITIVE, "面积", Stand::area),
    VOLUME("volume", Unit.CUBIC_METRE_PER_HECTARE, Range.NON_NEGATIVE, "单位面积蓄积量", Stand::volume),
    PREVIOUS_VOLUME("previousVolume", Unit.CUBIC_METRE_PER_HECTARE, Range.NON_NEGATIVE, "期初单位面积蓄积量",
            Stand::previousVolume),
    VOLUME_INCREMENT("volumeIncrement", Unit.CUBIC_METRE_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "蓄积年生长量",
            Stand::volumeIncrement),
    HEIGHT("height", Unit.METRE, Range.NON_NEGATIVE, "林分平均高", Stand::height),
    LAI("lai", Unit.ONE, Range.NON_NEGATIVE, "叶面积指数", Stand::lai),
    NPP("npp", Unit.TONNE_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "林分年净生产力", Stand::npp),
    PRECIPITATION("precipitation", Unit.MILLIMETRE, Range.NON_NEGATIVE, "降水量", Stand::precipitation),
    EVAPOTRANSPIRATION("evapotranspiration", Unit.MILLIMETRE, Range.NON_NEGATIVE, "林分蒸散量",
            Stand::evapotranspiration),
    RUNOFF("runoff", Unit.MILLIMETRE, Range.NON_NEGATIVE, "地表快速径流量", Stand::runoff),
    RUNOFF_COEFFICIENT("runoffCoefficient", Unit.ONE, Range.FRACTION, "径流系数", Stand::runoffCoefficient),
    EROSION_WITH_FOREST("erosionWithForest", Unit.TONNE_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "有林地土壤侵蚀模数",
            Stand::erosionWithForest),
    EROSION_WITHOUT_FOREST("erosionWithoutForest", Unit.TONNE_PER_HECTARE_YEAR, Range.NON_NEGATIVE,
            "无林地土壤侵蚀模数", Stand::erosionWithoutForest),
    SOIL_BULK_DENSITY("soilBulkDensity", Unit.TONNE_PER_CUBIC_METRE, Range.POSITIVE, "土壤容重", Stand::soilBulkDensity),
    SOIL_N("soilN", Unit.ONE, Range.FRACTION, "土壤含氮量", Stand::soilN),
    SOIL_P("soilP", Unit.ONE, Range.FRACTION, "土壤含磷量", Stand::soilP),
    SOIL_K("soilK", Unit.ONE, Range.FRACTION, "土壤含钾量", Stand::soilK),
    SOIL_ORGANIC_MATTER("soilOrganicMatter", Unit.ONE, Range.FRACTION, "土壤有机质含量", Stand::soilOrganicMatter),
    TREE_N("treeN", Unit.ONE, Range.FRACTION, "林木含氮量", Stand::treeN),
    TREE_P("treeP", Unit.ONE, Range.FRACTION, "林木含磷量", Stand::treeP),
    TREE_K("treeK", Unit.ONE, Range.FRACTION, "林木含钾量", Stand::treeK),
    SOIL_CARBON_ACCUMULATION("soilCarbonAccumulation", Unit.TONNE_C_PER_HECTARE_YEAR, Range.ANY, "土壤年固碳量",
            Stand::soilCarbonAccumulation),
    ION_CONCENTRATION("ionConcentration", Unit.IONS_PER_CUBIC_CENTIMETRE, Range.NON_NEGATIVE, "负离子浓度",
            Stand::ionConcentration),
    ION_LIFETIME("ionLifetime", Unit.MINUTE, Range.POSITIVE, "负离子寿命", Stand::ionLifetime),
    SO2_ABSORPTION("so2Absorption", Unit.KILOGRAM_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "单位面积吸收二氧化硫量",
            Stand::so2Absorption),
    HF_ABSORPTION("hfAbsorption", Unit.KILOGRAM_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "单位面积吸收氟化物量",
            Stand::hfAbsorption),
    NOX_ABSORPTION("noxAbsorption", Unit.KILOGRAM_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "单位面积吸收氮氧化物量",
            Stand::noxAbsorption),
    DUST_RETENTION("dustRetention", Unit.KILOGRAM_PER_HECTARE_YEAR, Range.NON_NEGATIVE, "单位面积滞尘量",
            Stand::dustRetention),
    PM10_RETENTION("pm10Retention", Unit.GRAM_PER_SQUARE_METRE, Range.NON_NEGATIVE, "单位叶面积滞纳PM10量",
            Stand::pm10Retention),
    PM25_RETENTION("pm25Retention", Unit.GRAM_PER_SQUARE_METRE, Range.NON_NEGATIVE, "单位叶面积滞纳PM2.5量",
            Stand::pm25Retention),
    WASHOFF_EVENTS("washoffEvents", Unit.PER_YEAR, Range.NON_NEGATIVE, "年洗脱次数", Stand::washoffEvents),
    SHANNON_INDEX("shannonIndex", Unit.ONE, Range.NON_NEGATIVE, "Shannon-Wiener指数", Stand::shannonIndex),
    ENDANGERED_SCORE("endangeredScore", Unit.ONE, Range.NON_NEGATIVE, "濒危指数", Stand::endangeredScore),
    ENDEMIC_SCORE("endemicScore", Unit.ONE, Range.NON_NEGATIVE, "特有种指数", Stand::endemicScore),
    ANCIENT_TREE_SCORE("ancientTreeScore", Unit.ONE, Range.NON_NEGATIVE, "古树年龄指数", Stand::ancientTreeScore),
    WIND_EROSION_WITH_FOREST("windErosionWithForest", Unit.TONNE_PER_HECTARE_YEAR, Range.NON_NEGATIVE,
            "有林地风蚀模数", Stand::windErosionWithForest),
    WIND_EROSION_WITHOUT_FOREST("windErosionWithoutForest", Unit.TONNE_PER_HECTARE_YEAR, Range.NON_NEGATIVE,
            "无林地风蚀模数", Stand::windErosionWithoutForest),
    PROTECTED_FARMLAND("protectedFarmland", Unit.HECTARE, Range.NON_NEGATIVE, "受保护农田面积", Stand::protectedFarmland),
    GRAIN_YIELD_INCREASE("grainYieldIncrease", Unit.KILOGRAM_PER_HECTARE, Range.NON_NEGATIVE, "单位面积粮食增产量",
            Stand::grainYieldIncrease),
    CORRECTION_FACTOR("correctionFactor", Unit.ONE, Range.POSITIVE, "森林生态功能修正系数F", Stand::correctionFactor),
    REFERENCE_BIOMASS("referenceBiomass", Unit.TONNE_PER_HECTARE, Range.POSITIVE, "实测林分生物量B_o",
            Stand::referenceBiomass),
    ETO("eto", Unit.MILLIMETRE, Range.NON_NEGATIVE, "参考蒸散量ET₀", Stand::eto),
    KC("kc", Unit.ONE, Range.NON_NEGATIVE, "植被蒸散系数Kc", Stand::kc),
    ROOT_DEPTH("rootDepth", Unit.MILLIMETRE, Range.NON_NEGATIVE, "根系深度", Stand::rootDepth),
    SOIL_DEPTH("soilDepth", Unit.MILLIMETRE, Range.NON_NEGATIVE, "土层深度", Stand::soilDepth),
    PAWC("pawc", Unit.ONE, Range.FRACTION, "植物可利用水含量", Stand::pawc);

    /** The values a field may take. */
    enum Range { ANY, NON_NEGATIVE, POSITIVE, FRACTION }

    private static final Map<String, StandField> BY_NAME = Stream.of(values())
            .collect(Collectors.toMap(StandField::json, Function.identity()));

    private final String json;
    private final Unit unit;
    private final Range range;
    private final String zh;
    private final Function<Stand, BigDecimal> read;

    StandField(String json, Unit unit, Range range, String zh, Function<Stand, BigDecimal> read) {
        this.json = json;
        this.unit = unit;
        this.range = range;
        this.zh = zh;
        this.read = read;
    }

    public String json() { return json; }

    public Unit unit() { return unit; }

    public String zh() { return zh; }

    Range range() { return range; }

    BigDecimal read(Stand stand) {
        return stand == null ? null : read.apply(stand);
    }

    public static StandField byJson(String name) {
        return BY_NAME.get(name);
    }

    /** The largest magnitude a figure may have: the products of a stand stay far inside a double's range. */
    static final double LARGEST = 1e15;

    /** The message code of a value out of range, or null when it is fine. */
    String check(double v) {
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
