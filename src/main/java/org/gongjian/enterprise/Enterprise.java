package org.gongjian.enterprise;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An enterprise of the register.
 *
 * @param townCode        the town-level unit it is registered in (organisation unit code)
 * @param industryCode    GB/T 4754-2017 class, e.g. {@code C3352}
 * @param clusters        cluster memberships, e.g. {@code sanitary-ware}
 * @param listingExchange where it is listed (e.g. SZSE), or null when not listed
 */
public record Enterprise(long id, String uscc, String name, String townCode, @Nullable String park,
        String industryCode, List<String> clusters, boolean aboveScale, @Nullable String listingExchange,
        @Nullable LocalDate listingDate, boolean demo, int version) {
}
