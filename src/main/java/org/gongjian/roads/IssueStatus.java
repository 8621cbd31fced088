package org.gongjian.roads;

import java.util.Set;

/** A defect's place in the loop 巡查→上报→派发→处置→验收销号. */
public enum IssueStatus {
    REPORTED, ACCEPTED, REJECTED, DUPLICATE, ASSIGNED, IN_PROGRESS, RECTIFIED, VERIFIED, CLOSED;

    /** The states a defect may move to from this one; RECTIFIED may go back to IN_PROGRESS (返工). */
    public Set<IssueStatus> next() {
        return switch (this) {
            case REPORTED -> Set.of(ACCEPTED, REJECTED, DUPLICATE);
            case ACCEPTED -> Set.of(ASSIGNED);
            case ASSIGNED -> Set.of(IN_PROGRESS);
            case IN_PROGRESS -> Set.of(RECTIFIED);
            case RECTIFIED -> Set.of(VERIFIED, IN_PROGRESS);
            case VERIFIED -> Set.of(CLOSED);
            case REJECTED, DUPLICATE, CLOSED -> Set.of();
        };
    }

    /** Whether the work is still owed, so that the deadline runs. */
    public boolean open() {
        return this == ACCEPTED || this == ASSIGNED || this == IN_PROGRESS;
    }

    public boolean finished() {
        return this == REJECTED || this == DUPLICATE || this == CLOSED;
    }
}
