package org.gongjian.assessment;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the monthly bulletin (工作简报 / 督查通报) prints in its 进度排名 section for one month: for each peer
 * group the top three and bottom three (A、B、C位居前三名，D、E、F位居后三名), the best and worst movers,
 * and the full table with rank, score and movement ("双亮牌").
 *
 * @param provisional the month is not over yet: the scores may still change
 */
public record BulletinRanking(String programmeCode, Period period, boolean provisional, int version, String schemeName,
        List<Group> groups) {

    /** One peer group's part. */
    public record Group(PeerGroup group, List<Line> top, List<Line> bottom, List<Line> bestMovers,
            List<Line> worstMovers, List<Line> table, List<UnitRef> unranked) {
    }

    /** A unit's line: rank, name, total score and movement since the month before (↑ positive). */
    public record Line(int rank, UnitRef unit, BigDecimal total, @Nullable Integer movement) {
    }
}
