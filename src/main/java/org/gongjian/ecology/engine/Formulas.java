package org.gongjian.ecology.engine;

import java.math.BigDecimal;

/**
 * The formulas of GB/T 38582-2020 / LY/T 1721-2008 and of the GEP norms, one per physical quantity,
 * in the units the standards use (A in hm², depths in mm, rates per hm² and year). F is the forest
 * function correction factor (1 under LY/T 1721 and the GEP norms).
 */
public final class Formulas {

    /** 1 mm of water over 1 hm² is 10 m³. */
    static final BigDecimal M3_PER_MM_HM2 = BigDecimal.TEN;
    /** Ions a year from 1 ion/cm³ over 1 hm² × 1 m of height at a lifetime of 1 min: 10⁴ m² · 10⁶ cm³/m³ · 525 600 min/a. */
    static final BigDecimal ION_CONSTANT = BigDecimal.valueOf(10_000L).multiply(BigDecimal.valueOf(1_000_000L))
            .multiply(BigDecimal.valueOf(525_600L));
    /** g/m² of leaf × hm² → kg: 10⁴ m²/hm² ÷ 10³ g/kg. */
    static final BigDecimal KG_PER_G_M2_HM2 = BigDecimal.TEN;
    private static final BigDecimal TENTH = new BigDecimal("0.1");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Formulas() {
    }

    /** 调节水量 G调 = 10·A·(P − E − C)·F, m³/a. */
    public static BigDecimal waterVolume(BigDecimal area, BigDecimal p, BigDecimal e, BigDecimal c, BigDecimal f) {
        return M3_PER_MM_HM2.multiply(area).multiply(p.subtract(e).subtract(c)).multiply(f);
    }

    /** 固土 G固土 = A·(X2 − X1)·F, t/a (no factor 10: that is a known bug of a public implementation). */
    public static BigDecimal soilRetained(BigDecimal area, BigDecimal x1, BigDecimal x2, BigDecimal f) {
        return area.multiply(x2.subtract(x1)).multiply(f);
    }

    /** 保肥 G = A·content·(X2 − X1)·F, t/a, for soil N, P, K or organic matter. */
    public static BigDecimal lossAvoided(BigDecimal area, BigDecimal content, BigDecimal x1, BigDecimal x2,
            BigDecimal f) {
        return area.multiply(content).multiply(x2.subtract(x1)).multiply(f);
    }

    /** 林木养分固持 G = A·content·B年·F, t/a, for N, P or K in tree tissue. */
    public static BigDecimal nutrientRetained(BigDecimal area, BigDecimal content, BigDecimal npp, BigDecimal f) {
        return area.multiply(content).multiply(npp).multiply(f);
    }

    /** 植被固碳 G = 1.63·R碳·A·B年·F, t C/a. */
    public static BigDecimal vegetationCarbon(BigDecimal co2PerDryMatter, BigDecimal carbonInCo2, BigDecimal area,
            BigDecimal npp, BigDecimal f) {
        return co2PerDryMatter.multiply(carbonInCo2).multiply(area).multiply(npp).multiply(f);
    }

    /** 植被固定CO₂ = 1.63·A·B年, t CO₂/a (GEP norms price CO₂ directly). */
    public static BigDecimal vegetationCo2(BigDecimal co2PerDryMatter, BigDecimal area, BigDecimal npp, BigDecimal f) {
        return co2PerDryMatter.multiply(area).multiply(npp).multiply(f);
    }

    /** 土壤固碳 G = A·F土壤碳·F, t C/a. */
    public static BigDecimal soilCarbon(BigDecimal area, BigDecimal soilCarbonRate, BigDecimal f) {
        return area.multiply(soilCarbonRate).multiply(f);
    }

    /** 释氧 G = 1.19·A·B年·F, t O₂/a (not 1.91, a known bug of a public implementation). */
    public static BigDecimal oxygen(BigDecimal o2PerDryMatter, BigDecimal area, BigDecimal npp, BigDecimal f) {
        return o2PerDryMatter.multiply(area).multiply(npp).multiply(f);
    }

    /** 提供负离子 G = 5.256×10¹⁵·Q·A·H·F/L, ions/a, L in minutes. */
    public static BigDecimal ions(BigDecimal concentration, BigDecimal area, BigDecimal height, BigDecimal f,
            BigDecimal lifetimeMinutes) {
        return Num.div(ionsTimesLifetime(concentration, area, height, f), lifetimeMinutes);
    }

    /** The numerator of {@link #ions}: 5.256×10¹⁵·Q·A·H·F, exact, for sums divided once by L. */
    static BigDecimal ionsTimesLifetime(BigDecimal concentration, BigDecimal area, BigDecimal height, BigDecimal f) {
        return ION_CONSTANT.multiply(concentration).multiply(area).multiply(height).multiply(f);
    }

    /** The concentration above the threshold that is valued, never below zero. */
    static BigDecimal aboveThreshold(BigDecimal concentration, BigDecimal threshold) {
        return concentration.subtract(threshold).max(BigDecimal.ZERO);
    }

    /** The ions that are valued: those above the threshold (600 个/cm³), never fewer than none. */
    public static BigDecimal beneficialIons(BigDecimal concentration, BigDecimal threshold, BigDecimal area,
            BigDecimal height, BigDecimal f, BigDecimal lifetimeMinutes) {
        return ions(aboveThreshold(concentration, threshold), area, height, f, lifetimeMinutes);
    }

    /** 吸收污染物 / 滞尘 G = Q·A·F/1000, t/a, with Q in kg/(hm²·a). */
    public static BigDecimal pollutantTonnes(BigDecimal kgPerHectareYear, BigDecimal area, BigDecimal f) {
        return kgPerHectareYear.multiply(area).multiply(f).movePointLeft(3);
    }

    /** 滞纳PM G = 10·Q·A·n·F·LAI, kg/a, with Q in g/m² of leaf per wash-off event. */
    public static BigDecimal particulateKg(BigDecimal gramsPerSquareMetre, BigDecimal area, BigDecimal events,
            BigDecimal f, BigDecimal lai) {
        return KG_PER_G_M2_HM2.multiply(gramsPerSquareMetre).multiply(area).multiply(events).multiply(f)
                .multiply(lai);
    }

    /** 物种保育 weight (1 + 0.1·ΣE + 0.1·ΣB + 0.1·ΣO)·A, hm²; multiplied by S生 it is the value. */
    public static BigDecimal weightedBiodiversityArea(BigDecimal endangered, BigDecimal endemic, BigDecimal ancient,
            BigDecimal area) {
        return BigDecimal.ONE.add(TENTH.multiply(endangered.add(endemic).add(ancient))).multiply(area);
    }

    /** The Shannon-Wiener class 0..6 of the S生 table (H′ < 1 … H′ ≥ 6). */
    public static int shannonClass(BigDecimal shannonIndex) {
        int whole = shannonIndex.intValue();
        return Math.max(0, Math.min(6, whole));
    }

    /** The GB/T 38582 price-year factor d = (1 + (D_r + L_r)/2)^(m − n). */
    public static BigDecimal dFactor(BigDecimal depositRate, BigDecimal loanRate, int accountingYear, int priceYear) {
        BigDecimal base = BigDecimal.ONE.add(Num.div(depositRate.add(loanRate), TWO));
        return base.pow(accountingYear - priceYear, Num.MC);
    }

    /** GEP 水源涵养 with storm runoff R = P·α: Q = 10·A·(P − P·α − ET), m³/a. */
    public static BigDecimal stormRunoff(BigDecimal precipitation, BigDecimal runoffCoefficient) {
        return precipitation.multiply(runoffCoefficient);
    }

    /** GEP 土壤保持, avoided sedimentation: λ·A_c/ρ, m³/a. */
    public static BigDecimal sedimentVolume(BigDecimal lambda, BigDecimal retainedTonnes, BigDecimal bulkDensity) {
        return Num.div(lambda.multiply(retainedTonnes), bulkDensity);
    }

    /** GEP 防风固沙, the sand-covered area avoided: Q_f/(ρ·h), m². */
    public static BigDecimal sandArea(BigDecimal sandTonnes, BigDecimal sandDensity, BigDecimal depthMetres) {
        return Num.div(sandTonnes, sandDensity.multiply(depthMetres));
    }
}
