package org.gongjian.volunteers;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An entry of the append-only hours ledger; {@code supersedes} names the entry it replaces. */
public record HoursEntry(long id, long volunteerId, long activityId, LocalDate serviceDate, int minutes, String source,
        HoursTier tier, HoursStatus status, @Nullable Long supersedes, @Nullable String note, String recordedBy,
        Instant recordedAt) {
}
