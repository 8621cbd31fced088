package org.gongjian.ipcentre;

import java.time.Clock;
import java.time.LocalDate;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Permissions;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who may work the ledger (the centre's staff and the office), and the day an action is dated. */
@Component
class Access {

    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    Access(Accounts accounts, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    Actor requireWrite(String entityType, @Nullable String entityId) {
        Actor actor = accounts.current();
        if (!actor.can(Permissions.IPCENTRE_WRITE)) {
            audit.denied(entityType, entityId, "only the IP centre's staff and the programme office");
            throw new AccessDeniedException("error.access-denied");
        }
        return actor;
    }

    boolean mayWrite() {
        return accounts.current().can(Permissions.IPCENTRE_WRITE);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The day an action is dated: the given day, not in the future, or today. */
    LocalDate on(@Nullable LocalDate on, String field) {
        LocalDate today = today();
        if (on == null) {
            return today;
        }
        if (on.isAfter(today)) {
            throw new InvalidInputException(field, "ipcentre.error.future-date", today);
        }
        return on;
    }
}
