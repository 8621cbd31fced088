package org.gongjian.assessment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The office's quality rating of one progress report: a unit's report on an initiative for a cycle.
 * A later rating of the same report supersedes it.
 */
public record Rating(long id, long unitId, long initiativeId, String cycle, Grade grade, @Nullable String comment,
        String ratedBy, Instant ratedAt, boolean demo) {
}
