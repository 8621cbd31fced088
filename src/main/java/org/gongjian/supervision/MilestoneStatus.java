package org.gongjian.supervision;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Where a milestone (节点) stands on {@code asOf}. Start and completion count only when dated on or
 * before {@code asOf}.
 *
 * @param daysOverdue     calendar days past the due date when overdue, else 0
 * @param workingDaysLeft working days from {@code asOf} (excluded) to the due date (included); 0 when due
 *                        or past
 * @param completedLate   completed, but after its due date (超期已完成)
 */
public record MilestoneStatus(long milestoneId, long initiativeId, String title, LocalDate dueDate,
        @Nullable LocalDate startedOn, @Nullable LocalDate completedOn, LocalDate asOf, Status status,
        StatusReason reason, long daysOverdue, int workingDaysLeft, boolean completedLate) {
}
