package org.gongjian.programme;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Many measurements reported at once (an Excel import of a unit's 台账): each row names its target by
 * code. {@code sourceRef} says where they came from (the file's name), for the audit trail and the data.
 */
public record MeasurementBatch(@NotNull String sourceRef, @NotNull List<Row> rows) {

    /**
     * One reported value of a target on a date; {@code confirmed} with a {@code reason} keeps a figure that looks
     * implausible beside the target's last one (ten times more or less, or against the direction).
     */
    public record Row(String targetCode, BigDecimal value, LocalDate asOf, @Nullable String note, boolean confirmed,
            @Nullable String reason) {
    }
}
