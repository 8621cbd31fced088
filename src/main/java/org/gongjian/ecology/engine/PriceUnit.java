package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The unit of a price: money (元, 万元, 亿元) per a physical unit, e.g. {@code 元/m³}, {@code 元/t CO₂},
 * {@code 元/10¹⁸个}, {@code 元/(hm²·a)}. A price is always held in 元 per {@link #per()}.
 */
public record PriceUnit(BigDecimal yuan, Unit per) {

    public static Optional<PriceUnit> parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        BigDecimal yuan = switch (t.substring(0, slash).trim()) {
            case "元", "yuan", "CNY" -> BigDecimal.ONE;
            case "万元" -> BigDecimal.valueOf(10_000);
            case "亿元" -> BigDecimal.valueOf(100_000_000);
            default -> null;
        };
        if (yuan == null) {
            return Optional.empty();
        }
        String per = t.substring(slash + 1).trim();
        // 元/(hm²·a): prices are per year implicitly
        if (per.startsWith("(") && per.endsWith(")")) {
            per = per.substring(1, per.length() - 1);
        }
        per = per.replace("·a", "").replace("/a", "").trim();
        return Unit.parse(per).map(u -> new PriceUnit(yuan, u));
    }

    /** The symbol in 元, as results show it: 元/m³. */
    public String symbol() {
        return "元/" + per.symbol();
    }
}
