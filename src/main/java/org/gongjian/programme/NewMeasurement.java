package org.gongjian.programme;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A measurement as a unit reports it: a value on a date, with a note; optionally correcting an earlier one. */
public record NewMeasurement(
        @NotNull BigDecimal value,
        @NotNull LocalDate asOf,
        @Size(max = 2000) @Nullable String note,
        @Nullable Long supersedes) {
}
