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
    IPCENTRE_STAFF,
    /** A road chief (路长) outside the programme's units: patrols and defects on the roads assigned to them. */
    ROAD_CHIEF,
    /** Road staff (两员: 路政员, 养路员, 协管员, 护路员): patrols and defects on their roads. */
    ROAD_STAFF,
    /** Staff of a bank of one consortium (金融服务银团), outside the government: only the needs pushed to that consortium. */
    BANK_STAFF;

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
            case ROAD_CHIEF, ROAD_STAFF -> Permissions.ROAD_FIELD;
            case BANK_STAFF -> Permissions.BANK_STAFF;
        };
    }
}
