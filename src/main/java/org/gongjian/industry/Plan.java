package org.gongjian.industry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An industry plan (产业发展规划): who issued it when, for which sector, up to which year, and its layout's motto. */
public record Plan(long id, String code, String name, String sectorCode, String issuer, LocalDate issuedOn,
        int startYear, int horizonYear, @Nullable String layoutMotto, @Nullable String directions, boolean demo,
        int version) {
}
