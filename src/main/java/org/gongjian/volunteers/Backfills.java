package org.gongjian.volunteers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Permissions;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Back-fill (补录): hours not recorded at the time, asked for with a reason and evidence by the volunteer or a
 * captain of the team, and reviewed by the staff of the team's town or the office; an approved request enters
 * the hours ledger by the policy's approval tier.
 */
@Service
@Transactional(readOnly = true)
public class Backfills {

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final Teams teams;
    private final Activities activities;
    private final CheckIns checkIns;
    private final HoursLedger hours;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    Backfills(JdbcClient jdbc, Volunteers volunteers, Teams teams, Activities activities, CheckIns checkIns,
            HoursLedger hours, Accounts accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.teams = teams;
        this.activities = activities;
        this.checkIns = checkIns;
        this.hours = hours;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A back-fill request as shown. */
    public record Backfill(long id, long volunteerId, long activityId, LocalDate serviceDate, int minutes, String reason,
            String evidence, String status, String requestedBy, @Nullable String reviewedBy, @Nullable Long hoursId) {
    }

    /** Asks for hours not recorded at the time, with evidence (the volunteer for themselves, or a captain). */
    @Transactional
    public Backfill requestBackfill(long volunteerId, long activityId, LocalDate day, int minutes, String reason,
            String evidence) {
        Actor actor = accounts.current();
        Activity activity = activities.activity(activityId);
        checkIns.whoChecksIn(actor, activity, new CheckIns.Request(volunteerId, null, null, null, "backfill", null),
                CheckInMethod.MANUAL, true);
        Policy policy = volunteers.policy(day);
        if (minutes <= 0 || minutes > policy.dailyCapMinutes()) {
            throw new InvalidInputException("minutes", "volunteers.error.minutes", policy.dailyCapHours());
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "volunteers.error.reason");
        }
        if (evidence == null || evidence.isBlank() || evidence.length() > 500) {
            throw new InvalidInputException("evidence", "volunteers.error.evidence");
        }
        LocalDate start = LocalDate.ofInstant(activity.startsAt(), Volunteers.CITY);
        LocalDate end = LocalDate.ofInstant(activity.endsAt(), Volunteers.CITY);
        if (day.isBefore(start) || day.isAfter(end) || day.isAfter(volunteers.today())) {
            throw new InvalidInputException("serviceDate", "volunteers.error.outside-window");
        }
        long id = Volunteers.key(jdbc.sql("""
                insert into volunteers_backfill (volunteer_id, activity_id, service_date, minutes, reason, evidence, status,
                    requested_by, requested_at) values (:v, :a, :d, :m, :r, :e, 'REQUESTED', :by, :at)""")
                .param("v", volunteerId).param("a", activityId).param("d", day).param("m", minutes)
                .param("r", reason.trim()).param("e", evidence.trim()).param("by", actor.username())
                .param("at", Timestamp.from(Instant.now(clock))));
        Backfill b = backfill(id);
        audit.created("volunteers-backfill", Long.toString(id), b);
        return b;
    }

    /** Reviews a back-fill (unit staff of the team's town, or the office); approved, it enters the ledger by tier. */
    @Transactional
    public Backfill reviewBackfill(long id, boolean approve) {
        Backfill b = backfill(id);
        Actor actor = accounts.current();
        Team team = teams.team(activities.activity(b.activityId()).teamId());
        if (!actor.can(Permissions.VOLUNTEERS_HOURS_APPROVE) || !volunteers.actsForTown(actor, team.town())) {
            audit.denied("volunteers-backfill", Long.toString(id), "review outside the caller's town");
            throw new AccessDeniedException("error.access-denied");
        }
        if (!"REQUESTED".equals(b.status())) {
            throw new ConflictException("volunteers.error.not-pending");
        }
        Long hoursId = approve ? hours.append(b.volunteerId(), b.activityId(), b.serviceDate(), b.minutes(),
                HoursLedger.BACKFILL, null, "补录 #" + id, actor.username(), false, volunteers.policy(b.serviceDate())) : null;
        int rows = jdbc.sql("update volunteers_backfill set status = :s, reviewed_by = :by, reviewed_at = :at, "
                + "hours_id = :h, version = version + 1 where id = :id and status = 'REQUESTED'")
                .param("s", approve ? "APPROVED" : "REJECTED").param("by", actor.username())
                .param("at", Timestamp.from(Instant.now(clock))).param("h", hoursId).param("id", id).update();
        if (rows == 0) {
            throw new ConflictException("volunteers.error.not-pending");
        }
        Backfill after = backfill(id);
        audit.updated("volunteers-backfill", Long.toString(id), b, after);
        return after;
    }

    public Backfill backfill(long id) {
        return jdbc.sql("select * from volunteers_backfill where id = :id").param("id", id)
                .query((rs, n) -> new Backfill(rs.getLong("id"), rs.getLong("volunteer_id"), rs.getLong("activity_id"),
                        rs.getObject("service_date", LocalDate.class), rs.getInt("minutes"), rs.getString("reason"),
                        rs.getString("evidence"), rs.getString("status"), rs.getString("requested_by"),
                        rs.getString("reviewed_by"), (Long) rs.getObject("hours_id", Long.class)))
                .optional().orElseThrow(() -> new NotFoundException("volunteers.error.backfill-not-found", id));
    }
}
