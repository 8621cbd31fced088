package org.gongjian.programme;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A measurement as the programme document carries it. {@code no} numbers a target's measurements
 * in the order they were recorded; {@code supersedes} names the number of the one it corrects (or withdraws,
 * when {@code withdrawn}); {@code reason} is why it was corrected, withdrawn or confirmed although implausible.
 */
public record MeasurementData(
        @Min(1) int no,
        @NotNull BigDecimal value,
        @NotNull LocalDate asOf,
        @NotNull MeasurementSource source,
        @Size(max = 200) @Nullable String sourceRef,
        @Size(max = 2000) @Nullable String note,
        @NotBlank @Size(max = 64) String reporter,
        @NotNull Instant recordedAt,
        @Nullable Integer supersedes,
        boolean demo,
        @Size(max = 2000) @Nullable String reason,
        @Nullable Plausibility plausibility,
        @Nullable Boolean withdrawn) {

    /** Whether this record withdraws the figure it supersedes. */
    public boolean isWithdrawal() {
        return Boolean.TRUE.equals(withdrawn);
    }
}
