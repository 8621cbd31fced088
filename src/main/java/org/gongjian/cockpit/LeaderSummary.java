package org.gongjian.cockpit;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One screen for a leader: the worst items with their unit and a one-line reason, the towns at the
 * bottom of the league with their movement, what changed since a week ago, and the overdue notices.
 * Every line carries the link to its detail page.
 *
 * @param worst      the worst few items (逾期 first, then 滞后, then 预警), each with its unit and reason
 * @param worseCount how many items turned worse since {@code weekAgo}
 * @param betterCount how many turned better
 */
public record LeaderSummary(String programmeCode, String programmeTitle, LocalDate asOf, LocalDate weekAgo,
        long lateCount, List<Item> worst, @Nullable String leaguePeriod, List<Town> bottom, long worseCount,
        long betterCount, List<Change> changes, long overdueNoticeCount, List<OverdueNotice> notices) {

    /** A target or milestone: its status word and colour, what it is, whose it is, why, and where to look. */
    public record Item(String status, String colour, String statusWord, int initiative, String name, String unit,
            String reason, String link) {
    }

    /** A unit at the bottom of the league: its rank, score and places gained (+) or lost (−) since the last period. */
    public record Town(int rank, String unit, String score, @Nullable Integer movement, String link) {
    }

    /** An item whose status changed in the week: from, to, and whether that is worse. */
    public record Change(String name, String unit, String fromWord, String toWord, String toColour, boolean worse,
            String link) {
    }

    /** A notice the unit has not answered in time. */
    public record OverdueNotice(String title, String unit, LocalDate due, long daysOverdue, String link) {
    }
}
