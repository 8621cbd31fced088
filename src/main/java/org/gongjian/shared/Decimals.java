package org.gongjian.shared;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Decimal helpers: the database pads to six places; readers and documents want 68, not 68.000000. */
public final class Decimals {

    private Decimals() {
    }

    /** The same number without trailing zeros and never in exponent form (6800000000, 7.3, 0.5). */
    public static @Nullable BigDecimal normal(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
