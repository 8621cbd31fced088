package org.gongjian.programme;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A measurement as a unit reports it: a value on a date, with a note; optionally correcting an earlier one.
 * The value is in the target's stored unit ({@code value}, e.g. 元), or as people type it in the target's
 * display unit ({@code displayValue}, e.g. "5.8" or "5.8亿" for a target shown in 亿元). A figure that fails the
 * plausibility check is stored only with {@code confirm} and a {@code reason}; a correction always needs a reason.
 */
public record NewMeasurement(
        @Nullable BigDecimal value,
        @Nullable LocalDate asOf,
        @Size(max = 2000) @Nullable String note,
        @Nullable Long supersedes,
        @Size(max = 100) @Nullable String displayValue,
        @Nullable Boolean confirm,
        @Size(max = 2000) @Nullable String reason) {

    /** A figure in the stored unit, unconfirmed and without a reason. */
    public NewMeasurement(@Nullable BigDecimal value, @Nullable LocalDate asOf, @Nullable String note,
            @Nullable Long supersedes) {
        this(value, asOf, note, supersedes, null, false, null);
    }

    /** The same figure, confirmed with a reason. */
    public NewMeasurement confirmed(String why) {
        return new NewMeasurement(value, asOf, note, supersedes, displayValue, true, why);
    }

    /** The same report with its value read. */
    NewMeasurement withValue(BigDecimal read) {
        return new NewMeasurement(read, asOf, note, supersedes, null, confirm, reason);
    }

    /** Whether the reporter confirmed the figure although the plausibility check doubted it. */
    public boolean isConfirmed() {
        return Boolean.TRUE.equals(confirm);
    }

    @Nullable String cleanReason() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
