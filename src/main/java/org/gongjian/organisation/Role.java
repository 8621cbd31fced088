package org.gongjian.organisation;

import java.util.Set;

/**
 * What a user may do. The programme office (ADMIN) does everything; leaders read everything; unit
 * staff edit and report for their own unit's initiatives; viewers read. Volunteers and captains are
 * people outside the government: they see their own volunteer record (captains also their teams' rosters).
 */
public enum Role {
    ADMIN,
    LEADER,
    UNIT_STAFF,
    VIEWER,
    VOLUNTEER,
    CAPTAIN,
    /** Staff of the IP rapid-protection centre (开平(水暖卫浴)知识产权快速维权中心), an outside body: its own ledger. */
    IPCENTRE_STAFF;

    /** The Spring Security authority of the role itself. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The permissions (module:resource:action) the role grants, before any data scope is applied. */
    public Set<String> permissions() {
        return switch (this) {
            case ADMIN -> Permissions.ALL;
            case LEADER, VIEWER -> Permissions.READ;
            case UNIT_STAFF -> Permissions.UNIT_STAFF;
            case VOLUNTEER -> Permissions.VOLUNTEER;
            case CAPTAIN -> Permissions.CAPTAIN;
            case IPCENTRE_STAFF -> Permissions.IPCENTRE_STAFF;
        };
    }
}
