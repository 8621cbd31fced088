package org.gongjian.ipcentre;

/** What kind of fast enforcement a protection case is. */
public enum ProtectionType {
    /** 纠纷调解 */
    DISPUTE_MEDIATION,
    /** 协助行政裁决/执法 */
    ADMIN_ASSISTANCE,
    /** 电商平台投诉 (电子商务法 第四十二、四十三条) */
    ECOMMERCE_COMPLAINT,
    /** 展会投诉 */
    TRADE_FAIR_COMPLAINT
}
