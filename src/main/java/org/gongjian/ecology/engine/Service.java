package org.gongjian.ecology.engine;

import java.util.List;

/**
 * The service lines of an account, each with a stable code, its standard Chinese name, the function
 * (一级指标) and GEP category it belongs to, the family of methods it appears in, and the prices it
 * is valued at.
 */
public enum Service {
    WATER_REGULATION("调节水量", "Water regulation", "涵养水源", Scope.FOREST, Source.STANDS, null, true,
            "10·A·(P−E−C)·F", "C_RESERVOIR"),
    WATER_PURIFICATION("净化水质", "Water purification", "涵养水源", Scope.FOREST, Source.STANDS,
            Switch.WATER_PURIFICATION_BY_VOLUME, true, "10·A·(P−E−C)·F × K水", "K_WATER"),
    SOIL_FIXATION("固土", "Soil fixation", "保育土壤", Scope.FOREST, Source.STANDS, null, true,
            "A·(X2−X1)·F；价值 G/ρ × C土", "C_EARTH"),
    SOIL_FERTILITY("保肥", "Soil fertility", "保育土壤", Scope.FOREST, Source.STANDS, Switch.SUPPORTING_SERVICES, true,
            "A·(N,P,K,M)·(X2−X1)·F；价值 N·C1/R1+P·C1/R2+K·C2/R3+M·C3", "C1_DAP", "C2_KCL", "C3_ORGANIC",
            "R1_DAP_N", "R2_DAP_P", "R3_KCL_K"),
    NUTRIENT_RETENTION("林木养分固持", "Nutrient retention", "林木养分固持", Scope.FOREST, Source.STANDS,
            Switch.SUPPORTING_SERVICES, true, "A·(N,P,K)营养·B年·F；价值 N·C1/R1+P·C1/R2+K·C2/R3", "C1_DAP", "C2_KCL",
            "R1_DAP_N", "R2_DAP_P", "R3_KCL_K"),
    CARBON_FIXATION("固碳", "Carbon fixation", "固碳释氧", Scope.BOTH, Source.STANDS_OR_MODEL, null, true,
            "1.63·R碳·A·B年·F + A·F土壤碳·F", "C_CARBON", "P_CO2", "CO2_PER_DM", "C_IN_CO2"),
    OXYGEN_RELEASE("释氧", "Oxygen release", "固碳释氧", Scope.BOTH, Source.STANDS_OR_MODEL, Switch.OXYGEN_RELEASE, true,
            "1.19·A·B年·F", "C_OXYGEN", "O2_PER_DM"),
    NEGATIVE_IONS("提供负离子", "Negative air ions", "净化大气环境", Scope.FOREST, Source.STANDS, null, true,
            "5.256×10¹⁵·Q·A·H·F/L；价值按(Q−600)", "K_ION", "ION_LIFETIME", "ION_THRESHOLD"),
    ABSORB_SO2("吸收二氧化硫", "SO₂ absorption", "净化大气环境", Scope.FOREST, Source.STANDS, null, true,
            "Q二氧化硫·A·F", "K_SO2"),
    ABSORB_HF("吸收氟化物", "Fluoride absorption", "净化大气环境", Scope.FOREST, Source.STANDS, null, true,
            "Q氟化物·A·F", "K_HF"),
    ABSORB_NOX("吸收氮氧化物", "NOx absorption", "净化大气环境", Scope.FOREST, Source.STANDS, null, true,
            "Q氮氧化物·A·F", "K_NOX"),
    DUST_TSP("滞纳TSP", "Dust (TSP) retention", "净化大气环境", Scope.FOREST, Source.STANDS, null, true,
            "Q滞尘·A·F；价值 (G_TSP−G_PM10−G_PM2.5)·K滞尘", "K_TSP"),
    DUST_PM10("滞纳PM10", "PM10 retention", "净化大气环境", Scope.GBT, Source.STANDS, null, false,
            "10·Q_PM10·A·n·F·LAI", "C_PM10"),
    DUST_PM25("滞纳PM2.5", "PM2.5 retention", "净化大气环境", Scope.GBT, Source.STANDS, null, false,
            "10·Q_PM2.5·A·n·F·LAI", "C_PM25"),
    WINDBREAK("防风固沙", "Windbreak and sand fixation", "森林防护", Scope.FOREST, Source.STANDS, null, false,
            "A·(Y2−Y1)·F", "K_WINDBREAK"),
    FARMLAND_SHELTER("农田防护", "Farmland shelter", "森林防护", Scope.FOREST, Source.STANDS, null, false,
            "受保护农田面积·单位增产量 × 粮价", "V_GRAIN"),
    SPECIES_CONSERVATION("物种保育", "Species conservation", "生物多样性保护", Scope.BOTH, Source.STANDS,
            Switch.BIODIVERSITY, true, "(1+0.1ΣE+0.1ΣB+0.1ΣO)·S生·A", "SI_0", "SI_1", "SI_2", "SI_3", "SI_4", "SI_5",
            "SI_6"),
    WATER_RETENTION("水源涵养", "Water retention", "水源涵养", Scope.GEP, Source.STANDS_OR_MODEL, null, true,
            "(P−R−ET)·A，R=P·α", "C_RESERVOIR"),
    SOIL_RETENTION("土壤保持", "Soil retention", "土壤保持", Scope.GEP, Source.STANDS_OR_MODEL, null, true,
            "A_c=A·(X2−X1)；价值 λ·A_c/ρ·P_s + A_c·C_N·P_N + A_c·C_P·P_P", "SEDIMENT_RATIO", "P_DREDGE", "P_N",
            "P_P"),
    FLOOD_REGULATION("洪水调蓄", "Flood regulation", "洪水调蓄", Scope.GEP, Source.MODEL, null, true,
            "外部模型调蓄量 × 水库单位库容造价", "C_RESERVOIR"),
    WATER_QUALITY("水质净化", "Water quality", "水质净化", Scope.GEP, Source.MODEL, null, true,
            "Σ污染物削减量 × 处理成本", "P_COD", "P_NH3N", "P_N", "P_P"),
    AIR_QUALITY("大气净化", "Air quality", "大气净化", Scope.GEP, Source.STANDS_OR_MODEL, null, true,
            "Σ污染物净化量 × 治理费用", "K_SO2", "K_NOX", "K_TSP"),
    CLIMATE_REGULATION("气候调节", "Climate regulation", "气候调节", Scope.GEP, Source.MODEL, null, true,
            "蒸散消耗能量(kWh) × 电价", "P_ELECTRICITY"),
    PEST_CONTROL("病虫害控制", "Pest control", "病虫害控制", Scope.GEP, Source.MODEL, null, true,
            "自然恢复面积 × 防治费用", "P_PEST"),
    SAND_FIXATION("防风固沙", "Sand fixation", "防风固沙", Scope.GEP, Source.MODEL, null, true,
            "Q_f/(ρ·h) × P_f", "SAND_DENSITY", "SAND_DEPTH", "P_SAND"),
    FOREST_PRODUCTS("林产品供给", "Forest products", "物质产品", Scope.BOTH, Source.VALUE, null, true,
            "Σ产量 × 价格（外部核定）"),
    RECREATION("森林康养与游憩", "Forest recreation and wellness", "文化服务", Scope.BOTH, Source.VALUE, null, true,
            "Σ收入 × 森林贡献比例（外部核定）");

    /** Which profiles a service belongs to. */
    enum Scope { FOREST, GBT, GEP, BOTH }

    /** Where a service's physical quantity comes from. */
    public enum Source {
        /** computed stand by stand */
        STANDS,
        /** computed from stands unless an external model's quantity is given */
        STANDS_OR_MODEL,
        /** only an external model's quantity */
        MODEL,
        /** valued outside the engine (market value, travel cost): the request gives the money */
        VALUE
    }

    private final String zh;
    private final String en;
    private final String function;
    private final Scope scope;
    private final Source source;
    private final Switch sw;
    private final boolean onByDefault;
    private final String formula;
    private final List<String> parameters;

    Service(String zh, String en, String function, Scope scope, Source source, Switch sw, boolean onByDefault,
            String formula, String... parameters) {
        this.zh = zh;
        this.en = en;
        this.function = function;
        this.scope = scope;
        this.source = source;
        this.sw = sw;
        this.onByDefault = onByDefault;
        this.formula = formula;
        this.parameters = List.of(parameters);
    }

    public String zh() { return zh; }

    /** The name a profile uses: LY/T 1721-2008 says 积累营养物质 and 滞尘. */
    public String zh(MethodProfile profile) {
        if (profile == MethodProfile.LYT_1721_2008) {
            if (this == NUTRIENT_RETENTION) {
                return "积累营养物质";
            }
            if (this == DUST_TSP) {
                return "滞尘";
            }
        }
        return zh;
    }

    public String en() { return en; }

    public String function() { return function; }

    public Category category() {
        return switch (this) {
            case FOREST_PRODUCTS -> Category.PROVISIONING;
            case RECREATION -> Category.CULTURAL;
            default -> Category.REGULATING;
        };
    }

    public Source source() { return source; }

    /** The double-counting switch that governs this service, or null. */
    public Switch governedBy() { return sw; }

    boolean onByDefault() { return onByDefault; }

    public String formula() { return formula; }

    /** The parameter codes the service may use (the profile picks among them, e.g. C碳 or P_CO₂). */
    public List<String> parameters() { return parameters; }

    public boolean appliesTo(MethodProfile profile) {
        return switch (scope) {
            case BOTH -> true;
            case FOREST -> profile.family() == MethodProfile.Family.FOREST;
            case GBT -> profile == MethodProfile.GBT_38582_2020;
            case GEP -> profile.family() == MethodProfile.Family.GEP;
        };
    }
}
