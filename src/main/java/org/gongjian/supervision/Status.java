package org.gongjian.supervision;

import java.util.Collection;
import java.util.Comparator;

/**
 * The status of a target, milestone or initiative, with the colours Chinese supervision uses:
 * 绿 正常, 黄 预警, 红 滞后 / 逾期, 蓝 已完成; grey when no figure has been reported yet.
 * {@link #severity()} orders them for "the worst of": an initiative's status is its worst part's.
 */
public enum Status {
    /** 已完成: the target is met or the milestone completed. */
    ACHIEVED(0, "blue"),
    /** 正常: on its planned path. */
    ON_TRACK(1, "green"),
    /** 无数据: nothing reported yet, deadline not passed. */
    NO_DATA(2, "grey"),
    /** 预警: behind by more than the yellow tolerance, forecast to miss, or a milestone due soon and not started. */
    AT_RISK(3, "yellow"),
    /** 滞后: behind by more than the red tolerance. */
    OFF_TRACK(4, "red"),
    /** 逾期: the deadline has passed and it is not met. */
    OVERDUE(5, "red");

    private final int severity;
    private final String colour;

    Status(int severity, String colour) {
        this.severity = severity;
        this.colour = colour;
    }

    /** Higher is worse. */
    public int severity() { return severity; }

    /** The status colour's name (green, yellow, red, blue, grey); the word is always shown beside it. */
    public String colour() { return colour; }

    /** Whether the office should press the responsible unit. */
    public boolean needsAttention() { return severity >= AT_RISK.severity; }

    /** The message key of the status word, e.g. {@code status.OVERDUE} = 逾期. */
    public String messageKey() { return "status." + name(); }

    /** The worst of some statuses; {@code ON_TRACK} when there are none. */
    public static Status worst(Collection<Status> statuses) {
        return statuses.stream().max(Comparator.comparingInt(Status::severity)).orElse(ON_TRACK);
    }
}
