package org.gongjian.volunteers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Permissions;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hours ledger, append-only: a day's hours per volunteer and activity from its sessions (clipped to the
 * activity's window, capped by the policy), back-filled days and corrections, each a new entry that supersedes
 * the one before. The day's approval tier (automatic, the team's organisation, the city office) follows the
 * policy; approvals and refusals are new entries too.
 */
@Service
@Transactional(readOnly = true)
public class HoursLedger {

    static final String CHECK_IN = "CHECK_IN";
    static final String BACKFILL = "BACKFILL";
    static final String CORRECTION = "CORRECTION";

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final Teams teams;
    private final Activities activities;
    private final Accounts accounts;
    private final AuditLog audit;
    private final VolunteerFeed feed;
    private final Clock clock;

    HoursLedger(JdbcClient jdbc, Volunteers volunteers, Teams teams, Activities activities, Accounts accounts,
            AuditLog audit, VolunteerFeed feed, Clock clock) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.teams = teams;
        this.activities = activities;
        this.accounts = accounts;
        this.audit = audit;
        this.feed = feed;
        this.clock = clock;
    }

    /** The day's minutes from its sessions, clipped to the activity's window and capped, as a new ledger entry. */
    void recomputeDay(long volunteerId, long activityId, LocalDate day, String by) {
        Activity activity = activities.activity(activityId);
        Policy policy = volunteers.policy(day);
        List<CheckIn> sessions = jdbc.sql("select * from volunteers_check_in where activity_id = :a and volunteer_id = :v "
                + "and service_date = :d and checked_out_at is not null").param("a", activityId).param("v", volunteerId)
                .param("d", day).query(CheckIns::checkIn).list();
        long minutes = 0;
        for (CheckIn s : sessions) {
            Instant from = s.checkedInAt().isBefore(activity.startsAt()) ? activity.startsAt() : s.checkedInAt();
            Instant to = s.checkedOutAt().isAfter(activity.endsAt()) ? activity.endsAt() : s.checkedOutAt();
            if (to.isAfter(from)) {
                minutes += Duration.between(from, to).toMinutes();
            }
        }
        int capped = (int) Math.min(minutes, policy.dailyCapMinutes());
        Optional<HoursEntry> current = currentEntries(volunteerId).stream()
                .filter(e -> e.activityId() == activityId && e.serviceDate().equals(day) && CHECK_IN.equals(e.source()))
                .findFirst();
        if (current.isPresent() && current.get().minutes() == capped) {
            return;
        }
        append(volunteerId, activityId, day, capped, CHECK_IN, current.map(HoursEntry::id).orElse(null),
                minutes > capped ? "capped at " + policy.dailyCapHours() + " h" : null, by, false, policy);
    }

    long append(long volunteerId, long activityId, LocalDate day, int minutes, String source, @Nullable Long supersedes,
            @Nullable String note, String by, boolean demo, Policy policy) {
        HoursTier tier = policy.tier(minutes);
        HoursStatus status = switch (tier) {
            case AUTO -> HoursStatus.EFFECTIVE;
            case ORG -> HoursStatus.PENDING_ORG;
            case CITY -> HoursStatus.PENDING_CITY;
        };
        return append(volunteerId, activityId, day, minutes, source, tier, status, supersedes, note, by, demo);
    }

    private long append(long volunteerId, long activityId, LocalDate day, int minutes, String source, HoursTier tier,
            HoursStatus status, @Nullable Long supersedes, @Nullable String note, String by, boolean demo) {
        try {
            long id = Volunteers.key(jdbc.sql("""
                    insert into volunteers_hours (volunteer_id, activity_id, service_date, minutes, source, tier, status,
                        supersedes_id, note, recorded_by, recorded_at, demo)
                    values (:v, :a, :d, :m, :s, :tier, :status, :sup, :note, :by, :at, :demo)""")
                    .param("v", volunteerId).param("a", activityId).param("d", day).param("m", minutes).param("s", source)
                    .param("tier", tier.name()).param("status", status.name()).param("sup", supersedes).param("note", note)
                    .param("by", by).param("at", Timestamp.from(Instant.now(clock))).param("demo", demo));
            if (!demo) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("volunteer", volunteerId);
                after.put("activity", activityId);
                after.put("day", day.toString());
                after.put("minutes", minutes);
                after.put("status", status.name());
                after.put("supersedes", supersedes);
                audit.created("volunteers-hours", Long.toString(id), after);
            }
            feed.changed();
            return id;
        } catch (DuplicateKeyException e) {
            throw new ConflictException("volunteers.error.superseded");
        }
    }

    /** The current entries of a volunteer's hours ledger (those nobody supersedes). */
    public List<HoursEntry> currentEntries(long volunteerId) {
        return jdbc.sql("""
                select h.* from volunteers_hours h left join volunteers_hours s on s.supersedes_id = h.id
                where h.volunteer_id = :v and s.id is null
                order by h.service_date desc, h.id desc""").param("v", volunteerId).query(HoursLedger::entry).list();
    }

    /** A volunteer's whole ledger, superseded entries included (within the caller's scope). */
    public List<HoursEntry> ledger(long volunteerId) {
        volunteers.volunteer(volunteerId);
        return jdbc.sql("select * from volunteers_hours where volunteer_id = :v order by id").param("v", volunteerId)
                .query(HoursLedger::entry).list();
    }

    /** Effective hours of a volunteer. */
    public BigDecimal hours(long volunteerId) {
        Long minutes = jdbc.sql("""
                select coalesce(sum(h.minutes), 0) from volunteers_hours h left join volunteers_hours s on s.supersedes_id = h.id
                where h.volunteer_id = :v and h.status = 'EFFECTIVE' and s.id is null""")
                .param("v", volunteerId).query(Long.class).single();
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /**
     * Approves or refuses a pending day: the team's organisation (unit staff of the team's town) up to the org
     * tier, the city office above it. The decision is a new entry superseding the pending one.
     */
    @Transactional
    public HoursEntry decide(long entryId, boolean approve, @Nullable String note) {
        HoursEntry e = entry(entryId);
        Actor actor = accounts.current();
        Team team = teams.team(activities.activity(e.activityId()).teamId());
        boolean allowed = actor.can(Permissions.VOLUNTEERS_HOURS_APPROVE) && (actor.isAdmin()
                || (e.status() == HoursStatus.PENDING_ORG && volunteers.actsForTown(actor, team.town())));
        if (!allowed) {
            audit.denied("volunteers-hours", Long.toString(entryId), "approval tier " + e.tier() + " not the caller's");
            throw new AccessDeniedException("error.access-denied");
        }
        if (e.status() != HoursStatus.PENDING_ORG && e.status() != HoursStatus.PENDING_CITY) {
            throw new ConflictException("volunteers.error.not-pending");
        }
        long id = append(e.volunteerId(), e.activityId(), e.serviceDate(), e.minutes(), e.source(), e.tier(),
                approve ? HoursStatus.EFFECTIVE : HoursStatus.REJECTED, e.id(), Volunteers.blankToNull(note),
                actor.username(), false);
        return entry(id);
    }

    /** Corrects a day's minutes (the office or the team's town): a new entry supersedes the current one. */
    @Transactional
    public HoursEntry correct(long entryId, int minutes, String note) {
        HoursEntry e = entry(entryId);
        Actor actor = accounts.current();
        Team team = teams.team(activities.activity(e.activityId()).teamId());
        if (!actor.can(Permissions.VOLUNTEERS_HOURS_APPROVE) || !volunteers.actsForTown(actor, team.town())) {
            audit.denied("volunteers-hours", Long.toString(entryId), "correction outside the caller's town");
            throw new AccessDeniedException("error.access-denied");
        }
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "volunteers.error.reason");
        }
        Policy policy = volunteers.policy(e.serviceDate());
        if (minutes < 0 || minutes > policy.dailyCapMinutes()) {
            throw new InvalidInputException("minutes", "volunteers.error.minutes", policy.dailyCapHours());
        }
        return entry(append(e.volunteerId(), e.activityId(), e.serviceDate(), minutes, CORRECTION, e.id(), note.trim(),
                actor.username(), false, policy));
    }

    HoursEntry entry(long id) {
        return jdbc.sql("select * from volunteers_hours where id = :id").param("id", id).query(HoursLedger::entry).optional()
                .orElseThrow(() -> new NotFoundException("volunteers.error.hours-not-found", id));
    }

    static HoursEntry entry(ResultSet rs, int n) throws SQLException {
        Object sup = rs.getObject("supersedes_id");
        return new HoursEntry(rs.getLong("id"), rs.getLong("volunteer_id"), rs.getLong("activity_id"),
                rs.getObject("service_date", LocalDate.class), rs.getInt("minutes"), rs.getString("source"),
                HoursTier.valueOf(rs.getString("tier")), HoursStatus.valueOf(rs.getString("status")),
                sup == null ? null : ((Number) sup).longValue(), rs.getString("note"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
