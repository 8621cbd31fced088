package org.gongjian.enterprise;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What is entered to register or update an enterprise. */
public record EnterpriseData(@Nullable String uscc, @Nullable String name, @Nullable String townCode,
        @Nullable String park, @Nullable String industryCode, @Nullable List<String> clusters, @Nullable Boolean aboveScale,
        @Nullable String listingExchange, @Nullable LocalDate listingDate) {
}
