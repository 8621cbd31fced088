package org.gongjian.ecology.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.gongjian.shared.Figures;
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
        if (v.abs().compareTo(HUGE) >= 0) {   // ions: 8.59×10²², never 8.5938e+22
            String[] parts = String.format(Locale.ROOT, "%.2e", v).split("e\\+?");
            return parts[0] + "×10" + superscript(Integer.parseInt(parts[1]));
        }
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /**
     * Money as readers expect it, with three or four significant digits: 15.29亿元, 2082万元, 8.6万元, 530元
     * (in English CNY 1.529 billion, CNY 20.82 million, CNY 5,300).
     */
    public String money(@Nullable BigDecimal yuan) {
        return money(yuan, LocaleContextHolder.getLocale());
    }

    /** As {@link #money(BigDecimal)}, in a given language. */
    static String money(@Nullable BigDecimal yuan, Locale locale) {
        if (yuan == null) {
            return "—";
        }
        boolean chinese = "zh".equals(locale.getLanguage());
        BigDecimal abs = yuan.abs();
        if (!chinese) {
            if (abs.compareTo(new BigDecimal("1e9")) >= 0) {
                return "CNY " + round(yuan.movePointLeft(9), 4) + " billion";
            }
            if (abs.compareTo(new BigDecimal("1e6")) >= 0) {
                return "CNY " + round(yuan.movePointLeft(6), 4) + " million";
            }
            return "CNY " + String.format(Locale.ROOT, "%,d", yuan.setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
        if (abs.compareTo(new BigDecimal("1e8")) >= 0) {
            return round(yuan.movePointLeft(8), 4) + "亿元";
        }
        if (abs.compareTo(new BigDecimal("1e4")) >= 0) {
            return round(yuan.movePointLeft(4), 4) + "万元";
        }
        return yuan.setScale(0, RoundingMode.HALF_UP).toPlainString() + "元";
    }

    /** A number to {@code digits} significant digits but never fewer than its whole part, without trailing zeros. */
    static String round(BigDecimal v, int digits) {
        int whole = v.abs().compareTo(BigDecimal.ONE) < 0 ? 1 : v.abs().toBigInteger().toString().length();
        int scale = Math.max(0, digits - whole);
        return Figures.plain(v.setScale(scale, RoundingMode.HALF_UP));
    }

    private static String superscript(int exponent) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder out = new StringBuilder(exponent < 0 ? "⁻" : "");
        for (char c : String.valueOf(Math.abs(exponent)).toCharArray()) {
            out.append(digits.charAt(c - '0'));
        }
        return out.toString();
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

    /** A file size in KB (at least 1), or MB with one decimal from 1 MB up. */
    public String kilobytes(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, (bytes + 512) / 1024) + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
