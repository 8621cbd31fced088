package org.gongjian.enterprise;

import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may enter an enterprise's figures: the office and the staff of the units that keep the statistics
 * city-wide ({@code gongjian.enterprise.figure-units}, by default the industry bureau and the development and
 * reform bureau) for every enterprise; a town's staff for the enterprises registered in their town only.
 */
@Component
class FigureScope {

    private final Accounts accounts;
    private final Organisation organisation;
    private final Set<String> cityUnits;

    FigureScope(Accounts accounts, Organisation organisation,
            @Value("${gongjian.enterprise.figure-units:industry-it,development-reform}") String[] cityUnits) {
        this.accounts = accounts;
        this.organisation = organisation;
        this.cityUnits = Set.of(cityUnits);
    }

    /** Refuses (403) when the current user may not enter figures of an enterprise in this town. */
    void checkMayWrite(String townCode) {
        Actor actor = accounts.current();
        if (!mayWrite(actor, townCode)) {
            throw new AccessDeniedException("error.access-denied");
        }
    }

    boolean mayWrite(Actor actor, String townCode) {
        if (actor.isAdmin()) {
            return true;
        }
        if (!actor.can(Permissions.ENTERPRISE_FIGURE_WRITE) || !actor.roles().contains(Role.UNIT_STAFF)
                || actor.unitId() == null) {
            return false;
        }
        String unit = organisation.findById(actor.unitId()).map(u -> u.code()).orElse("");
        return cityUnits.contains(unit) || unit.equals(townCode);
    }
}
