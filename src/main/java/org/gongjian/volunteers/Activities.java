package org.gongjian.volunteers;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities of approved teams: title, category, place with an optional geofence, time window and quota (the
 * number of volunteers it takes in), under the policy in force (no activity longer than its limit). They are
 * created and changed by the team's captains, its town's staff and the office; a forged team or activity id is
 * refused and audited. A check-in reads its activity from a cache of a few seconds.
 */
@Service
@Transactional(readOnly = true)
public class Activities {

    private static final long CHECK_IN_CACHE_NANOS = Duration.ofSeconds(5).toNanos();

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final Teams teams;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final Quotas quotas;
    private final Map<Long, CachedActivity> checkInCache = new ConcurrentHashMap<>();

    Activities(JdbcClient jdbc, Volunteers volunteers, Teams teams, Accounts accounts, AuditLog audit, Clock clock,
            Quotas quotas) {
        this.quotas = quotas;
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.teams = teams;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

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
        Team team = teams.team(a.teamId());
        Actor actor = accounts.current();
        requireActivityScope(actor, team, null);
        List<Violation> v = checkActivity(a, team, 0);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        long id = Volunteers.key(jdbc.sql("""
                insert into volunteers_activity (team_id, title, category, place, latitude, longitude, radius_m, starts_at,
                    ends_at, quota, demo, created_by, created_at)
                values (:team, :title, :category, :place, :lat, :lng, :r, :from, :to, :quota, :demo, :by, :at)""")
                .param("team", team.id()).param("title", a.title().trim()).param("category", a.category().trim())
                .param("place", a.place().trim()).param("lat", a.latitude()).param("lng", a.longitude())
                .param("r", a.radiusM()).param("from", Timestamp.from(a.startsAt())).param("to", Timestamp.from(a.endsAt()))
                .param("quota", a.quota()).param("demo", demo).param("by", actor.username())
                .param("at", Timestamp.from(Instant.now(clock))));
        quotas.resize(id, a.quota());
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
        Team team = teams.team(before.teamId());
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
        quotas.resize(id, a.quota());
        checkInCache.remove(id);
        Activity after = activity(id);
        audit.updated("volunteers-activity", Long.toString(id), before, after);
        return after;
    }

    /** How many places of an activity are taken (volunteers who checked in at least once). */
    public int taken(long activityId) {
        return activity(activityId).taken();
    }

    /** Activities of a team are created and changed by its captains, its town's staff and the office. */
    private void requireActivityScope(Actor actor, Team team, @Nullable Long activityId) {
        if (!volunteers.actsForTown(actor, team.town()) && !volunteers.leads(actor, team.id())) {
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
        Policy policy = volunteers.policy(volunteers.today());
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
        List<Long> led = volunteers.ownId(actor).map(id -> volunteers.ledTeams(id).stream().map(Team::id).toList()).orElse(List.of());
        return teams.teams(null, Pageable.unpaged()).getContent().stream()
                .filter(t -> t.status() == TeamStatus.APPROVED && (led.contains(t.id()) || volunteers.actsForTown(actor, t.town())))
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
        String sql = "select * from volunteers_activity_view where team_id in (:t) order by starts_at desc, id desc";
        if (pageable.isPaged()) {
            sql += " limit " + pageable.getPageSize() + " offset " + pageable.getOffset();
        }
        return new PageImpl<>(jdbc.sql(sql).param("t", teams).query(Activities::activity).list(), pageable, total);
    }

    /**
     * An activity as a check-in reads it (team, place, geofence, window), kept for a few seconds so that a burst of
     * check-ins reads it once; a change made here replaces it at once. Quota and places are always read fresh.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
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
        return jdbc.sql("select * from volunteers_activity_view where id = :id").param("id", id).query(Activities::activity)
                .optional().orElseThrow(() -> new NotFoundException("volunteers.error.activity-not-found", id));
    }

    public Page<Activity> activities(@Nullable Long teamId, Pageable pageable) {
        String where = teamId == null ? "" : " where team_id = :team";
        Map<String, Object> p = teamId == null ? Map.of() : Map.of("team", teamId);
        long total = jdbc.sql("select count(*) from volunteers_activity" + where).params(p).query(Long.class).single();
        String sql = "select * from volunteers_activity_view" + where + " order by starts_at desc, id desc";
        if (pageable.isPaged()) {
            sql += " limit " + pageable.getPageSize() + " offset " + pageable.getOffset();
        }
        return new PageImpl<>(jdbc.sql(sql).params(p).query(Activities::activity).list(), pageable, total);
    }

    /** Activities of the volunteer's teams that run today or later, soonest first. */
    public List<Activity> upcomingFor(long volunteerId) {
        return jdbc.sql("""
                select a.* from volunteers_activity_view a where a.ends_at >= :now and a.team_id in
                  (select m.team_id from volunteers_membership m where m.volunteer_id = :v)
                order by a.starts_at, a.id""").param("now", Timestamp.from(Instant.now(clock).minus(Duration.ofDays(1))))
                .param("v", volunteerId).query(Activities::activity).list();
    }

    /** Today's activities of a team (running now or later today). */
    public List<Activity> todayOf(long teamId) {
        Instant dayEnd = volunteers.today().plusDays(1).atStartOfDay(Volunteers.CITY).toInstant();
        Instant dayStart = volunteers.today().atStartOfDay(Volunteers.CITY).toInstant();
        return jdbc.sql("select * from volunteers_activity_view where team_id = :t and starts_at < :end and ends_at >= :start "
                + "order by starts_at, id").param("t", teamId).param("end", Timestamp.from(dayEnd))
                .param("start", Timestamp.from(dayStart)).query(Activities::activity).list();
    }

    static Activity activity(ResultSet rs, int n) throws SQLException {
        Object r = rs.getObject("radius_m");
        return new Activity(rs.getLong("id"), rs.getInt("version"), rs.getLong("team_id"), rs.getString("title"),
                rs.getString("category"), rs.getString("place"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                r == null ? null : ((Number) r).intValue(), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getInt("quota"), rs.getInt("taken"), rs.getBoolean("demo"));
    }
}
