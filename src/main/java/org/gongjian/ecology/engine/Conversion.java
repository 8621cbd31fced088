package org.gongjian.ecology.engine;

import java.math.BigDecimal;

/**
 * GEP conversion figures that follow from an account (Ninghai, 生态学报 2021, 41(14)): the
 * 两山转化价值 is the market-realisable part, 物质产品 + 文化服务 = GEP − 调节服务, and its share of GEP.
 */
public final class Conversion {

    private Conversion() {
    }

    /** 两山转化价值 = GEP − 调节服务. */
    public static BigDecimal realisableValue(BigDecimal gep, BigDecimal regulating) {
        return gep.subtract(regulating);
    }

    /** The realisable share of GEP, a fraction. */
    public static BigDecimal realisableShare(BigDecimal gep, BigDecimal regulating) {
        return Num.div(realisableValue(gep, regulating), gep);
    }
}
