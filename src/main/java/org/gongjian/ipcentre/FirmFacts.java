package org.gongjian.ipcentre;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the registration conditions are checked against, as declared at application or re-check.
 *
 * @param creditFlags dishonesty, abnormal-filing or wilful-infringement records of the last years; empty when clean
 */
public record FirmFacts(@Nullable LocalDate foundedOn, int insuredStaff, int grantedInventions, int grantedUtility,
        int grantedDesigns, @Nullable List<String> creditFlags) {
}
