package org.gongjian.programme;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A milestone was created or changed (due date, start, completion): supervision re-evaluates it. */
public record MilestoneChanged(String programmeCode, long milestoneId, long initiativeId, LocalDate dueDate,
        @Nullable LocalDate completedOn) {
}
