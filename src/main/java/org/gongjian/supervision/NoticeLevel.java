package org.gongjian.supervision;

import java.util.Optional;

/**
 * The escalation ladder of a supervision notice: 提醒 → 催办 → 督办 (numbered, e.g. 开改督〔2024〕3号) → 通报.
 * A notice may enter at any level; the sweep moves an unanswered one up one level at a time.
 */
public enum NoticeLevel {
    /** 提醒: a reminder. */
    REMINDER,
    /** 催办: urging, the first chase after slippage or a missed date. */
    CHASE,
    /** 督办: formal supervision; the notice gets its number. */
    SUPERVISE,
    /** 通报: circulated, naming the unit. */
    BULLETIN;

    public Optional<NoticeLevel> next() {
        return this == BULLETIN ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    /** Whether a notice at this level carries a document number. */
    public boolean numbered() {
        return this.compareTo(SUPERVISE) >= 0;
    }

    public String messageKey() { return "notice.level." + name(); }
}
