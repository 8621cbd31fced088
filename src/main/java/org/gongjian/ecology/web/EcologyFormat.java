package org.gongjian.ecology.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.gongjian.shared.Figures;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Number formats of the GEP pages, used in templates as {@code @ecologyFormat}. */
@Component("ecologyFormat")
class EcologyFormat {

    private static final BigDecimal HUGE = new BigDecimal("1e12");

    /** A physical quantity: thousands separators, two decimals, or scientific notation for ions. */
    public String quantity(@Nullable BigDecimal v) {
        if (v == null) {
            return "—";
        }
        if (v.abs().compareTo(HUGE) >= 0) {
            return String.format(Locale.ROOT, "%.4e", v).replace("e+", "×10^");
        }
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** Money in 万元 or 亿元 as readers expect. */
    public String money(@Nullable BigDecimal yuan) {
        return yuan == null ? "—" : Figures.format(yuan.setScale(2, RoundingMode.HALF_UP), UnitOfMeasure.YUAN,
                LocaleContextHolder.getLocale());
    }

    /** A share as a percentage with two decimals. */
    public String percent(@Nullable BigDecimal share) {
        return share == null ? "—" : share.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP) + "%";
    }

    /** An instant in Asia/Shanghai, to the minute. */
    public String time(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(at.atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }

    /** A parameter value without trailing zeros. */
    public String plain(@Nullable BigDecimal v) {
        return v == null ? "—" : Figures.plain(v);
    }
}
