package org.gongjian.supervision;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a notice is in its handling: issued to the responsible unit, answered by it, returned by the
 * office for more work, closed (销号), or cancelled when raised in error. A closed notice can be
 * reopened after a failed spot check (回头看).
 */
public enum NoticeState {
    ISSUED, ANSWERED, RETURNED, CLOSED, CANCELLED;

    /** States in which the responsible unit owes an answer (and the notice may escalate). */
    public static final Set<NoticeState> AWAITING_UNIT = EnumSet.of(ISSUED, RETURNED);

    public boolean open() {
        return this != CLOSED && this != CANCELLED;
    }

    public String messageKey() { return "notice.state." + name(); }
}
