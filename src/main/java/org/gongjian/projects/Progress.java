package org.gongjian.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A project's progress at the end of a month, from the months that count (reviewed or published reports):
 * this month, year to date with its share of the annual plan, since start with its share of the total,
 * time progress (时间进度: the monthly curve's planned share when the plan has one, else months / 12) and
 * the schedule status from the gap between the two, judged by the policy's thresholds.
 *
 * @param ytdPercent     year to date as % of the annual plan, or null without a plan
 * @param timePercent    time progress in %
 * @param gapPoints      ytdPercent − timePercent in percentage points, or null without a plan
 * @param sinceStartPercent since start as % of the total investment
 */
public record Progress(int year, int month, BigDecimal thisMonth, BigDecimal yearToDate, @Nullable BigDecimal planned,
        @Nullable BigDecimal ytdPercent, BigDecimal sinceStart, BigDecimal sinceStartPercent, BigDecimal timePercent,
        @Nullable BigDecimal gapPoints, @Nullable Schedule schedule, boolean curve) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** 超前, 正常, 滞后. */
    public enum Schedule { AHEAD, NORMAL, BEHIND }

    /** The thresholds (percentage points) of the policy in force. */
    public record Thresholds(BigDecimal aheadPoints, BigDecimal behindPoints) {
    }

    /**
     * @param counted        counted investment per month of {@code year} (元), months 1–12
     * @param before         investment completed before {@code year} (元), opening balance included
     * @param planned        the year's planned investment, or null without a plan
     * @param curve          cumulative planned investment by month's end, empty without a curve
     */
    public static Progress of(int year, int month, Map<Integer, BigDecimal> counted, BigDecimal before,
            @Nullable BigDecimal planned, Map<Integer, BigDecimal> curve, BigDecimal total, Thresholds thresholds) {
        BigDecimal thisMonth = counted.getOrDefault(month, BigDecimal.ZERO);
        BigDecimal ytd = BigDecimal.ZERO;
        for (Map.Entry<Integer, BigDecimal> e : counted.entrySet()) {
            if (e.getKey() <= month) {
                ytd = ytd.add(e.getValue());
            }
        }
        BigDecimal sinceStart = before.add(ytd);
        boolean hasCurve = planned != null && planned.signum() > 0 && curve.containsKey(month);
        BigDecimal time = hasCurve ? percent(curve.get(month), planned)
                : BigDecimal.valueOf(month * 100L).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        BigDecimal ytdPercent = planned == null || planned.signum() == 0 ? null : percent(ytd, planned);
        BigDecimal gap = ytdPercent == null ? null : ytdPercent.subtract(time);
        Schedule schedule = gap == null ? null
                : gap.compareTo(thresholds.aheadPoints()) >= 0 ? Schedule.AHEAD
                : gap.compareTo(thresholds.behindPoints().negate()) <= 0 ? Schedule.BEHIND : Schedule.NORMAL;
        BigDecimal totalPercent = total.signum() == 0 ? BigDecimal.ZERO : percent(sinceStart, total);
        return new Progress(year, month, thisMonth, ytd, planned, ytdPercent, sinceStart, totalPercent, time, gap,
                schedule, hasCurve);
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
