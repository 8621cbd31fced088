package org.gongjian.finance.web;

import java.math.BigDecimal;
import org.gongjian.finance.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Amounts in 万元 for the pages: {@code ${@financeMoney.wan(need.amount)}}. */
@Component("financeMoney")
public class MoneyView {

    public String wan(@Nullable BigDecimal yuan) {
        return yuan == null ? "—" : Money.wan(yuan);
    }
}
