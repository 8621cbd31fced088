package org.gongjian.ecology.engine;

/**
 * The double-counting switches. Each method profile sets them; a request may override them. The
 * forest carbon sink is never added into GEP and has no switch.
 */
public enum Switch {
    /** 支持服务 (保肥, 林木养分固持): counted by GB/T 38582 and LY/T 1721, left out by the GEP norms. */
    SUPPORTING_SERVICES("支持服务（保肥、林木养分固持）", "Supporting services (soil fertility, nutrient retention)"),
    /** 净化水质 valued on the very volume of 调节水量. */
    WATER_PURIFICATION_BY_VOLUME("按调节水量计净化水质", "Water purification on the regulated volume"),
    /** 释氧 beside 固碳 (one photosynthesis, two values). */
    OXYGEN_RELEASE("释氧", "Oxygen release"),
    /** 物种保育, not in the NDRC/NBS 2022 indicator list. */
    BIODIVERSITY("物种保育", "Species conservation");

    private final String zh;
    private final String en;

    Switch(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }

    public String en() { return en; }
}
