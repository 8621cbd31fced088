package org.gongjian.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are held in 元 and shown in 万元, as Chinese readers expect. */
public final class Money {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Money() {
    }

    /** An amount in 元 shown in 万元 with up to six decimals (to the 分), e.g. {@code 120.5}. */
    public static String wan(BigDecimal yuan) {
        return yuan.divide(TEN_THOUSAND, 6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** An amount entered in 万元 held in 元. */
    public static BigDecimal fromWan(BigDecimal wan) {
        return wan.multiply(TEN_THOUSAND).setScale(2, RoundingMode.HALF_UP);
    }
}
