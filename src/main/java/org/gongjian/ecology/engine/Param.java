package org.gongjian.ecology.engine;

import java.math.BigDecimal;

/**
 * A parameter as a request uses it: the table's row or the client's override, with its unit, base
 * year, source and status, and for a price the factor that brings it to the accounting year.
 */
record Param(ReferenceData.ParameterDef def, BigDecimal value, String unitText, PriceUnit priceUnit, Unit unit,
        Integer baseYear, String source, Status status, boolean overridden, String adjustment, BigDecimal factor) {

    boolean isPrice() {
        return def.kind() == ReferenceData.Kind.PRICE;
    }

    /** The value brought to the accounting year (prices) or as it is (coefficients), in 元 per {@link #priceUnit()}. */
    BigDecimal adjusted() {
        BigDecimal v = isPrice() ? Num.mul(value, factor) : value;
        return priceUnit == null ? v : v.multiply(priceUnit.yuan());
    }

    /** The money for a quantity in {@code unit} at this price. */
    BigDecimal valueOf(BigDecimal quantity, Unit quantityUnit) {
        return Num.mul(quantityUnit.convert(quantity, priceUnit.per()), adjusted());
    }

    /** A coefficient in the unit the table states (e.g. the ion lifetime in minutes). */
    BigDecimal coefficient() {
        return value;
    }

    GepResult.ParameterUse use() {
        return new GepResult.ParameterUse(def.code(), def.symbol(), def.name(), def.kind().name(), Num.out(value),
                unitText, baseYear, isPrice() ? adjustment : null, isPrice() ? Num.out(factor) : null,
                isPrice() ? Num.out(Num.mul(value, factor)) : null, source, status.name(), overridden);
    }
}
