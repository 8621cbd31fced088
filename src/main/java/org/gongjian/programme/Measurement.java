package org.gongjian.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A reported value of a target on a date. Measurements are facts: never changed, only superseded by
 * a later correction, so that every status can be recomputed for any past date.
 */
public record Measurement(long id, long targetId, BigDecimal value, LocalDate asOf, MeasurementSource source,
        @Nullable String sourceRef, @Nullable String note, String reporter, Instant recordedAt,
        @Nullable Long supersedesId, @Nullable Long supersededById, boolean demo) {

    /** Whether a later correction has replaced this measurement. */
    public boolean superseded() {
        return supersededById != null;
    }
}
