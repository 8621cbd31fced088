package org.gongjian.ipcentre;

import java.time.LocalDate;
import java.util.List;
import org.gongjian.enterprise.Enterprise;
import org.jspecify.annotations.Nullable;

/**
 * A registered firm (备案主体): the centre's record beside an enterprise of the register.
 *
 * @param quota     this year's pre-exam quota, or null before it is set
 * @param quotaUsed cases submitted this year
 */
public record Firm(long id, Enterprise enterprise, FirmStatus status, @Nullable Long agencyId, FirmFacts facts,
        LocalDate appliedOn, @Nullable LocalDate registeredOn, @Nullable LocalDate suspendedOn,
        @Nullable LocalDate revokedOn, @Nullable String statusReason, @Nullable Integer lastRecheckYear,
        @Nullable Quota quota, int quotaUsed, boolean demo, int version) {

    /** A year's pre-exam quota and what it was computed from. */
    public record Quota(int year, int quota, int lastYearAccepted, int lastYearPassed,
            java.math.@Nullable BigDecimal lastYearRatePct) {
    }

    /** A registration condition and whether the firm meets it. */
    public record Condition(String code, String required, String actual, boolean met) {
    }

    public List<String> creditFlags() {
        return facts.creditFlags() == null ? List.of() : facts.creditFlags();
    }
}
