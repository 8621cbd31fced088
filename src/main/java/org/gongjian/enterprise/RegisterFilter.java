package org.gongjian.enterprise;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the register: part of the name or credit code, town, park, GB/T 4754 code prefix (e.g. {@code C13}),
 * cluster, above-scale and listed flags; null means any.
 */
public record RegisterFilter(@Nullable String query, @Nullable String town, @Nullable String park,
        @Nullable String industry, @Nullable String cluster, @Nullable Boolean aboveScale, @Nullable Boolean listed) {

    public static RegisterFilter none() {
        return new RegisterFilter(null, null, null, null, null, null, null);
    }
}
