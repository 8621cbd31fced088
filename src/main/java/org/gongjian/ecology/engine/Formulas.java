package org.gongjian.ecology.engine;

import java.math.BigDecimal;

/**
 * The formulas of GB/T 38582-2020 / LY/T 1721-2008 and of the GEP norms, one per physical quantity,
 * in the units the standards use (A in hm², depths in mm, rates per hm² and year). F is the forest
 * function correction factor (1 under LY/T 1721 and the GEP norms). A stand's quantities are computed
 * in double (as the raster kernel's pixels are); the price-year factor and the group-level areas are
 * exact decimals.
 */
public final class Formulas {

    /** 1 mm of water over 1 hm² is 10 m³. */
    static final double M3_PER_MM_HM2 = 10;
    /** Ions a year from 1 ion/cm³ over 1 hm² × 1 m of height at a lifetime of 1 min: 10⁴ m² · 10⁶ cm³/m³ · 525 600 min/a. */
    static final double ION_CONSTANT = 1e4 * 1e6 * 525_600;
    /** g/m² of leaf × hm² → kg: 10⁴ m²/hm² ÷ 10³ g/kg. */
    static final double KG_PER_G_M2_HM2 = 10;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Formulas() {
    }

    /** 调节水量 G调 = 10·A·(P − E − C)·F, m³/a. */
    public static double waterVolume(double area, double p, double e, double c, double f) {
        return M3_PER_MM_HM2 * area * (p - e - c) * f;
    }

    /** 固土 G固土 = A·(X2 − X1)·F, t/a (no factor 10: that is a known bug of a public implementation). */
    public static double soilRetained(double area, double x1, double x2, double f) {
        return area * (x2 - x1) * f;
    }

    /** 保肥 G = A·content·(X2 − X1)·F, t/a, for soil N, P, K or organic matter. */
    public static double lossAvoided(double area, double content, double x1, double x2, double f) {
        return area * content * (x2 - x1) * f;
    }

    /** 林木养分固持 G = A·content·B年·F, t/a, for N, P or K in tree tissue. */
    public static double nutrientRetained(double area, double content, double npp, double f) {
        return area * content * npp * f;
    }

    /** 植被固碳 G = 1.63·R碳·A·B年·F, t C/a. */
    public static double vegetationCarbon(double co2PerDryMatter, double carbonInCo2, double area, double npp,
            double f) {
        return co2PerDryMatter * carbonInCo2 * area * npp * f;
    }

    /** 植被固定CO₂ = 1.63·A·B年, t CO₂/a (GEP norms price CO₂ directly). */
    public static double vegetationCo2(double co2PerDryMatter, double area, double npp, double f) {
        return co2PerDryMatter * area * npp * f;
    }

    /** 土壤固碳 G = A·F土壤碳·F, t C/a. */
    public static double soilCarbon(double area, double soilCarbonRate, double f) {
        return area * soilCarbonRate * f;
    }

    /** 释氧 G = 1.19·A·B年·F, t O₂/a (not 1.91, a known bug of a public implementation). */
    public static double oxygen(double o2PerDryMatter, double area, double npp, double f) {
        return o2PerDryMatter * area * npp * f;
    }

    /** 提供负离子 G = 5.256×10¹⁵·Q·A·H·F/L, ions/a, L in minutes. */
    public static double ions(double concentration, double area, double height, double f, double lifetimeMinutes) {
        return ION_CONSTANT * concentration * area * height * f / lifetimeMinutes;
    }

    /** The concentration above the threshold that is valued, never below zero. */
    public static double aboveThreshold(double concentration, double threshold) {
        return Math.max(concentration - threshold, 0);
    }

    /** 吸收污染物 / 滞尘 G = Q·A·F/1000, t/a, with Q in kg/(hm²·a). */
    public static double pollutantTonnes(double kgPerHectareYear, double area, double f) {
        return kgPerHectareYear * area * f / 1000;
    }

    /** 滞纳PM G = 10·Q·A·n·F·LAI, kg/a, with Q in g/m² of leaf per wash-off event. */
    public static double particulateKg(double gramsPerSquareMetre, double area, double events, double f, double lai) {
        return KG_PER_G_M2_HM2 * gramsPerSquareMetre * area * events * f * lai;
    }

    /** 物种保育 weight (1 + 0.1·ΣE + 0.1·ΣB + 0.1·ΣO)·A, hm²; multiplied by S生 it is the value. */
    public static double weightedBiodiversityArea(double endangered, double endemic, double ancient, double area) {
        return (1 + (endangered + endemic + ancient) / 10) * area;
    }

    /** The Shannon-Wiener class 0..6 of the S生 table (H′ < 1 … H′ ≥ 6). */
    public static int shannonClass(double shannonIndex) {
        return (int) Math.max(0, Math.min(6, Math.floor(shannonIndex)));
    }

    /** GEP 水源涵养 with storm runoff R = P·α: Q = 10·A·(P − P·α − ET), m³/a. */
    public static double stormRunoff(double precipitation, double runoffCoefficient) {
        return precipitation * runoffCoefficient;
    }

    /** GEP 土壤保持, avoided sedimentation: λ·A_c/ρ, m³/a. */
    public static double sedimentVolume(double lambda, double retainedTonnes, double bulkDensity) {
        return lambda * retainedTonnes / bulkDensity;
    }

    /** The GB/T 38582 price-year factor d = (1 + (D_r + L_r)/2)^(m − n). */
    public static BigDecimal dFactor(BigDecimal depositRate, BigDecimal loanRate, int accountingYear, int priceYear) {
        BigDecimal base = BigDecimal.ONE.add(Num.div(depositRate.add(loanRate), TWO));
        return base.pow(accountingYear - priceYear, Num.MC);
    }

    /** GEP 防风固沙, the sand-covered area avoided: Q_f/(ρ·h), m². */
    public static BigDecimal sandArea(BigDecimal sandTonnes, BigDecimal sandDensity, BigDecimal depthMetres) {
        return Num.div(sandTonnes, sandDensity.multiply(depthMetres));
    }
}
