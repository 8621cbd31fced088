package org.gongjian.volunteers;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A service activity of a team: place with an optional geofence (centre and radius in metres), window, quota (the
 * people it takes in) and how many places are taken (volunteers who checked in at least once).
 */
public record Activity(long id, int version, long teamId, String title, String category, String place,
        @Nullable BigDecimal latitude, @Nullable BigDecimal longitude, @Nullable Integer radiusM, Instant startsAt,
        Instant endsAt, int quota, int taken, boolean demo) {

    public boolean geofenced() {
        return latitude != null && longitude != null && radiusM != null;
    }
}
