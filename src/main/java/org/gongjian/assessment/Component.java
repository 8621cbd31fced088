package org.gongjian.assessment;

/**
 * A part of a unit's score. The four base components add up to the scheme's full marks; honours are a
 * bonus on top, so that a score may exceed 100 (as in provincial practice).
 */
public enum Component {
    /** 目标完成: targets' progress against time progress (时间进度). */
    ATTAINMENT(true),
    /** 按时推进: milestones and periodic progress reports on time. */
    TIMELINESS(true),
    /** 督查督办: deductions for notices answered late or not at all, and escalations to 督办 and 通报. */
    SUPERVISION(true),
    /** 报送质量: the office's quality rating of progress reports. */
    QUALITY(true),
    /** 争先创优加分: honours won, by the level of the body that grants them. */
    HONOURS(false);

    private final boolean base;

    Component(boolean base) {
        this.base = base;
    }

    /** Whether the component is part of the base score (else a bonus added after it). */
    public boolean base() { return base; }

    public String messageKey() { return "assessment.component." + name(); }
}
