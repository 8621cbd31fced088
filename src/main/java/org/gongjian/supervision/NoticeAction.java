package org.gongjian.supervision;

/** A transition of a notice, kept in its history. */
public enum NoticeAction {
    RAISED, ESCALATED, ANSWERED, RETURNED, CLOSED, CANCELLED, REOPENED;

    public String messageKey() { return "notice.action." + name(); }
}
