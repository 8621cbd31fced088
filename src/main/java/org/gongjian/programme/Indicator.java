package org.gongjian.programme;

import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;

/** An entry of the indicator catalogue: a code a ledger publishes and a target may be bound to. */
public record Indicator(String code, String name, @Nullable String nameEn, UnitOfMeasure unit, String provider,
        @Nullable String description) {
}
