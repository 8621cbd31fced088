package org.gongjian.ecology.engine;

import java.util.EnumSet;
import java.util.Set;

/**
 * The accounting methods. The forest ecosystem-service family (GB/T 38582-2020 with F and d;
 * LY/T 1721-2008 with F = d = 1) works stand by stand from the forest inventory; the GEP family
 * (NDRC/NBS 2022, MEE 2020) adds externally modelled physical quantities and leaves supporting
 * services out.
 */
public enum MethodProfile {
    GBT_38582_2020("GB/T 38582-2020《森林生态系统服务功能评估规范》", "GB/T 38582-2020 Forest ecosystem services", Family.FOREST,
            true, true),
    LYT_1721_2008("LY/T 1721-2008《森林生态系统服务功能评估规范》", "LY/T 1721-2008 Forest ecosystem services", Family.FOREST,
            false, false),
    NDRC_GEP_2022("《生态产品总值核算规范（试行）》（国家发展改革委、国家统计局，2022）", "NDRC/NBS GEP accounting norm (2022)",
            Family.GEP, false, true),
    MEE_GEP_2020("《陆地生态系统生产总值（GEP）核算技术指南》（生态环境部，2020）", "MEE terrestrial GEP technical guide (2020)",
            Family.GEP, false, true);

    /** The two method families. */
    public enum Family { FOREST, GEP }

    private final String zh;
    private final String en;
    private final Family family;
    private final boolean correctionFactor;
    private final boolean priceAdjustment;

    MethodProfile(String zh, String en, Family family, boolean correctionFactor, boolean priceAdjustment) {
        this.zh = zh;
        this.en = en;
        this.family = family;
        this.correctionFactor = correctionFactor;
        this.priceAdjustment = priceAdjustment;
    }

    public String zh() { return zh; }

    public String en() { return en; }

    public Family family() { return family; }

    /** Whether the forest function correction factor F applies (GB/T 38582 only). */
    public boolean usesCorrectionFactor() { return correctionFactor; }

    /** Whether the GB/T d-factor may be used (LY/T 1721 has none; CPI ratios and factors are always allowed). */
    public boolean allowsDFactor() { return priceAdjustment; }

    /** The profile's setting of a double-counting switch. */
    public boolean defaultSwitch(Switch s) {
        return switch (s) {
            case SUPPORTING_SERVICES, WATER_PURIFICATION_BY_VOLUME, BIODIVERSITY -> family == Family.FOREST;
            case OXYGEN_RELEASE -> true;
        };
    }

    /** The services the profile evaluates unless a request says otherwise. */
    public Set<Service> defaultServices() {
        Set<Service> on = EnumSet.noneOf(Service.class);
        for (Service s : Service.values()) {
            if (s.appliesTo(this) && s.onByDefault()) {
                on.add(s);
            }
        }
        return on;
    }

    /** The carbon basis a profile reports 固碳 in: t C for the forest standards, t CO₂ for GEP. */
    public Unit carbonBasis() {
        return family == Family.FOREST ? Unit.TONNE_C : Unit.TONNE_CO2;
    }
}
