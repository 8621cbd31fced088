package org.gongjian.volunteers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Permissions;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer teams: the application, the supervising unit's approval, captains and vice-captains with their terms,
 * and memberships (a volunteer may belong to several teams). Teams are created and decided by the office or the
 * staff of the team's town; captains add members to the teams they lead.
 */
@Service
@Transactional(readOnly = true)
public class Teams {

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    Teams(JdbcClient jdbc, Volunteers volunteers, Accounts accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a team application asks for. */
    public record NewTeam(@Nullable String name, @Nullable TeamType type, @Nullable String supervisingOrg,
            @Nullable String town, @Nullable String community) {
    }

    @Transactional
    public Team createTeam(NewTeam t) {
        return createTeam(t, false);
    }

    Team createTeam(NewTeam t, boolean demo) {
        Actor actor = accounts.current();
        List<Violation> v = new ArrayList<>();
        if (t.name() == null || t.name().isBlank() || t.name().length() > 200) {
            v.add(new Violation("name", "volunteers.error.name"));
        }
        if (t.type() == null) {
            v.add(new Violation("type", "volunteers.error.team-type"));
        }
        if (t.supervisingOrg() == null || t.supervisingOrg().isBlank() || t.supervisingOrg().length() > 200) {
            v.add(new Violation("supervisingOrg", "volunteers.error.supervising-org"));
        }
        if (t.town() == null || volunteers.townUnit(t.town()).isEmpty()) {
            v.add(new Violation("town", "volunteers.error.town", t.town() == null ? "" : t.town()));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        requireManage(actor, t.town(), "team");
        Instant now = Instant.now(clock);
        long id = Volunteers.key(jdbc.sql("""
                insert into volunteers_team (name, type, supervising_org, town_code, community, status, demo, created_at, created_on)
                values (:name, :type, :org, :town, :community, 'APPLIED', :demo, :at, :on)""")
                .param("name", t.name().trim()).param("type", t.type().name()).param("org", t.supervisingOrg().trim())
                .param("town", t.town()).param("community", Volunteers.blankToNull(t.community())).param("demo", demo)
                .param("at", Timestamp.from(now)).param("on", volunteers.today()));
        Team team = team(id);
        if (!demo) {
            audit.created("volunteers-team", Long.toString(id), team);
        }
        return team;
    }

    /** The supervising unit (unit staff of the team's town) or the office approves or refuses a team. */
    @Transactional
    public Team decideTeam(long id, boolean approve, @Nullable Integer expectedVersion) {
        Team before = team(id);
        Actor actor = accounts.current();
        requireManage(actor, before.town(), "team");
        if (before.status() != TeamStatus.APPLIED) {
            throw new ConflictException("volunteers.error.team-decided");
        }
        int rows = jdbc.sql("""
                update volunteers_team set status = :s, approved_by = :by, approved_at = :at, version = version + 1
                where id = :id and version = :v""")
                .param("s", approve ? "APPROVED" : "REFUSED").param("by", actor.username())
                .param("at", Timestamp.from(Instant.now(clock))).param("id", id)
                .param("v", expectedVersion == null ? before.version() : expectedVersion).update();
        if (rows == 0) {
            throw new ConflictException("error.stale-version");
        }
        Team after = team(id);
        audit.updated("volunteers-team", Long.toString(id), before, after);
        return after;
    }

    public Team team(long id) {
        return jdbc.sql("select * from volunteers_team where id = :id").param("id", id).query(Teams::team).optional()
                .orElseThrow(() -> new NotFoundException("volunteers.error.team-not-found", id));
    }

    public Page<Team> teams(@Nullable String town, Pageable pageable) {
        String where = town == null || town.isBlank() ? "" : " where town_code = :town";
        Map<String, Object> p = town == null || town.isBlank() ? Map.of() : Map.of("town", town);
        long total = jdbc.sql("select count(*) from volunteers_team" + where).params(p).query(Long.class).single();
        String sql = "select * from volunteers_team" + where + " order by id";
        if (pageable.isPaged()) {
            sql += " limit " + pageable.getPageSize() + " offset " + pageable.getOffset();
        }
        return new PageImpl<>(jdbc.sql(sql).params(p).query(Teams::team).list(), pageable, total);
    }

    /** A captain or vice-captain and their term. */
    public record Leader(long id, long teamId, long volunteerId, String name, TeamRole role, LocalDate termFrom,
            @Nullable LocalDate termTo) {
    }

    /** Appoints a member as captain or vice-captain from a date (makes them a member when they are not). */
    @Transactional
    public Leader appoint(long teamId, long volunteerId, TeamRole role, LocalDate from, @Nullable LocalDate to) {
        Team team = team(teamId);
        requireManage(accounts.current(), team.town(), "team-role");
        volunteers.volunteerRow(volunteerId);
        if (to != null && to.isBefore(from)) {
            throw new InvalidInputException("termTo", "volunteers.error.term");
        }
        join(teamId, volunteerId, from);
        jdbc.sql("insert into volunteers_team_role (team_id, volunteer_id, role, term_from, term_to) values (:t, :v, :r, :f, :to)")
                .param("t", teamId).param("v", volunteerId).param("r", role.name()).param("f", from).param("to", to).update();
        Leader l = leaders(teamId).stream().filter(x -> x.volunteerId() == volunteerId && x.termFrom().equals(from))
                .reduce((a, b) -> b).orElseThrow();
        audit.created("volunteers-team-role", Long.toString(l.id()), l);
        return l;
    }

    public List<Leader> leaders(long teamId) {
        return jdbc.sql("""
                select r.id, r.team_id, r.volunteer_id, v.name, r.role, r.term_from, r.term_to
                from volunteers_team_role r join volunteers_volunteer v on v.id = r.volunteer_id
                where r.team_id = :t order by r.id""").param("t", teamId)
                .query((rs, n) -> new Leader(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        TeamRole.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)))
                .list();
    }

    /** Adds a volunteer to a team (a volunteer may belong to several); joining twice changes nothing. */
    @Transactional
    public void addMember(long teamId, long volunteerId) {
        Team team = team(teamId);
        Actor actor = accounts.current();
        if (!volunteers.actsForTown(actor, team.town()) && !volunteers.leads(actor, teamId)) {
            audit.denied("volunteers-team", Long.toString(teamId), "member added by someone outside the team's scope");
            throw new AccessDeniedException("error.access-denied");
        }
        volunteers.volunteerRow(volunteerId);
        if (join(teamId, volunteerId, volunteers.today())) {
            audit.created("volunteers-membership", teamId + "/" + volunteerId, Map.of("team", teamId, "volunteer", volunteerId));
        }
    }

    boolean join(long teamId, long volunteerId, LocalDate on) {
        if (jdbc.sql("select count(*) from volunteers_membership where team_id = :t and volunteer_id = :v")
                .param("t", teamId).param("v", volunteerId).query(Long.class).single() > 0) {
            return false;
        }
        try {
            jdbc.sql("insert into volunteers_membership (team_id, volunteer_id, joined_on) values (:t, :v, :on)")
                    .param("t", teamId).param("v", volunteerId).param("on", on).update();
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** The teams a volunteer belongs to. */
    public List<Team> teamsOf(long volunteerId) {
        return jdbc.sql("select t.* from volunteers_team t join volunteers_membership m on m.team_id = t.id "
                + "where m.volunteer_id = :v order by t.id").param("v", volunteerId).query(Teams::team).list();
    }

    private void requireManage(Actor actor, @Nullable String town, String what) {
        if (!actor.can(Permissions.VOLUNTEERS_MANAGE) || !volunteers.actsForTown(actor, town)) {
            audit.denied("volunteers-" + what, null, "outside the caller's town");
            throw new AccessDeniedException("error.access-denied");
        }
    }

    static Team team(ResultSet rs, int n) throws SQLException {
        return new Team(rs.getLong("id"), rs.getInt("version"), rs.getString("name"), TeamType.valueOf(rs.getString("type")),
                rs.getString("supervising_org"), rs.getString("town_code"), rs.getString("community"),
                TeamStatus.valueOf(rs.getString("status")), rs.getString("approved_by"), rs.getBoolean("demo"),
                rs.getObject("created_on", LocalDate.class));
    }
}
