package org.gongjian.roads;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongjian.audit.AuditLog;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.roads.RoadChiefs.Chief;
import org.gongjian.roads.RoadRegister.Segment;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.LedgerItemCleared;
import org.gongjian.shared.LedgerItemOverdue;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defects on the roads, closed in a loop: 巡查→上报→派发→处置→验收销号. A report is accepted (or rejected,
 * or marked a duplicate) by the road office, which sets the deadline from the severity in working days,
 * assigns it to a town or unit, which works on it and reports it rectified with after-photos; the
 * office verifies (or sends it back: 返工) and closes it. An overdue defect is escalated to the next chief
 * up and reported once as {@link LedgerItemOverdue}; its closure as {@link LedgerItemCleared}.
 */
@Service
@Transactional(readOnly = true)
public class RoadIssues {

    static final String LEDGER = "roads";

    public enum Source { PATROL, PUBLIC, HOTLINE_12345, INSPECTION }

    public enum Category { PAVEMENT_DEFECT, ROADBED, BRIDGE_CULVERT, SAFETY_FACILITY, ROADSIDE_ENV, OVERLOAD, OTHER }

    public record Issue(long id, Source source, Category category, Severity severity, IssueStatus status,
            @Nullable Long segmentId, @Nullable BigDecimal stakeKm, @Nullable BigDecimal lat, @Nullable BigDecimal lng,
            @Nullable String townCode, String description, String reporter, @Nullable Long patrolId,
            @Nullable Long duplicateOf, @Nullable String assignedUnit, Instant reportedAt, @Nullable LocalDate acceptedOn,
            @Nullable LocalDate dueOn, @Nullable LocalDate closedOn, int escalationLevel, @Nullable Long escalatedChiefId,
            @Nullable LocalDate overduePublishedOn, boolean demo, int version) {

        /** Days left to the deadline (negative when overdue), or null without a running deadline. */
        public @Nullable Long daysLeft(LocalDate today) {
            return dueOn == null || !status.open() ? null : java.time.temporal.ChronoUnit.DAYS.between(today, dueOn);
        }

        public boolean overdue(LocalDate today) {
            return dueOn != null && status.open() && dueOn.isBefore(today);
        }

        public String key() {
            return "defect:" + id;
        }
    }

    public record NewIssue(@Nullable Source source, @Nullable Category category, @Nullable Severity severity,
            @Nullable Long segmentId, @Nullable BigDecimal stakeKm, @Nullable BigDecimal lat, @Nullable BigDecimal lng,
            @Nullable String description, @Nullable Long patrolId) {
    }

    public record Event(@Nullable IssueStatus from, IssueStatus to, Instant at, String by, @Nullable String note) {
        /** The time as the city reads it. */
        public String when() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Patrols.CITY).format(at);
        }
    }

    /** Published when defects changed, so that the indicators are recomputed. */
    public record IssuesChanged(long issueId) {
    }

    private final JdbcClient jdbc;
    private final RoadRegister register;
    private final RoadChiefs chiefs;
    private final RoadPolicies policies;
    private final RoadPhotos photos;
    private final RoadAccess access;
    private final WorkCalendar calendar;
    private final Organisation organisation;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoadIssues(JdbcClient jdbc, RoadRegister register, RoadChiefs chiefs, RoadPolicies policies, RoadPhotos photos,
            RoadAccess access, WorkCalendar calendar, Organisation organisation, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.chiefs = chiefs;
        this.policies = policies;
        this.photos = photos;
        this.access = access;
        this.calendar = calendar;
        this.organisation = organisation;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A report by a chief, road staff or the office; a field user reports only on their own roads. */
    @Transactional
    public Issue report(NewIssue d, List<PhotoUpload> before, boolean demo) {
        Actor actor = access.actor();
        List<Violation> v = new ArrayList<>();
        if (d.category() == null) {
            v.add(new Violation("category", "roads.error.required"));
        }
        if (d.severity() == null) {
            v.add(new Violation("severity", "roads.error.required"));
        }
        if (d.description() == null || d.description().isBlank() || d.description().length() > 2000) {
            v.add(new Violation("description", "roads.error.description"));
        }
        if (d.segmentId() == null) {
            v.add(new Violation("segmentId", "roads.error.required"));
        }
        v.addAll(positionViolations(d.lat(), d.lng(), false));
        v.addAll(photos.check("photos", before, false));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        Segment segment = register.segment(d.segmentId());
        access.requireSegment(segment.id());
        checkStake(segment, d.stakeKm());
        Source source = d.source() == null ? (access.field(actor) ? Source.PATROL : Source.INSPECTION) : d.source();
        if (d.patrolId() != null) {
            String owner = jdbc.sql("select username from roads_patrol where id = :id").param("id", d.patrolId())
                    .query(String.class).optional().orElseThrow(() -> new NotFoundException("roads.error.patrol-not-found", d.patrolId()));
            if (!owner.equals(actor.username())) {
                throw new AccessDeniedException("error.access-denied");
            }
        }
        long id = insert(source, d.category(), d.severity(), segment.id(), d.stakeKm(), d.lat(), d.lng(), segment.townCode(),
                d.description().trim(), actor.username(), null, d.patrolId(), demo);
        photos.store(RoadPhotos.Owner.ISSUE_BEFORE, id, "photos", before, actor.username());
        event(id, null, IssueStatus.REPORTED, actor.username(), null);
        Issue issue = load(id);
        audit.created("roads-issue", String.valueOf(id), issue);
        events.publishEvent(new IssuesChanged(id));
        return issue;
    }

    /**
     * A report by the public (no login): a photo and a position are required; it waits for the road office
     * to accept it. The caller has checked the rate limit.
     */
    @Transactional
    public Issue reportPublic(@Nullable Category category, @Nullable String description, @Nullable BigDecimal lat,
            @Nullable BigDecimal lng, @Nullable String contact, List<PhotoUpload> photoUploads) {
        List<Violation> v = new ArrayList<>();
        if (description == null || description.isBlank() || description.length() > 2000) {
            v.add(new Violation("description", "roads.error.description"));
        }
        if (contact != null && contact.length() > 100) {
            v.add(new Violation("contact", "roads.error.contact"));
        }
        v.addAll(positionViolations(lat, lng, true));
        v.addAll(photos.check("photos", photoUploads, true));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        long id = insert(Source.PUBLIC, category == null ? Category.OTHER : category, Severity.GENERAL, null, null, lat, lng,
                null, description.trim(), "public", contact == null || contact.isBlank() ? null : contact.trim(), null, false);
        photos.store(RoadPhotos.Owner.ISSUE_BEFORE, id, "photos", photoUploads, "public");
        event(id, null, IssueStatus.REPORTED, "public", null);
        Issue issue = load(id);
        audit.created("roads-issue", String.valueOf(id), issue);
        events.publishEvent(new IssuesChanged(id));
        return issue;
    }

    /** The office accepts a report, placing it on a segment, and the deadline starts: severity's working days. */
    @Transactional
    public Issue accept(long id, @Nullable Long segmentId, @Nullable BigDecimal stakeKm, @Nullable Severity severity,
            @Nullable Category category, @Nullable String note) {
        Issue before = issue(id);
        office(before);
        expect(before, IssueStatus.ACCEPTED);
        Long seg = segmentId != null ? segmentId : before.segmentId();
        if (seg == null) {
            throw new InvalidInputException("segmentId", "roads.error.required");
        }
        Segment segment = register.segment(seg);
        BigDecimal stake = stakeKm != null ? stakeKm : before.stakeKm();
        checkStake(segment, stake);
        Severity sev = severity != null ? severity : before.severity();
        LocalDate today = LocalDate.now(clock);
        LocalDate due = calendar.plusWorkingDays(today, policies.deadlineDays(sev, today));
        update(before, "status = 'ACCEPTED', segment_id = :seg, stake_km = :stake, severity = :sev, category = :cat,"
                + " town_code = :town, accepted_on = :today, due_on = :due", Map.of("seg", seg, "stake", stake == null ? segment.startKm() : stake,
                "sev", sev.name(), "cat", (category != null ? category : before.category()).name(),
                "town", segment.townCode(), "today", today, "due", due));
        return moved(before, IssueStatus.ACCEPTED, note);
    }

    @Transactional
    public Issue reject(long id, @Nullable String note) {
        Issue before = issue(id);
        office(before);
        expect(before, IssueStatus.REJECTED);
        requireNote(note);
        update(before, "status = 'REJECTED', closed_on = :today", Map.of("today", LocalDate.now(clock)));
        return moved(before, IssueStatus.REJECTED, note);
    }

    @Transactional
    public Issue duplicate(long id, long of, @Nullable String note) {
        Issue before = issue(id);
        office(before);
        expect(before, IssueStatus.DUPLICATE);
        if (of == id) {
            throw new InvalidInputException("duplicateOf", "roads.error.duplicate-self");
        }
        issue(of);
        update(before, "status = 'DUPLICATE', duplicate_of = :of, closed_on = :today", Map.of("of", of, "today", LocalDate.now(clock)));
        return moved(before, IssueStatus.DUPLICATE, note);
    }

    /** The office assigns the work to a town or unit (by its organisation code). */
    @Transactional
    public Issue assign(long id, String unitCode, @Nullable String note) {
        Issue before = issue(id);
        office(before);
        expect(before, IssueStatus.ASSIGNED);
        if (unitCode == null || organisation.findByCode(unitCode).isEmpty()) {
            throw new InvalidInputException("unitCode", "roads.error.town", unitCode);
        }
        update(before, "status = 'ASSIGNED', assigned_unit = :u", Map.of("u", unitCode));
        return moved(before, IssueStatus.ASSIGNED, note);
    }

    /** The assigned unit (or the office) starts work. */
    @Transactional
    public Issue start(long id, @Nullable String note) {
        Issue before = issue(id);
        worker(before);
        expect(before, IssueStatus.IN_PROGRESS);
        update(before, "status = 'IN_PROGRESS'", Map.of());
        return moved(before, IssueStatus.IN_PROGRESS, note);
    }

    /** The assigned unit reports the defect fixed; after-photos are required. */
    @Transactional
    public Issue rectify(long id, @Nullable String note, List<PhotoUpload> after) {
        Issue before = issue(id);
        worker(before);
        expect(before, IssueStatus.RECTIFIED);
        List<Violation> v = photos.check("afterPhotos", after, true);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        update(before, "status = 'RECTIFIED'", Map.of());
        photos.store(RoadPhotos.Owner.ISSUE_AFTER, id, "afterPhotos", after, access.actor().username());
        return moved(before, IssueStatus.RECTIFIED, note);
    }

    /** The office checks the repair on site (验收). */
    @Transactional
    public Issue verify(long id, @Nullable String note) {
        Issue before = issue(id);
        office(before);
        expect(before, IssueStatus.VERIFIED);
        update(before, "status = 'VERIFIED'", Map.of());
        return moved(before, IssueStatus.VERIFIED, note);
    }

    /** The office sends a repair back (返工): work again, the deadline unchanged. */
    @Transactional
    public Issue rework(long id, @Nullable String note) {
        Issue before = issue(id);
        office(before);
        expect(before, IssueStatus.IN_PROGRESS);
        requireNote(note);
        update(before, "status = 'IN_PROGRESS'", Map.of());
        return moved(before, IssueStatus.IN_PROGRESS, note);
    }

    /** The office closes a verified defect (销号); if it had been reported overdue, that is cleared. */
    @Transactional
    public Issue close(long id, @Nullable String note) {
        Issue before = issue(id);
        office(before);
        expect(before, IssueStatus.CLOSED);
        LocalDate today = LocalDate.now(clock);
        update(before, "status = 'CLOSED', closed_on = :today", Map.of("today", today));
        Issue closed = moved(before, IssueStatus.CLOSED, note);
        if (closed.overduePublishedOn() != null) {
            events.publishEvent(new LedgerItemCleared(LEDGER, closed.key(), today, "已验收销号"));
        }
        return closed;
    }

    /**
     * Daily: every defect whose deadline passed while the work is owed is escalated to the next chief up
     * from the segment's chief and reported overdue, once (remembered in {@code overdue_published_on}).
     * Answers how many were reported.
     */
    @Transactional
    public int sweep(LocalDate today) {
        List<Issue> late = jdbc.sql("""
                select * from roads_issue where status in ('ACCEPTED', 'ASSIGNED', 'IN_PROGRESS')
                   and due_on < :today and overdue_published_on is null order by id""")
                .param("today", today).query(RoadIssues::map).list();
        for (Issue issue : late) {
            Segment segment = issue.segmentId() == null ? null : register.segment(issue.segmentId());
            Chief own = segment == null ? null : chiefs.chiefAt(segment, issue.stakeKm(), today);
            Long up = own == null ? null : own.superiorId();
            int n = jdbc.sql("""
                    update roads_issue set overdue_published_on = :today, escalation_level = escalation_level + 1,
                        escalated_chief_id = :up, version = version + 1
                     where id = :id and overdue_published_on is null""")
                    .param("today", today).param("up", up).param("id", issue.id()).update();
            if (n == 0) {
                continue;
            }
            String unit = issue.assignedUnit() != null ? issue.assignedUnit()
                    : issue.townCode() != null ? issue.townCode() : access.officeUnits().get(0);
            String where = segment == null ? "" : segment.routeCode() + " " + segment.routeName() + " ";
            String title = "农村公路问题逾期未处置：" + where + abbreviate(issue.description());
            events.publishEvent(new LedgerItemOverdue(LEDGER, issue.key(), unit, title, issue.dueOn(),
                    "/roads/issues/" + issue.id()));
            audit.updated("roads-issue", String.valueOf(issue.id()), "overdue, escalated", issue, load(issue.id()));
        }
        return late.size();
    }

    public Issue issue(long id) {
        Issue issue = jdbc.sql("select * from roads_issue where id = :id").param("id", id).query(RoadIssues::map).optional()
                .orElseThrow(() -> new NotFoundException("roads.error.issue-not-found", id));
        if (!visible(access.actor(), issue)) {
            audit.denied("roads-issue", String.valueOf(id), "not in the user's scope");
            throw new AccessDeniedException("error.access-denied");
        }
        return issue;
    }

    /** The defects the current user may see, newest first. */
    public List<Issue> issues(@Nullable IssueStatus status) {
        Actor actor = access.actor();
        return jdbc.sql("select * from roads_issue order by reported_at desc, id desc").query(RoadIssues::map).list()
                .stream().filter(i -> status == null || i.status() == status).filter(i -> visible(actor, i)).toList();
    }

    public List<Event> events(long id) {
        issue(id);
        return jdbc.sql("select * from roads_issue_event where issue_id = :id order by id").param("id", id)
                .query((rs, n) -> new Event(rs.getString("from_status") == null ? null : IssueStatus.valueOf(rs.getString("from_status")),
                        IssueStatus.valueOf(rs.getString("to_status")), rs.getTimestamp("at").toInstant(),
                        rs.getString("by_user"), rs.getString("note")))
                .list();
    }

    List<RoadPhotos.Photo> photos(long id, boolean after) {
        issue(id);
        return photos.of(after ? RoadPhotos.Owner.ISSUE_AFTER : RoadPhotos.Owner.ISSUE_BEFORE, id);
    }

    /** A stored photo as listed on a page. */
    public record PhotoRef(long id, String fileName) {
    }

    /** A stored photo's bytes and type. */
    public record PhotoFile(String contentType, org.springframework.core.io.Resource content) {
    }

    /** The before (or after) photos of a defect the current user may see. */
    public List<PhotoRef> photoRefs(long issueId, boolean after) {
        return photos(issueId, after).stream().map(p -> new PhotoRef(p.id(), p.fileName())).toList();
    }

    /** A photo of a defect (or a patrol) the current user may see. */
    public PhotoFile photoFile(long photoId) {
        RoadPhotos.Photo p = photos.photo(photoId);
        if (p.owner() == RoadPhotos.Owner.PATROL) {
            String owner = jdbc.sql("select username from roads_patrol where id = :id").param("id", p.ownerId())
                    .query(String.class).single();
            Actor actor = access.actor();
            if (access.field(actor) && !owner.equals(actor.username())) {
                throw new AccessDeniedException("error.access-denied");
            }
        } else {
            issue(p.ownerId());
        }
        return new PhotoFile(p.contentType(), photos.open(photoId));
    }

    /** Whether the current user may act on the defect as the road office, or as the unit doing the work. */
    public boolean mayHandle(Issue issue) {
        Actor actor = access.actor();
        if (access.office(actor)) {
            return true;
        }
        String town = access.townOf(actor);
        return town != null && town.equals(issue.assignedUnit());
    }

    private boolean visible(Actor actor, Issue issue) {
        if (access.office(actor) || (!access.field(actor) && access.townOf(actor) == null)) {
            return true;
        }
        String town = access.townOf(actor);
        if (town != null) {
            return town.equals(issue.townCode()) || town.equals(issue.assignedUnit());
        }
        Set<Long> scope = access.segmentScope(actor);
        return actor.username().equals(issue.reporter()) || (scope != null && issue.segmentId() != null
                && scope.contains(issue.segmentId()));
    }

    private void office(Issue issue) {
        if (!access.office(access.actor())) {
            audit.denied("roads-issue", String.valueOf(issue.id()), "only the road office");
            throw new AccessDeniedException("error.access-denied");
        }
    }

    private void worker(Issue issue) {
        if (!mayHandle(issue)) {
            audit.denied("roads-issue", String.valueOf(issue.id()), "not the assigned unit");
            throw new AccessDeniedException("error.access-denied");
        }
    }

    private static void expect(Issue issue, IssueStatus to) {
        if (!issue.status().next().contains(to)) {
            throw new ConflictException("roads.error.transition", issue.status(), to);
        }
    }

    private static void requireNote(@Nullable String note) {
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "roads.error.note-required");
        }
    }

    private void checkStake(Segment segment, @Nullable BigDecimal stake) {
        if (stake != null && (stake.compareTo(segment.startKm()) < 0 || stake.compareTo(segment.endKm()) > 0)) {
            throw new InvalidInputException("stakeKm", "roads.error.stake-outside", segment.stakes());
        }
    }

    private static List<Violation> positionViolations(@Nullable BigDecimal lat, @Nullable BigDecimal lng, boolean required) {
        List<Violation> v = new ArrayList<>();
        if (lat == null || lng == null) {
            if (required || lat != null || lng != null) {
                v.add(new Violation("position", "roads.error.position-required"));
            }
            return v;
        }
        if (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0 || lng.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            v.add(new Violation("position", "roads.error.position"));
        }
        return v;
    }

    private long insert(Source source, Category category, Severity severity, @Nullable Long segmentId,
            @Nullable BigDecimal stake, @Nullable BigDecimal lat, @Nullable BigDecimal lng, @Nullable String town,
            String description, String reporter, @Nullable String contact, @Nullable Long patrolId, boolean demo) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_issue (source, category, severity, status, segment_id, stake_km, lat, lng, town_code,
                    description, reporter, reporter_contact, patrol_id, reported_at, demo)
                values (:src, :cat, :sev, 'REPORTED', :seg, :stake, :lat, :lng, :town, :d, :rep, :contact, :patrol, :at, :demo)""")
                .param("src", source.name()).param("cat", category.name()).param("sev", severity.name())
                .param("seg", segmentId).param("stake", stake).param("lat", scale6(lat)).param("lng", scale6(lng))
                .param("town", town).param("d", description).param("rep", reporter).param("contact", contact)
                .param("patrol", patrolId).param("at", Timestamp.from(Instant.now(clock))).param("demo", demo)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private void update(Issue before, String set, Map<String, Object> params) {
        var spec = jdbc.sql("update roads_issue set " + set + ", version = version + 1 where id = :id and version = :ver")
                .param("id", before.id()).param("ver", before.version());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        if (spec.update() == 0) {
            throw new ConflictException("error.stale", before.id());
        }
    }

    private Issue moved(Issue before, IssueStatus to, @Nullable String note) {
        String by = access.actor().username();
        event(before.id(), before.status(), to, by, note);
        Issue after = load(before.id());
        audit.updated("roads-issue", String.valueOf(before.id()), before.status() + " → " + to, before, after);
        events.publishEvent(new IssuesChanged(before.id()));
        return after;
    }

    private void event(long id, @Nullable IssueStatus from, IssueStatus to, String by, @Nullable String note) {
        jdbc.sql("""
                insert into roads_issue_event (issue_id, from_status, to_status, at, by_user, note)
                values (:id, :f, :t, :at, :by, :n)""")
                .param("id", id).param("f", from == null ? null : from.name()).param("t", to.name())
                .param("at", Timestamp.from(Instant.now(clock))).param("by", by)
                .param("n", note == null || note.isBlank() ? null : note.trim()).update();
    }

    Issue load(long id) {
        return jdbc.sql("select * from roads_issue where id = :id").param("id", id).query(RoadIssues::map).single();
    }

    /** All defects, unscoped, for the indicators. */
    List<Issue> all() {
        return jdbc.sql("select * from roads_issue order by id").query(RoadIssues::map).list();
    }

    private static @Nullable BigDecimal scale6(@Nullable BigDecimal v) {
        return v == null ? null : v.setScale(6, java.math.RoundingMode.HALF_UP);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static Issue map(ResultSet rs, int n) throws SQLException {
        return new Issue(rs.getLong("id"), Source.valueOf(rs.getString("source")), Category.valueOf(rs.getString("category")),
                Severity.valueOf(rs.getString("severity")), IssueStatus.valueOf(rs.getString("status")),
                rs.getObject("segment_id", Long.class), rs.getBigDecimal("stake_km"), rs.getBigDecimal("lat"),
                rs.getBigDecimal("lng"), rs.getString("town_code"), rs.getString("description"), rs.getString("reporter"),
                rs.getObject("patrol_id", Long.class), rs.getObject("duplicate_of", Long.class), rs.getString("assigned_unit"),
                rs.getTimestamp("reported_at").toInstant(), rs.getObject("accepted_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                rs.getInt("escalation_level"), rs.getObject("escalated_chief_id", Long.class),
                rs.getObject("overdue_published_on", LocalDate.class), rs.getBoolean("demo"), rs.getInt("version"));
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
