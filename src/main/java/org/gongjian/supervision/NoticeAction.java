package org.gongjian.supervision;

/** A transition of a notice, kept in its history. */
public enum NoticeAction {
    RAISED, ESCALATED, ANSWERED, RETURNED, CLOSED, CANCELLED, REOPENED,
    /** Closed by the sweep because every cause cleared (自动销号), with the reason. */
    RESOLVED;

    public String messageKey() { return "notice.action." + name(); }
}
