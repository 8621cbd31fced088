package org.gongjian.forms;

/** Where a return stands: open (nothing saved), draft, submitted, returned for correction, accepted. */
public enum ReturnStatus {
    OPEN, DRAFT, SUBMITTED, RETURNED, ACCEPTED;

    /** Whether the unit may still edit it. */
    public boolean editable() {
        return this == OPEN || this == DRAFT || this == RETURNED;
    }

    /** Whether it has been handed in (counts as not late). */
    public boolean handedIn() {
        return this == SUBMITTED || this == ACCEPTED;
    }
}
