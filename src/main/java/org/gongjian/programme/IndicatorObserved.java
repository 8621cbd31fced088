package org.gongjian.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;

/**
 * Published by a ledger whenever one of its figures changes. Every target bound to the indicator code
 * (and to the unit, or city-wide when {@code unitCode} is null) records it as a LEDGER measurement.
 * The ledger never knows which targets it feeds.
 *
 * @param source the ledger that observed it, e.g. {@code volunteers}
 */
public record IndicatorObserved(String indicatorCode, @Nullable String unitCode, LocalDate asOf, BigDecimal value,
        UnitOfMeasure unitOfMeasure, String source) {
}
