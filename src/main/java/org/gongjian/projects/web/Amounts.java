package org.gongjian.projects.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** Money held in 元 shown as Chinese readers expect: 亿元 or 万元, with no more decimals than needed. */
public final class Amounts {

    static final Amounts INSTANCE = new Amounts();
    private static final BigDecimal YI = new BigDecimal("100000000");
    private static final BigDecimal WAN = new BigDecimal("10000");

    private Amounts() {
    }

    /** 元 as 亿元, at most two decimals: 68, 7.3, 0.25. */
    public String yi(@Nullable BigDecimal yuan) {
        return yuan == null ? "—" : plain(yuan.divide(YI, 2, RoundingMode.HALF_UP));
    }

    /** 元 as 万元, at most two decimals. */
    public String wan(@Nullable BigDecimal yuan) {
        return yuan == null ? "" : plain(yuan.divide(WAN, 2, RoundingMode.HALF_UP));
    }

    /** A percentage with one decimal. */
    public String pct(@Nullable BigDecimal percent) {
        return percent == null ? "—" : percent.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** 万元 as entered on a form, in 元. */
    static BigDecimal fromWan(BigDecimal wan) {
        return wan.multiply(WAN).setScale(2, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }
}
