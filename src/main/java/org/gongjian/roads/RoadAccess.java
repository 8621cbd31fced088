package org.gongjian.roads;

import java.util.List;
import java.util.Set;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.Role;
import org.gongjian.organisation.Unit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in the roads ledger. The road office (the office and the transport bureau's
 * staff) keeps the register and closes defects; a town's staff work on defects assigned to their town;
 * road chiefs and road staff see only the segments assigned to them; leaders and viewers read.
 */
@Component
public class RoadAccess {

    private final Accounts accounts;
    private final Organisation organisation;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Set<String> officeUnits;

    RoadAccess(Accounts accounts, Organisation organisation, JdbcClient jdbc, AuditLog audit,
            @Value("${gongjian.roads.office-units:transport}") String[] officeUnits) {
        this.accounts = accounts;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.audit = audit;
        this.officeUnits = Set.of(officeUnits);
    }

    public Actor actor() {
        return accounts.current();
    }

    /** The office or the road office's staff. */
    public boolean office(Actor actor) {
        if (actor.isAdmin()) {
            return true;
        }
        if (!actor.roles().contains(Role.UNIT_STAFF) || actor.unitId() == null) {
            return false;
        }
        return organisation.isOneOf(actor.unitId(), officeUnits);
    }

    public boolean office() {
        return office(actor());
    }

    /** The town-level unit a unit staff member works for, if any. */
    public @Nullable String townOf(Actor actor) {
        if (!actor.roles().contains(Role.UNIT_STAFF) || actor.unitId() == null) {
            return null;
        }
        Unit unit = organisation.findById(actor.unitId()).orElse(null);
        if (unit == null) {
            return null;
        }
        return organisation.townLevelUnits().stream().anyMatch(t -> t.id().equals(unit.id())) ? unit.code() : null;
    }

    /** Whether the actor works in the field (a road chief or road staff) rather than in an office. */
    public boolean field(Actor actor) {
        return !actor.isAdmin() && (actor.roles().contains(Role.ROAD_CHIEF) || actor.roles().contains(Role.ROAD_STAFF))
                && !actor.can(Permissions.ROADS_READ);
    }

    /** The chief record of a user, if they are a serving chief. */
    public @Nullable Long chiefId(String username) {
        return jdbc.sql("select id from roads_chief where username = :u and ended_on is null order by id")
                .param("u", username).query(Long.class).list().stream().findFirst().orElse(null);
    }

    /** The staff record of a user, if any. */
    public @Nullable Long staffId(String username) {
        return jdbc.sql("select id from roads_staff where username = :u and (valid_to is null or valid_to >= current_date) order by id")
                .param("u", username).query(Long.class).list().stream().findFirst().orElse(null);
    }

    /**
     * The segments a field user may see (assigned to them as chief, or as staff), or null when the actor
     * reads the whole register.
     */
    public @Nullable Set<Long> segmentScope(Actor actor) {
        if (!field(actor)) {
            return null;
        }
        Long chief = chiefId(actor.username());
        Long staff = staffId(actor.username());
        java.util.Set<Long> ids = new java.util.HashSet<>();
        if (chief != null) {
            ids.addAll(jdbc.sql("""
                    select segment_id from roads_assignment where chief_id = :c
                       and (valid_to is null or valid_to >= current_date)""")
                    .param("c", chief).query(Long.class).list());
        }
        if (staff != null) {
            ids.addAll(jdbc.sql("select segment_id from roads_staff_segment where staff_id = :s").param("s", staff)
                    .query(Long.class).list());
        }
        return Set.copyOf(ids);
    }

    public void requireOffice(String entity, String id) {
        if (!office(actor())) {
            audit.denied(entity, id, "only the road office");
            throw new AccessDeniedException("error.access-denied");
        }
    }

    public void requireSegment(long segmentId) {
        Set<Long> scope = segmentScope(actor());
        if (scope != null && !scope.contains(segmentId)) {
            audit.denied("roads-segment", String.valueOf(segmentId), "not one of the user's roads");
            throw new AccessDeniedException("error.access-denied");
        }
    }

    public List<String> officeUnits() {
        return List.copyOf(officeUnits);
    }
}
