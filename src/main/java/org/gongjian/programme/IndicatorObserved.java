package org.gongjian.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;

/**
 * Published by a ledger whenever one of its figures changes. Every target bound to the indicator code
 * (and to the unit, or city-wide when {@code unitCode} is null) records it as a LEDGER measurement.
 * The ledger never knows which targets it feeds.
 *
 * @param source the ledger that observed it, e.g. {@code volunteers}
 * @param knownAt when the ledger knew the figure, for a ledger replaying its own past (a demo's history dated in the
 *        months its facts happened); null for a figure known now, the usual case
 */
public record IndicatorObserved(String indicatorCode, @Nullable String unitCode, LocalDate asOf, BigDecimal value,
        UnitOfMeasure unitOfMeasure, String source, @Nullable Instant knownAt) {

    /** A figure the ledger knows now. */
    public IndicatorObserved(String indicatorCode, @Nullable String unitCode, LocalDate asOf, BigDecimal value,
            UnitOfMeasure unitOfMeasure, String source) {
        this(indicatorCode, unitCode, asOf, value, unitOfMeasure, source, null);
    }
}
