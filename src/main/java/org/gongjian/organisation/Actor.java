package org.gongjian.organisation;

import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Who is acting: a logged-in user with their unit and roles, or the system itself. */
public record Actor(String username, @Nullable Long unitId, Set<Role> roles, Set<String> permissions)
        implements java.io.Serializable {

    public static Actor system() {
        return new Actor("system", null, Set.of(Role.ADMIN), Role.ADMIN.permissions());
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    /**
     * Whether the actor may edit or report for something led or co-led by these units: the office
     * always, unit staff only for their own unit's work.
     */
    public boolean mayActFor(Collection<Long> responsibleUnitIds) {
        return isAdmin() || (roles.contains(Role.UNIT_STAFF) && unitId != null && responsibleUnitIds.contains(unitId));
    }
}
