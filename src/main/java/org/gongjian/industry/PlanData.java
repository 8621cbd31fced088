package org.gongjian.industry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A plan as entered. */
public record PlanData(@Nullable String code, @Nullable String name, @Nullable String sectorCode, @Nullable String issuer,
        @Nullable LocalDate issuedOn, @Nullable Integer startYear, @Nullable Integer horizonYear,
        @Nullable String layoutMotto, @Nullable String directions) {
}
