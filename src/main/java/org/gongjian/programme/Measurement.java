package org.gongjian.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A reported value of a target on a date. Measurements are facts: never changed, only superseded by
 * a later correction, so that every status can be recomputed for any past date. A withdrawal is such a
 * record too: it supersedes the figure and is marked {@code withdrawn}, so it counts as no figure. {@code reason}
 * is why a correction or withdrawal was made, or why an implausible figure ({@code plausibility}) was confirmed.
 */
public record Measurement(long id, long targetId, BigDecimal value, LocalDate asOf, MeasurementSource source,
        @Nullable String sourceRef, @Nullable String note, String reporter, Instant recordedAt,
        @Nullable Long supersedesId, @Nullable Long supersededById, boolean demo, @Nullable String reason,
        @Nullable Plausibility plausibility, boolean withdrawn) {

    /** Whether a later correction or withdrawal has replaced this measurement. */
    public boolean superseded() {
        return supersededById != null;
    }

    /** Whether this figure counts: neither replaced by a later record nor itself the record of a withdrawal. */
    public boolean valid() {
        return supersededById == null && !withdrawn;
    }
}
