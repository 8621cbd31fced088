package org.gongjian.volunteers;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.Role;
import org.gongjian.organisation.Unit;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.Evidence;
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
 * The volunteers ledger's people and structure: real-name registration (ID number checked, encrypted, found
 * again by a keyed hash, shown masked; unmasking audited), teams with their approval, captains with terms,
 * memberships and activities. The data scope of outside users is enforced here: a volunteer sees only their
 * own record, a captain also the members of the teams they lead; officials see every record, masked.
 */
@Service
@Transactional(readOnly = true)
public class Volunteers {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String VOLUNTEER_COLUMNS = "id, version, name, id_masked, phone, skills, community, town_code, "
            + "username, demo, registered_on";

    private final JdbcClient jdbc;
    private final IdVault vault;
    private final Organisation organisation;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final AtomicReference<List<Policy>> policies = new AtomicReference<>();
    private static final long CHECK_IN_CACHE_NANOS = Duration.ofSeconds(5).toNanos();
    private final Map<Long, CachedActivity> checkInCache = new java.util.concurrent.ConcurrentHashMap<>();

    Volunteers(JdbcClient jdbc, IdVault vault, Organisation organisation, Accounts accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.organisation = organisation;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- policy

    /** The policy version in force on a date. */
    public Policy policy(LocalDate on) {
        List<Policy> all = policies.get();
        if (all == null) {
            all = jdbc.sql("select * from volunteers_policy order by valid_from desc").query((rs, n) -> new Policy(
                    rs.getLong("id"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                    rs.getString("source_document"), Evidence.valueOf(rs.getString("evidence")),
                    rs.getInt("max_activity_days"), rs.getInt("max_sign_ins_per_day"), rs.getBigDecimal("auto_hours_max"),
                    rs.getBigDecimal("org_hours_max"), rs.getBigDecimal("daily_cap_hours"),
                    Arrays.stream(rs.getString("star_hours").split(",")).map(String::trim).map(Integer::valueOf).toList(),
                    rs.getInt("publicity_working_days"), rs.getInt("qr_validity_seconds"), rs.getInt("active_days")))
                    .list();
            policies.set(all);
        }
        return all.stream().filter(p -> !p.validFrom().isAfter(on) && (p.validTo() == null || !p.validTo().isBefore(on)))
                .findFirst().orElseGet(() -> policies.get().get(policies.get().size() - 1));
    }

    public List<Policy> policies() {
        policy(today());
        return policies.get();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CITY));
    }

    // ---- volunteers

    /** What a registration asks for. */
    public record Registration(@Nullable String name, @Nullable String idNumber, @Nullable String phone,
            @Nullable String town, @Nullable String community, @Nullable String skills) {
    }

    /** Registers a volunteer (the office, or unit staff for their own town). */
    @Transactional
    public Volunteer register(Registration r) {
        Actor actor = accounts.current();
        List<Violation> v = check(r);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (!actor.can(Permissions.VOLUNTEERS_MANAGE) || (!actor.isAdmin() && !actsForTown(actor, r.town()))) {
            audit.denied("volunteer", null, "registration outside the actor's town");
            throw new AccessDeniedException("error.access-denied");
        }
        return insert(r, null, false);
    }

    /** Checks a registration and answers the problems (field, message key); nothing is stored. */
    public List<Violation> check(Registration r) {
        List<Violation> v = new ArrayList<>();
        if (r.name() == null || r.name().isBlank() || r.name().trim().length() > 50) {
            v.add(new Violation("name", "volunteers.error.name"));
        }
        if (r.idNumber() == null || r.idNumber().isBlank()) {
            v.add(new Violation("idNumber", "volunteers.error.id-missing"));
        } else if (IdNumbers.normalise(r.idNumber()) == null) {
            v.add(new Violation("idNumber", "volunteers.error.id-invalid"));
        }
        if (r.phone() == null || !r.phone().trim().matches("1[3-9][0-9]{9}")) {
            v.add(new Violation("phone", "volunteers.error.phone"));
        }
        if (r.town() == null || townUnit(r.town()).isEmpty()) {
            v.add(new Violation("town", "volunteers.error.town", r.town() == null ? "" : r.town()));
        }
        if (r.community() != null && r.community().length() > 100) {
            v.add(new Violation("community", "volunteers.error.too-long", 100));
        }
        if (r.skills() != null && r.skills().length() > 500) {
            v.add(new Violation("skills", "volunteers.error.too-long", 500));
        }
        return v;
    }

    /** Whether an ID number is registered already (by its keyed hash). */
    public boolean registered(String idNumber) {
        String n = IdNumbers.normalise(idNumber);
        return n != null && jdbc.sql("select count(*) from volunteers_volunteer where id_hash = :h")
                .param("h", vault.hash(n)).query(Long.class).single() > 0;
    }

    Volunteer insert(Registration r, @Nullable String username, boolean demo) {
        List<Violation> v = check(r);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String number = IdNumbers.normalise(r.idNumber());
        Instant now = Instant.now(clock);
        long id;
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into volunteers_volunteer (name, id_cipher, id_hash, id_masked, phone, skills, community, town_code,
                        username, demo, registered_at, registered_on)
                    values (:name, :cipher, :hash, :masked, :phone, :skills, :community, :town, :username, :demo, :at, :on)""")
                    .param("name", r.name().trim()).param("cipher", vault.encrypt(number)).param("hash", vault.hash(number))
                    .param("masked", IdNumbers.mask(number)).param("phone", r.phone().trim())
                    .param("skills", blankToNull(r.skills())).param("community", blankToNull(r.community()))
                    .param("town", r.town()).param("username", username).param("demo", demo)
                    .param("at", Timestamp.from(now)).param("on", today())
                    .update(keys, "id");
            id = keys.getKey().longValue();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("idNumber", "volunteers.error.id-duplicate");
        }
        Volunteer saved = volunteerRow(id);
        if (!demo) {
            audit.created("volunteer", Long.toString(id), view(saved));
        }
        return saved;
    }

    static long key(JdbcClient.StatementSpec insert) {
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        insert.update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A volunteer, masked, within the caller's scope (else not found). */
    public Volunteer volunteer(long id) {
        Volunteer v = volunteerRow(id);
        Actor actor = accounts.current();
        if (!official(actor) && !Long.valueOf(id).equals(ownId(actor).orElse(null)) && !leadsMemberOf(actor, id)) {
            audit.denied("volunteer", Long.toString(id), "outside the caller's data scope");
            throw new NotFoundException("volunteers.error.volunteer-not-found", id);
        }
        return v;
    }

    Volunteer volunteerRow(long id) {
        return jdbc.sql("select " + VOLUNTEER_COLUMNS + " from volunteers_volunteer where id = :id").param("id", id)
                .query(Volunteers::volunteer).optional()
                .orElseThrow(() -> new NotFoundException("volunteers.error.volunteer-not-found", id));
    }

    /** The full ID-card number: a permission of its own, and every use is audited with its purpose. */
    @Transactional
    public String unmask(long id, @Nullable String purpose) {
        Actor actor = accounts.current();
        if (!actor.can(Permissions.VOLUNTEERS_UNMASK)) {
            audit.denied("volunteer-id", Long.toString(id), "lacks " + Permissions.VOLUNTEERS_UNMASK);
            throw new AccessDeniedException("error.access-denied");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new InvalidInputException("purpose", "volunteers.error.purpose");
        }
        String cipher = jdbc.sql("select id_cipher from volunteers_volunteer where id = :id").param("id", id)
                .query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("volunteers.error.volunteer-not-found", id));
        audit.created("volunteer-id-unmasked", Long.toString(id), Map.of("purpose", purpose.trim(), "by", actor.username()));
        return vault.decrypt(cipher);
    }

    /** Volunteers in the caller's scope, optionally of a town or a team. */
    public Page<Volunteer> list(@Nullable String town, @Nullable Long teamId, Pageable pageable) {
        Actor actor = accounts.current();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (town != null && !town.isBlank()) {
            where.append(" and v.town_code = :town");
            params.put("town", town);
        }
        if (teamId != null) {
            where.append(" and exists (select 1 from volunteers_membership m where m.volunteer_id = v.id and m.team_id = :team)");
            params.put("team", teamId);
        }
        if (!official(actor)) {
            Long own = ownId(actor).orElse(-1L);
            where.append(" and (v.id = :own or exists (select 1 from volunteers_membership m join volunteers_team_role r "
                    + "on r.team_id = m.team_id where m.volunteer_id = v.id and r.volunteer_id = :own "
                    + "and r.term_from <= :today and (r.term_to is null or r.term_to >= :today)))");
            params.put("own", own);
            params.put("today", today());
        }
        long total = jdbc.sql("select count(*) from volunteers_volunteer v" + where).params(params).query(Long.class).single();
        String sql = "select " + VOLUNTEER_COLUMNS.replaceAll("(^|, )", "$1v.") + " from volunteers_volunteer v" + where
                + " order by v.id";
        if (pageable.isPaged()) {
            sql += " limit " + pageable.getPageSize() + " offset " + pageable.getOffset();
        }
        return new PageImpl<>(jdbc.sql(sql).params(params).query(Volunteers::volunteer).list(), pageable, total);
    }

    /** Whether the caller is the programme office (which may open any team's captain page). */
    public boolean office() {
        return accounts.current().isAdmin();
    }

    /** The volunteer record of the logged-in user, if they have one. */
    public Optional<Volunteer> me() {
        return ownId(accounts.current()).map(this::volunteerRow);
    }

    Optional<Long> ownId(Actor actor) {
        return jdbc.sql("select id from volunteers_volunteer where username = :u").param("u", actor.username())
                .query(Long.class).optional();
    }

    /** Officials see every record (masked); volunteers and captains have a personal scope. */
    static boolean official(Actor actor) {
        return actor.isAdmin() || actor.roles().contains(Role.LEADER) || actor.roles().contains(Role.UNIT_STAFF)
                || actor.roles().contains(Role.VIEWER);
    }

    private boolean leadsMemberOf(Actor actor, long volunteerId) {
        Optional<Long> own = ownId(actor);
        return own.isPresent() && jdbc.sql("""
                select count(*) from volunteers_membership m join volunteers_team_role r on r.team_id = m.team_id
                where m.volunteer_id = :v and r.volunteer_id = :own and r.term_from <= :today
                  and (r.term_to is null or r.term_to >= :today)""")
                .param("v", volunteerId).param("own", own.get()).param("today", today()).query(Long.class).single() > 0;
    }

    /** The teams a volunteer leads today (as captain or vice-captain). */
    public List<Team> ledTeams(long volunteerId) {
        return jdbc.sql("select t.* from volunteers_team t where t.id in (select r.team_id from volunteers_team_role r "
                + "where r.volunteer_id = :v and r.term_from <= :today and (r.term_to is null or r.term_to >= :today)) "
                + "order by t.id").param("v", volunteerId).param("today", today()).query(Volunteers::team).list();
    }

    boolean leads(Actor actor, long teamId) {
        Optional<Long> own = ownId(actor);
        return own.isPresent() && ledTeams(own.get()).stream().anyMatch(t -> t.id() == teamId);
    }

    boolean actsForTown(Actor actor, @Nullable String town) {
        if (actor.isAdmin()) {
            return true;
        }
        if (town == null || actor.unitId() == null || !actor.roles().contains(Role.UNIT_STAFF)) {
            return false;
        }
        return organisation.findById(actor.unitId()).map(u -> u.code().equals(town)).orElse(false);
    }

    Optional<Unit> townUnit(String code) {
        return organisation.townLevelUnits().stream().filter(u -> u.code().equals(code)).findFirst();
    }

    /** Town-level units (code → short name), for forms and figures. */
    public Map<String, String> towns() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Unit u : organisation.townLevelUnits()) {
            m.put(u.code(), u.shortName() == null ? u.name() : u.shortName());
        }
        return m;
    }

    /** Links a volunteer record to a login (self sign-up). */
    @Transactional
    void link(long volunteerId, String username) {
        jdbc.sql("update volunteers_volunteer set username = :u, version = version + 1 where id = :id")
                .param("u", username).param("id", volunteerId).update();
    }

    // ---- teams

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
        if (t.town() == null || townUnit(t.town()).isEmpty()) {
            v.add(new Violation("town", "volunteers.error.town", t.town() == null ? "" : t.town()));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        requireManage(actor, t.town(), "team");
        Instant now = Instant.now(clock);
        long id = key(jdbc.sql("""
                insert into volunteers_team (name, type, supervising_org, town_code, community, status, demo, created_at, created_on)
                values (:name, :type, :org, :town, :community, 'APPLIED', :demo, :at, :on)""")
                .param("name", t.name().trim()).param("type", t.type().name()).param("org", t.supervisingOrg().trim())
                .param("town", t.town()).param("community", blankToNull(t.community())).param("demo", demo)
                .param("at", Timestamp.from(now)).param("on", today()));
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
        return jdbc.sql("select * from volunteers_team where id = :id").param("id", id).query(Volunteers::team).optional()
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
        return new PageImpl<>(jdbc.sql(sql).params(p).query(Volunteers::team).list(), pageable, total);
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
        volunteerRow(volunteerId);
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
        if (!actsForTown(actor, team.town()) && !leads(actor, teamId)) {
            audit.denied("volunteers-team", Long.toString(teamId), "member added by someone outside the team's scope");
            throw new AccessDeniedException("error.access-denied");
        }
        volunteerRow(volunteerId);
        if (join(teamId, volunteerId, today())) {
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
                + "where m.volunteer_id = :v order by t.id").param("v", volunteerId).query(Volunteers::team).list();
    }

    // ---- activities

    /** What a new activity asks for. */
    public record NewActivity(@Nullable Long teamId, @Nullable String title, @Nullable String category,
            @Nullable String place, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude,
            @Nullable Integer radiusM, @Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable Integer quota) {
    }

    /** Creates an activity of an approved team: the office, the town's staff or the team's captains. */
    @Transactional
    public Activity createActivity(NewActivity a) {
        return createActivity(a, false);
    }

    Activity createActivity(NewActivity a, boolean demo) {
        if (a.teamId() == null) {
            throw new InvalidInputException("teamId", "volunteers.error.team-missing");
        }
        Team team = team(a.teamId());
        Actor actor = accounts.current();
        requireActivityScope(actor, team, null);
        List<Violation> v = checkActivity(a, team, 0);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        long id = key(jdbc.sql("""
                insert into volunteers_activity (team_id, title, category, place, latitude, longitude, radius_m, starts_at,
                    ends_at, quota, demo, created_by, created_at)
                values (:team, :title, :category, :place, :lat, :lng, :r, :from, :to, :quota, :demo, :by, :at)""")
                .param("team", team.id()).param("title", a.title().trim()).param("category", a.category().trim())
                .param("place", a.place().trim()).param("lat", a.latitude()).param("lng", a.longitude())
                .param("r", a.radiusM()).param("from", Timestamp.from(a.startsAt())).param("to", Timestamp.from(a.endsAt()))
                .param("quota", a.quota()).param("demo", demo).param("by", actor.username())
                .param("at", Timestamp.from(Instant.now(clock))));
        Activity created = activity(id);
        if (!demo) {
            audit.created("volunteers-activity", Long.toString(id), created);
        }
        return created;
    }

    /**
     * Changes an activity (title, category, place, geofence, window, quota) — the team's captains, its town's
     * staff or the office; the team stays. The quota cannot fall below the places already taken.
     */
    @Transactional
    public Activity updateActivity(long id, NewActivity a, @Nullable Integer expectedVersion) {
        Activity before = activity(id);
        Team team = team(before.teamId());
        Actor actor = accounts.current();
        requireActivityScope(actor, team, id);
        if (a.teamId() != null && a.teamId() != team.id()) {
            throw new InvalidInputException("teamId", "volunteers.error.team-fixed");
        }
        List<Violation> v = checkActivity(a, team, taken(id));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        int rows = jdbc.sql("""
                update volunteers_activity set title = :title, category = :category, place = :place, latitude = :lat,
                    longitude = :lng, radius_m = :r, starts_at = :from, ends_at = :to, quota = :quota, version = version + 1
                where id = :id and (cast(:v as integer) is null or version = :v)""")
                .param("title", a.title().trim()).param("category", a.category().trim()).param("place", a.place().trim())
                .param("lat", a.latitude()).param("lng", a.longitude()).param("r", a.radiusM())
                .param("from", Timestamp.from(a.startsAt())).param("to", Timestamp.from(a.endsAt()))
                .param("quota", a.quota()).param("id", id).param("v", expectedVersion).update();
        if (rows == 0) {
            throw new ConflictException("error.stale-version");
        }
        checkInCache.remove(id);
        Activity after = activity(id);
        audit.updated("volunteers-activity", Long.toString(id), before, after);
        return after;
    }

    /** How many places of an activity are taken (volunteers who checked in at least once). */
    public int taken(long activityId) {
        return jdbc.sql("select taken from volunteers_activity where id = :id").param("id", activityId)
                .query(Integer.class).optional()
                .orElseThrow(() -> new NotFoundException("volunteers.error.activity-not-found", activityId));
    }

    /** Activities of a team are created and changed by its captains, its town's staff and the office. */
    private void requireActivityScope(Actor actor, Team team, @Nullable Long activityId) {
        if (!actsForTown(actor, team.town()) && !leads(actor, team.id())) {
            audit.denied("volunteers-activity", activityId == null ? null : activityId.toString(),
                    "activity of a team outside the caller's scope");
            throw new AccessDeniedException("error.access-denied");
        }
    }

    private List<Violation> checkActivity(NewActivity a, Team team, int taken) {
        List<Violation> v = new ArrayList<>();
        if (team.status() != TeamStatus.APPROVED) {
            v.add(new Violation("teamId", "volunteers.error.team-not-approved"));
        }
        if (a.title() == null || a.title().isBlank() || a.title().length() > 200) {
            v.add(new Violation("title", "volunteers.error.title"));
        } else if (a.title().contains("补录")) {
            v.add(new Violation("title", "volunteers.error.title-backfill"));
        }
        if (a.category() == null || a.category().isBlank() || a.category().length() > 32) {
            v.add(new Violation("category", "volunteers.error.category"));
        }
        if (a.place() == null || a.place().isBlank() || a.place().length() > 200) {
            v.add(new Violation("place", "volunteers.error.place"));
        }
        boolean anyFence = a.latitude() != null || a.longitude() != null || a.radiusM() != null;
        if (anyFence && (a.latitude() == null || a.longitude() == null || a.radiusM() == null
                || a.latitude().abs().compareTo(BigDecimal.valueOf(90)) > 0
                || a.longitude().abs().compareTo(BigDecimal.valueOf(180)) > 0 || a.radiusM() < 10 || a.radiusM() > 50_000)) {
            v.add(new Violation("radiusM", "volunteers.error.geofence"));
        }
        Policy policy = policy(today());
        if (a.startsAt() == null || a.endsAt() == null || !a.endsAt().isAfter(a.startsAt())) {
            v.add(new Violation("endsAt", "volunteers.error.window"));
        } else if (Duration.between(a.startsAt(), a.endsAt()).toDays() >= policy.maxActivityDays()) {
            v.add(new Violation("endsAt", "volunteers.error.too-long-activity", policy.maxActivityDays()));
        }
        if (a.quota() == null || a.quota() < 1 || a.quota() > 100_000) {
            v.add(new Violation("quota", "volunteers.error.quota"));
        } else if (a.quota() < taken) {
            v.add(new Violation("quota", "volunteers.error.quota-below-taken", taken));
        }
        return v;
    }

    /** The approved teams the caller may create activities for: those they lead, their town's, or all (office). */
    public List<Team> teamsForActivities() {
        Actor actor = accounts.current();
        List<Long> led = ownId(actor).map(id -> ledTeams(id).stream().map(Team::id).toList()).orElse(List.of());
        return teams(null, Pageable.unpaged()).getContent().stream()
                .filter(t -> t.status() == TeamStatus.APPROVED && (led.contains(t.id()) || actsForTown(actor, t.town())))
                .toList();
    }

    /** The activities the caller manages (of the teams of {@link #teamsForActivities()}), newest first. */
    public Page<Activity> manageableActivities(Pageable pageable) {
        List<Long> teams = teamsForActivities().stream().map(Team::id).toList();
        if (teams.isEmpty()) {
            return new PageImpl<>(List.of(), pageable, 0);
        }
        long total = jdbc.sql("select count(*) from volunteers_activity where team_id in (:t)").param("t", teams)
                .query(Long.class).single();
        String sql = "select * from volunteers_activity where team_id in (:t) order by starts_at desc, id desc";
        if (pageable.isPaged()) {
            sql += " limit " + pageable.getPageSize() + " offset " + pageable.getOffset();
        }
        return new PageImpl<>(jdbc.sql(sql).param("t", teams).query(Volunteers::activity).list(), pageable, total);
    }

    /**
     * An activity as a check-in reads it (team, place, geofence, window), kept for a few seconds so that a burst of
     * check-ins reads it once; a change made here replaces it at once. Quota and places are always read fresh.
     */
    Activity activityForCheckIn(long id) {
        long now = System.nanoTime();
        CachedActivity c = checkInCache.get(id);
        if (c != null && now - c.readAt() < CHECK_IN_CACHE_NANOS) {
            return c.activity();
        }
        Activity a = activity(id);
        if (checkInCache.size() > 1_000) {
            checkInCache.clear();
        }
        checkInCache.put(id, new CachedActivity(a, now));
        return a;
    }

    private record CachedActivity(Activity activity, long readAt) {
    }

    public Activity activity(long id) {
        return jdbc.sql("select * from volunteers_activity where id = :id").param("id", id).query(Volunteers::activity)
                .optional().orElseThrow(() -> new NotFoundException("volunteers.error.activity-not-found", id));
    }

    public Page<Activity> activities(@Nullable Long teamId, Pageable pageable) {
        String where = teamId == null ? "" : " where team_id = :team";
        Map<String, Object> p = teamId == null ? Map.of() : Map.of("team", teamId);
        long total = jdbc.sql("select count(*) from volunteers_activity" + where).params(p).query(Long.class).single();
        String sql = "select * from volunteers_activity" + where + " order by starts_at desc, id desc";
        if (pageable.isPaged()) {
            sql += " limit " + pageable.getPageSize() + " offset " + pageable.getOffset();
        }
        return new PageImpl<>(jdbc.sql(sql).params(p).query(Volunteers::activity).list(), pageable, total);
    }

    /** Activities of the volunteer's teams that run today or later, soonest first. */
    public List<Activity> upcomingFor(long volunteerId) {
        return jdbc.sql("""
                select a.* from volunteers_activity a where a.ends_at >= :now and a.team_id in
                  (select m.team_id from volunteers_membership m where m.volunteer_id = :v)
                order by a.starts_at, a.id""").param("now", Timestamp.from(Instant.now(clock).minus(Duration.ofDays(1))))
                .param("v", volunteerId).query(Volunteers::activity).list();
    }

    /** Today's activities of a team (running now or later today). */
    public List<Activity> todayOf(long teamId) {
        Instant dayEnd = today().plusDays(1).atStartOfDay(CITY).toInstant();
        Instant dayStart = today().atStartOfDay(CITY).toInstant();
        return jdbc.sql("select * from volunteers_activity where team_id = :t and starts_at < :end and ends_at >= :start "
                + "order by starts_at, id").param("t", teamId).param("end", Timestamp.from(dayEnd))
                .param("start", Timestamp.from(dayStart)).query(Volunteers::activity).list();
    }

    private void requireManage(Actor actor, @Nullable String town, String what) {
        if (!actor.can(Permissions.VOLUNTEERS_MANAGE) || !actsForTown(actor, town)) {
            audit.denied("volunteers-" + what, null, "outside the caller's town");
            throw new AccessDeniedException("error.access-denied");
        }
    }

    static Map<String, Object> view(Volunteer v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("idMasked", v.idMasked());
        m.put("town", v.town());
        m.put("community", v.community());
        m.put("username", v.username());
        return m;
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Volunteer volunteer(ResultSet rs, int n) throws SQLException {
        return new Volunteer(rs.getLong("id"), rs.getInt("version"), rs.getString("name"), rs.getString("id_masked"),
                rs.getString("phone"), rs.getString("skills"), rs.getString("community"), rs.getString("town_code"),
                rs.getString("username"), rs.getBoolean("demo"), rs.getObject("registered_on", LocalDate.class));
    }

    static Team team(ResultSet rs, int n) throws SQLException {
        return new Team(rs.getLong("id"), rs.getInt("version"), rs.getString("name"), TeamType.valueOf(rs.getString("type")),
                rs.getString("supervising_org"), rs.getString("town_code"), rs.getString("community"),
                TeamStatus.valueOf(rs.getString("status")), rs.getString("approved_by"), rs.getBoolean("demo"),
                rs.getObject("created_on", LocalDate.class));
    }

    static Activity activity(ResultSet rs, int n) throws SQLException {
        Object r = rs.getObject("radius_m");
        return new Activity(rs.getLong("id"), rs.getInt("version"), rs.getLong("team_id"), rs.getString("title"),
                rs.getString("category"), rs.getString("place"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                r == null ? null : ((Number) r).intValue(), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getInt("quota"), rs.getInt("taken"), rs.getBoolean("demo"));
    }

    static Set<String> names(List<Violation> v) {
        Set<String> s = new java.util.HashSet<>();
        v.forEach(x -> s.add(x.field()));
        return s;
    }
}
