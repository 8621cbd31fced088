package org.gongjian.volunteers;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One sign-in (and its sign-out) of a volunteer at an activity on a day. */
public record CheckIn(long id, long activityId, long volunteerId, LocalDate serviceDate, int dailyIndex,
        CheckInMethod method, Instant checkedInAt, @Nullable Instant checkedOutAt, @Nullable String reason,
        String recordedBy) {
}
