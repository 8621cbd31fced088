package org.gongjian.volunteers;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in and sign-out. A sign-in comes from the captain's rotating QR code, from GPS inside the activity's
 * geofence, or from a captain's manual entry with a reason. Each carries an idempotency key (the QR token itself,
 * or the client's key), and a unique constraint on (activity, volunteer, key) makes a retried request answer the
 * same sign-in however many retries race. Signing out makes the day's hours in the {@link HoursLedger}.
 */
@Service
@Transactional(readOnly = true)
public class CheckIns {

    private static final double EARTH_RADIUS_M = 6_371_000;

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final Teams teams;
    private final Activities activities;
    private final HoursLedger hours;
    private final QrTokens tokens;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final SignInWrites writes;
    /** Each attempt in a savepoint: a unique-key refusal leaves a caller's transaction usable (PostgreSQL). */
    private final TransactionTemplate savepoint;

    CheckIns(JdbcClient jdbc, Volunteers volunteers, Teams teams, Activities activities, HoursLedger hours,
            QrTokens tokens, Accounts accounts, AuditLog audit, Clock clock, PlatformTransactionManager transactions,
            SignInWrites writes) {
        this.writes = writes;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.teams = teams;
        this.activities = activities;
        this.hours = hours;
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A sign-in request: the volunteer (left out: the caller's own record), and either the QR token, or a GPS
     * position, or a manual reason; {@code key} makes GPS and manual requests idempotent.
     */
    public record Request(@Nullable Long volunteerId, @Nullable String token, @Nullable BigDecimal latitude,
            @Nullable BigDecimal longitude, @Nullable String reason, @Nullable String key) {

        CheckInMethod method() {
            if (token != null && !token.isBlank()) {
                return CheckInMethod.QR;
            }
            if (latitude != null || longitude != null) {
                return CheckInMethod.GPS;
            }
            return CheckInMethod.MANUAL;
        }
    }

    /** The sign-in and whether this request made it (false: a retry found it). */
    public record Outcome(CheckIn checkIn, boolean created) {
    }

    /** A fresh QR token for an activity, for its team's captains (and the office). */
    public String token(long activityId) {
        Activity a = activities.activity(activityId);
        Actor actor = accounts.current();
        if (!actor.isAdmin() && !volunteers.leads(actor, a.teamId())) {
            audit.denied("volunteers-activity", Long.toString(activityId), "QR code asked for by someone not leading the team");
            throw new AccessDeniedException("error.access-denied");
        }
        return tokens.issue(activityId);
    }

    /**
     * Signs a volunteer in (see the class comment for the idempotency). Each attempt is one short transaction (a
     * savepoint inside a caller's transaction): on the common path the conditional insert, the audit entry and the
     * place, with no read before them (see {@link #attempt}). A volunteer's first sign-in to an activity takes one
     * of its places (the quota); the last free place goes to one request only, however many race for it, because
     * the count is raised by a conditional update.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Outcome checkIn(long activityId, Request r) {
        Actor actor = accounts.current();
        Activity activity = activities.activityForCheckIn(activityId);
        CheckInMethod method = r.method();
        long volunteerId = whoChecksIn(actor, activity, r, method);
        Instant now = Instant.now(clock);
        LocalDate day = LocalDate.ofInstant(now, Volunteers.CITY);
        Policy policy = volunteers.policy(day);
        String key = switch (method) {
            case QR -> "qr:" + r.token().trim();
            case GPS -> "gps:" + requireKey(r);
            case MANUAL -> "manual:" + (r.key() == null || r.key().isBlank() ? UUID.randomUUID().toString() : r.key().trim());
        };
        if (key.length() > 120) {
            throw new InvalidInputException("key", "volunteers.error.key");
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Outcome o = savepoint.execute(status -> attempt(activity, volunteerId, r, method, key, now, day, policy, actor));
                if (o != null) {
                    return o;
                }
            } catch (DuplicateKeyException raced) {
                // another request got there first: the next attempt finds its row (a retry) or counts again (same day)
            }
        }
        throw new ConflictException("volunteers.error.busy");
    }

    /** What the slow path reads: the volunteer's sign-in with the key, and their sign-ins of the day. */
    private record Seen(@Nullable CheckIn sameKey, long sessions, long open) {
    }

    /**
     * One attempt. The common case, a volunteer's first valid sign-in of the day, is the writes of
     * {@link SignInWrites} (a conditional insert that numbers the day's sign-in and refuses a fourth one or a second
     * open one, {@code on conflict do nothing} under the two unique constraints; at a first sign-in to the activity,
     * the place and its share of the quota: one statement on PostgreSQL), then the audit entry. Only when the request
     * is refused, or the insert makes no row, is the volunteer's day read to answer why: the same key answers the
     * earlier sign-in (a retry, even with a token expired since), else the refusal is explained.
     */
    private @Nullable Outcome attempt(Activity activity, long volunteerId, Request r, CheckInMethod method, String key,
            Instant now, LocalDate day, Policy policy, Actor actor) {
        long activityId = activity.id();
        try {
            refuseInvalid(activity, volunteerId, r, method, now, policy);
        } catch (RuntimeException refused) {
            Seen seen = seen(activityId, volunteerId, key, day);
            if (seen.sameKey() != null) {
                return new Outcome(seen.sameKey(), false);
            }
            throw refused;
        }
        String reason = Volunteers.blankToNull(r.reason());
        Optional<SignInWrites.Made> made = writes.signIn(activityId, volunteerId, day, method, key, now,
                method == CheckInMethod.GPS ? r.latitude() : null, method == CheckInMethod.GPS ? r.longitude() : null,
                reason, actor.username(), policy.maxSignInsPerDay(), activity.quota());
        if (made.isEmpty()) {
            return answerWithoutInsert(activityId, volunteerId, key, day, policy);
        }
        long id = made.get().id();
        int index = made.get().dailyIndex();
        audit.created("volunteers-check-in", Long.toString(id), Map.of("activity", activityId,
                "volunteer", volunteerId, "method", method.name(), "day", day.toString(), "index", index));
        return new Outcome(new CheckIn(id, activityId, volunteerId, day, index, method,
                now.truncatedTo(java.time.temporal.ChronoUnit.MICROS), null, reason, actor.username()), true);
    }

    /** The request's own checks, which need no read: the token, the geofence or the reason, and the time window. */
    private void refuseInvalid(Activity activity, long volunteerId, Request r, CheckInMethod method, Instant now,
            Policy policy) {
        switch (method) {
            case QR -> {
                QrTokens.Check check = tokens.check(r.token().trim(), activity.id(), policy.qrValiditySeconds());
                if (check == QrTokens.Check.EXPIRED) {
                    throw new InvalidInputException("token", "volunteers.error.token-expired");
                }
                if (check == QrTokens.Check.FORGED) {
                    audit.denied("volunteers-check-in", activity.id() + "/" + volunteerId, "forged QR token");
                    throw new InvalidInputException("token", "volunteers.error.token-forged");
                }
            }
            case GPS -> requireInside(activity, r);
            case MANUAL -> {
                if (r.reason() == null || r.reason().isBlank() || r.reason().length() > 500) {
                    throw new InvalidInputException("reason", "volunteers.error.reason");
                }
            }
        }
        if (now.isBefore(activity.startsAt().minus(Duration.ofHours(1))) || now.isAfter(activity.endsAt())) {
            throw new InvalidInputException("activityId", "volunteers.error.outside-window");
        }
    }

    /**
     * Why the insert made no row: a retry (the same key), a sign-in still open, the day's sign-ins used up — or a
     * request that raced this one and committed in between ({@code null}: the caller tries again).
     */
    private @Nullable Outcome answerWithoutInsert(long activityId, long volunteerId, String key, LocalDate day,
            Policy policy) {
        Seen seen = seen(activityId, volunteerId, key, day);
        if (seen.sameKey() != null) {
            return new Outcome(seen.sameKey(), false);
        }
        if (seen.open() > 0) {
            throw new ConflictException("volunteers.error.already-in");
        }
        if (seen.sessions() >= policy.maxSignInsPerDay()) {
            throw new ConflictException("volunteers.error.sign-ins-exhausted", policy.maxSignInsPerDay());
        }
        return null;
    }

    private Seen seen(long activityId, long volunteerId, String key, LocalDate day) {
        long[] counts = {0, 0};
        CheckIn[] same = {null};
        jdbc.sql("""
                select * from volunteers_check_in c where c.activity_id = :a and c.volunteer_id = :v
                   and (c.service_date = :d or c.idempotency_key = :k)""")
                .param("a", activityId).param("v", volunteerId).param("d", day).param("k", key)
                .query(rs -> {
                    CheckIn c = checkIn(rs, 0);
                    if (key.equals(rs.getString("idempotency_key"))) {
                        same[0] = c;
                    }
                    if (c.serviceDate().equals(day)) {
                        counts[0]++;
                        counts[1] += c.checkedOutAt() == null ? 1 : 0;
                    }
                });
        return new Seen(same[0], counts[0], counts[1]);
    }

    /**
     * Signs out of an open sign-in, with a fresh QR token, a GPS position inside the geofence or a captain's
     * reason; signing out twice answers the same sign-in. The day's hours are recomputed into the ledger.
     */
    @Transactional
    public CheckIn checkOut(long checkInId, Request r) {
        CheckIn in = checkIn(checkInId);
        Actor actor = accounts.current();
        Activity activity = activities.activity(in.activityId());
        CheckInMethod method = r.method();
        long volunteerId = whoChecksIn(actor, activity, new Request(in.volunteerId(), r.token(), r.latitude(),
                r.longitude(), r.reason(), r.key()), method);
        if (volunteerId != in.volunteerId()) {
            throw new NotFoundException("volunteers.error.check-in-not-found", checkInId);
        }
        if (in.checkedOutAt() != null) {
            return in;
        }
        Policy policy = volunteers.policy(in.serviceDate());
        switch (method) {
            case QR -> {
                if (tokens.check(r.token().trim(), in.activityId(), policy.qrValiditySeconds()) != QrTokens.Check.VALID) {
                    throw new InvalidInputException("token", "volunteers.error.token-expired");
                }
            }
            case GPS -> requireInside(activity, r);
            case MANUAL -> {
                if (r.reason() == null || r.reason().isBlank()) {
                    throw new InvalidInputException("reason", "volunteers.error.reason");
                }
            }
        }
        Instant now = Instant.now(clock);
        int rows = jdbc.sql("update volunteers_check_in set checked_out_at = :at, out_key = :k where id = :id "
                + "and checked_out_at is null").param("at", Timestamp.from(now)).param("k", method.name())
                .param("id", checkInId).update();
        CheckIn out = checkIn(checkInId);
        if (rows > 0) {
            audit.updated("volunteers-check-in", Long.toString(checkInId), in, out);
            hours.recomputeDay(in.volunteerId(), in.activityId(), in.serviceDate(), actor.username());
        }
        return out;
    }

    // ---- reading

    public CheckIn checkIn(long id) {
        return jdbc.sql("select * from volunteers_check_in where id = :id").param("id", id).query(CheckIns::checkIn)
                .optional().orElseThrow(() -> new NotFoundException("volunteers.error.check-in-not-found", id));
    }

    /** The volunteer's open sign-in at an activity today, if any. */
    public Optional<CheckIn> open(long activityId, long volunteerId) {
        return jdbc.sql("select * from volunteers_check_in where activity_id = :a and volunteer_id = :v and "
                + "checked_out_at is null order by id desc").param("a", activityId).param("v", volunteerId)
                .query(CheckIns::checkIn).list().stream().findFirst();
    }

    /** Who is in: an activity's roster with each member's sign-ins today (captains of the team and officials). */
    public record RosterLine(long volunteerId, String name, String idMasked, @Nullable Instant in, @Nullable Instant out) {
    }

    public List<RosterLine> roster(long activityId) {
        Activity a = activities.activity(activityId);
        Actor actor = accounts.current();
        if (!Volunteers.official(actor) && !volunteers.leads(actor, a.teamId())) {
            audit.denied("volunteers-activity", Long.toString(activityId), "roster of a team the caller does not lead");
            throw new AccessDeniedException("error.access-denied");
        }
        return jdbc.sql("""
                select v.id, v.name, v.id_masked,
                  (select max(c.checked_in_at) from volunteers_check_in c where c.activity_id = :a and c.volunteer_id = v.id
                     and c.service_date = :d) as last_in,
                  (select max(c.checked_out_at) from volunteers_check_in c where c.activity_id = :a and c.volunteer_id = v.id
                     and c.service_date = :d) as last_out
                from volunteers_volunteer v
                where v.id in (select m.volunteer_id from volunteers_membership m where m.team_id = :t)
                   or v.id in (select c.volunteer_id from volunteers_check_in c where c.activity_id = :a and c.service_date = :d)
                order by last_in desc nulls last, v.name""")
                .param("a", activityId).param("t", a.teamId()).param("d", volunteers.today())
                .query((rs, n) -> new RosterLine(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                        instant(rs, 5)))
                .list();
    }

    /** Who signs in: the caller's own record, or (captains of the team, officials of its town) the given volunteer. */
    private long whoChecksIn(Actor actor, Activity activity, Request r, CheckInMethod method) {
        return whoChecksIn(actor, activity, r, method, false);
    }

    long whoChecksIn(Actor actor, Activity activity, Request r, CheckInMethod method, boolean backfill) {
        Long asked = r.volunteerId();
        // the office names the volunteer: its own record (if any) does not change the answer, so it is not read
        Optional<Long> own = asked != null && actor.isAdmin() ? Optional.empty() : volunteers.ownId(actor);
        boolean forOther = asked != null && !asked.equals(own.orElse(null));
        if (method == CheckInMethod.MANUAL && !backfill && !leads(actor, activity)) {
            audit.denied("volunteers-check-in", Long.toString(activity.id()), "manual entry by someone not leading the team");
            throw new AccessDeniedException("error.access-denied");
        }
        if (forOther) {
            if (!leads(actor, activity)) {
                audit.denied("volunteers-check-in", Long.toString(activity.id()), "sign-in for someone else");
                throw new AccessDeniedException("error.access-denied");
            }
            return asked;
        }
        return own.orElseThrow(() -> new InvalidInputException("volunteerId", "volunteers.error.volunteer-missing"));
    }

    /** The office, a captain of the activity's team, or its town's staff (read only when a request needs it). */
    private boolean leads(Actor actor, Activity activity) {
        return actor.isAdmin() || volunteers.leads(actor, activity.teamId())
                || volunteers.actsForTown(actor, teams.team(activity.teamId()).town());
    }

    private static String requireKey(Request r) {
        if (r.key() == null || r.key().isBlank()) {
            throw new InvalidInputException("key", "volunteers.error.key");
        }
        return r.key().trim();
    }

    private static void requireInside(Activity a, Request r) {
        if (!a.geofenced()) {
            throw new InvalidInputException("latitude", "volunteers.error.no-geofence");
        }
        if (r.latitude() == null || r.longitude() == null) {
            throw new InvalidInputException("latitude", "volunteers.error.position");
        }
        double d = distanceM(a.latitude().doubleValue(), a.longitude().doubleValue(), r.latitude().doubleValue(),
                r.longitude().doubleValue());
        if (d > a.radiusM()) {
            throw new InvalidInputException("latitude", "volunteers.error.outside-geofence", Math.round(d), a.radiusM());
        }
    }

    static double distanceM(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2 - lng1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
    }

    private static @Nullable Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    static CheckIn checkIn(ResultSet rs, int n) throws SQLException {
        return new CheckIn(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("volunteer_id"),
                rs.getObject("service_date", LocalDate.class), rs.getInt("daily_index"),
                CheckInMethod.valueOf(rs.getString("method")), rs.getTimestamp("checked_in_at").toInstant(),
                instant(rs, rs.findColumn("checked_out_at")), rs.getString("reason"), rs.getString("recorded_by"));
    }

}
