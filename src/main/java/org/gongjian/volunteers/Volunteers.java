package org.gongjian.volunteers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The volunteers ledger's people: real-name registration (ID number checked, encrypted, found again by a keyed
 * hash, shown masked; unmasking audited), the policy in force, and who the caller is to the ledger. The data
 * scope of outside users is decided here: a volunteer sees only their own record, a captain also the members of
 * the teams they lead (during their term); officials see every record, masked. Teams are {@link Teams}' and
 * activities {@link Activities}'.
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

    Volunteers(JdbcClient jdbc, IdVault vault, Organisation organisation, Accounts accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.organisation = organisation;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- policy

    /** The policy version in force on a date (read once, then from memory: no transaction of its own). */
    @Transactional(propagation = Propagation.SUPPORTS)
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
                + "order by t.id").param("v", volunteerId).param("today", today()).query(Teams::team).list();
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

    static Set<String> names(List<Violation> v) {
        Set<String> s = new java.util.HashSet<>();
        v.forEach(x -> s.add(x.field()));
        return s;
    }
}
