package org.gongjian.volunteers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.shared.Evidence;
import org.jspecify.annotations.Nullable;

/**
 * The rules a policy sets, as versioned data (table {@code volunteers_policy}): activity length, sign-ins a day,
 * the approval tiers of a day's hours, the daily cap, the star thresholds, the publicity period, the QR code's
 * validity and what "active" means. Each version names its source document and how sure we are of it.
 */
public record Policy(long id, LocalDate validFrom, @Nullable LocalDate validTo, String sourceDocument, Evidence evidence,
        int maxActivityDays, int maxSignInsPerDay, BigDecimal autoHoursMax, BigDecimal orgHoursMax,
        BigDecimal dailyCapHours, List<Integer> starHours, int publicityWorkingDays, int qrValiditySeconds,
        int activeDays) {

    /** The approval tier of a day's minutes. */
    public HoursTier tier(int minutes) {
        if (minutes <= autoHoursMax.multiply(BigDecimal.valueOf(60)).intValue()) {
            return HoursTier.AUTO;
        }
        if (minutes <= orgHoursMax.multiply(BigDecimal.valueOf(60)).intValue()) {
            return HoursTier.ORG;
        }
        return HoursTier.CITY;
    }

    public int dailyCapMinutes() {
        return dailyCapHours.multiply(BigDecimal.valueOf(60)).intValue();
    }

    /** The star level (0–5) the hours reach. */
    public int level(BigDecimal hours) {
        int level = 0;
        for (int i = 0; i < starHours.size(); i++) {
            if (hours.compareTo(BigDecimal.valueOf(starHours.get(i))) >= 0) {
                level = i + 1;
            }
        }
        return level;
    }
}
