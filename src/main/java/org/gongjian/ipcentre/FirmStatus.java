package org.gongjian.ipcentre;

import java.util.Set;

/** A registered firm's standing with the centre: applied → registered → suspended → revoked. */
public enum FirmStatus {
    APPLIED, REGISTERED, SUSPENDED, REVOKED;

    /** The statuses this one may move to. */
    public Set<FirmStatus> next() {
        return switch (this) {
            case APPLIED -> Set.of(REGISTERED, REVOKED);
            case REGISTERED -> Set.of(SUSPENDED, REVOKED);
            case SUSPENDED -> Set.of(REGISTERED, REVOKED);
            case REVOKED -> Set.of();
        };
    }
}
