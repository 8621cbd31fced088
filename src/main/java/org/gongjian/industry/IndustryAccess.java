package org.gongjian.industry;

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
 * Who may keep plans, brackets and layouts: the office, and the staff of the industry units
 * ({@code gongjian.industry.office-units}, by default the industry bureau and the development and reform
 * bureau). A town's staff read them and enter their own firms' figures in the register.
 */
@Component
class IndustryAccess {

    private final Accounts accounts;
    private final Organisation organisation;
    private final Set<String> officeUnits;

    IndustryAccess(Accounts accounts, Organisation organisation,
            @Value("${gongjian.industry.office-units:industry-it,development-reform}") String[] officeUnits) {
        this.accounts = accounts;
        this.organisation = organisation;
        this.officeUnits = Set.of(officeUnits);
    }

    void checkManage() {
        if (!mayManage(accounts.current())) {
            throw new AccessDeniedException("error.access-denied");
        }
    }

    boolean mayManage(Actor actor) {
        if (actor.isAdmin()) {
            return true;
        }
        return actor.can(Permissions.INDUSTRY_MANAGE) && actor.roles().contains(Role.UNIT_STAFF)
                && organisation.isOneOf(actor.unitId(), officeUnits);
    }
}
