package org.gongjian.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.programme.InitiativeData.PlannedPointData;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;

/**
 * A target (指标): from a baseline to a target value by a deadline, rising or falling, optionally
 * bound to an indicator code that a ledger feeds for a unit's scope.
 */
public record TargetData(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9.-]*", message = "{validation.code}") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull UnitOfMeasure unit,
        @NotNull Direction direction,
        @Nullable BigDecimal baselineValue,
        @Nullable LocalDate baselineDate,
        @NotNull BigDecimal targetValue,
        @Nullable BigDecimal targetValueMax,
        @NotNull Qualifier targetQualifier,
        @NotNull LocalDate deadline,
        boolean deadlineAssumed,
        @Size(max = 64) @Nullable String indicator,
        @Size(max = 64) @Nullable String scopeUnit,
        @Size(max = 2000) @Nullable String note,
        @NotNull @Size(max = 400) List<@Valid @NotNull PlannedPointData> plannedPoints) {
}
