package org.gongjian.roads;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Actor;
import org.gongjian.roads.RoadChiefs.Chief;
import org.gongjian.roads.RoadPolicies.Period;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patrols from a phone: a chief or road staff member starts one, the page sends the browser's GPS
 * positions in batches while it runs, photos and defects found are added, and it ends with its length.
 * Patrol plans per chief level (policy data) say how many patrols a period needs; compliance is counted
 * per chief and period.
 */
@Service
@Transactional(readOnly = true)
public class Patrols {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    /** At most this many positions a patrol keeps; the page sends one every few seconds at most. */
    static final int MAX_POINTS = 20_000;

    public enum Status { OPEN, ENDED }

    public record Patrol(long id, String username, @Nullable Long chiefId, @Nullable Long staffId, Status status,
            Instant startedAt, @Nullable Instant endedAt, BigDecimal distanceM, int points, @Nullable String note,
            boolean demo) {

        public BigDecimal km() {
            return distanceM.divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_UP);
        }

        public String started() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CITY).format(startedAt);
        }
    }

    public record Point(Instant at, BigDecimal lat, BigDecimal lng, @Nullable BigDecimal accuracyM) {
    }

    /** A chief's patrols in a period against their plan. */
    public record Compliance(Chief chief, Period period, LocalDate from, LocalDate to, int required, int done) {
        public boolean compliant() {
            return done >= required;
        }
    }

    private final JdbcClient jdbc;
    private final RoadAccess access;
    private final RoadChiefs chiefs;
    private final RoadPolicies policies;
    private final RoadPhotos photos;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Patrols(JdbcClient jdbc, RoadAccess access, RoadChiefs chiefs, RoadPolicies policies, RoadPhotos photos,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.chiefs = chiefs;
        this.policies = policies;
        this.photos = photos;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a patrol for the current user (a chief or road staff); one open patrol at a time. */
    @Transactional
    public Patrol start() {
        Actor actor = access.actor();
        Long chief = access.chiefId(actor.username());
        Long staff = access.staffId(actor.username());
        if (chief == null && staff == null) {
            throw new InvalidInputException("patrol", "roads.error.not-field-user");
        }
        Patrol open = open(actor.username());
        if (open != null) {
            return open;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_patrol (username, chief_id, staff_id, status, started_at)
                values (:u, :c, :s, 'OPEN', :at)""")
                .param("u", actor.username()).param("c", chief).param("s", staff)
                .param("at", Timestamp.from(Instant.now(clock))).update(key, "id");
        Patrol p = patrol(key.getKeyAs(Number.class).longValue());
        audit.created("roads-patrol", String.valueOf(p.id()), p);
        return p;
    }

    /** Adds positions (in time order) to one's open patrol; answers the patrol with its running length. */
    @Transactional
    public Patrol track(long id, List<Point> points) {
        Patrol p = own(id);
        if (p.status() != Status.OPEN) {
            throw new ConflictException("roads.error.patrol-ended", id);
        }
        if (p.points() + points.size() > MAX_POINTS) {
            throw new InvalidInputException("points", "roads.error.too-many-points", MAX_POINTS);
        }
        Point last = jdbc.sql("select * from roads_patrol_point where patrol_id = :p order by seq desc limit 1")
                .param("p", id).query((rs, n) -> new Point(rs.getTimestamp("at").toInstant(), rs.getBigDecimal("lat"),
                        rs.getBigDecimal("lng"), rs.getBigDecimal("accuracy_m"))).optional().orElse(null);
        double added = 0;
        int seq = p.points();
        for (Point pt : points) {
            if (pt.lat() == null || pt.lng() == null || pt.lat().abs().doubleValue() > 90 || pt.lng().abs().doubleValue() > 180) {
                throw new InvalidInputException("points", "roads.error.position");
            }
            if (last != null) {
                added += metres(last, pt);
            }
            jdbc.sql("insert into roads_patrol_point (patrol_id, seq, at, lat, lng, accuracy_m) values (:p, :s, :at, :lat, :lng, :acc)")
                    .param("p", id).param("s", ++seq).param("at", Timestamp.from(pt.at() == null ? Instant.now(clock) : pt.at()))
                    .param("lat", pt.lat().setScale(6, RoundingMode.HALF_UP)).param("lng", pt.lng().setScale(6, RoundingMode.HALF_UP))
                    .param("acc", pt.accuracyM() == null ? null : pt.accuracyM().setScale(1, RoundingMode.HALF_UP)).update();
            last = pt;
        }
        jdbc.sql("update roads_patrol set points = :n, distance_m = distance_m + :d where id = :id")
                .param("n", seq).param("d", BigDecimal.valueOf(added).setScale(1, RoundingMode.HALF_UP)).param("id", id).update();
        return patrol(id);
    }

    /** A photo of a patrol as listed: name, real size, SHA-256 and when it came. */
    public record PatrolPhoto(long id, String fileName, long size, String sha256, Instant uploadedAt) {
    }

    /**
     * Adds photos to one's own patrol, while it runs or after it ended (a phone out of signal sends them later):
     * at least one, each a JPEG or PNG within the limit, all stored or none.
     */
    @Transactional
    public List<PatrolPhoto> addPhotos(long id, List<PhotoUpload> uploads) {
        Patrol p = own(id);
        List<InvalidInputException.Violation> v = photos.check("photos", uploads, true);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        List<PatrolPhoto> before = photos(id);
        photos.store(RoadPhotos.Owner.PATROL, id, "photos", uploads, p.username());
        List<PatrolPhoto> after = photos(id);
        audit.updated("roads-patrol", String.valueOf(id), "photos", before, after);
        return after;
    }

    /** The photos of a patrol the current user may see (their own, or any for the office and readers). */
    public List<PatrolPhoto> photos(long id) {
        visible(id);
        return photos.of(RoadPhotos.Owner.PATROL, id).stream()
                .map(f -> new PatrolPhoto(f.id(), f.fileName(), f.size(), f.sha256(), f.uploadedAt())).toList();
    }

    /** How many photos a request may carry. */
    public int maxPhotos() {
        return photos.maxFiles();
    }

    /** Ends one's open patrol. */
    @Transactional
    public Patrol end(long id, @Nullable String note) {
        Patrol before = own(id);
        if (before.status() != Status.OPEN) {
            throw new ConflictException("roads.error.patrol-ended", id);
        }
        jdbc.sql("update roads_patrol set status = 'ENDED', ended_at = :at, note = :n where id = :id")
                .param("at", Timestamp.from(Instant.now(clock))).param("n", note).param("id", id).update();
        Patrol after = patrol(id);
        audit.updated("roads-patrol", String.valueOf(id), before, after);
        events.publishEvent(new RoadIssues.IssuesChanged(0));
        return after;
    }

    public @Nullable Patrol open(String username) {
        return jdbc.sql("select * from roads_patrol where username = :u and status = 'OPEN' order by id desc")
                .param("u", username).query(Patrols::map).list().stream().findFirst().orElse(null);
    }

    /** A patrol the current user may see: their own, or any for the office and readers. */
    public Patrol visible(long id) {
        Patrol p = patrol(id);
        Actor actor = access.actor();
        if (access.field(actor) && !p.username().equals(actor.username())) {
            throw new AccessDeniedException("error.access-denied");
        }
        return p;
    }

    public List<Point> points(long id) {
        visible(id);
        return jdbc.sql("select * from roads_patrol_point where patrol_id = :p order by seq").param("p", id)
                .query((rs, n) -> new Point(rs.getTimestamp("at").toInstant(), rs.getBigDecimal("lat"), rs.getBigDecimal("lng"),
                        rs.getBigDecimal("accuracy_m"))).list();
    }

    /** The latest patrols of everyone, newest first (the office's view; field users see only their own). */
    public List<Patrol> recent(int limit) {
        Actor actor = access.actor();
        if (access.field(actor)) {
            return of(actor.username(), limit);
        }
        return jdbc.sql("select * from roads_patrol order by started_at desc, id desc limit :l").param("l", limit)
                .query(Patrols::map).list();
    }

    /** Patrols of one user, newest first. */
    public List<Patrol> of(String username, int limit) {
        return jdbc.sql("select * from roads_patrol where username = :u order by started_at desc limit :l")
                .param("u", username).param("l", limit).query(Patrols::map).list();
    }

    /** The period of a plan that contains a day: the ISO week, the month or the quarter. */
    public static LocalDate[] period(Period period, LocalDate day) {
        return switch (period) {
            case WEEK -> new LocalDate[] {day.with(DayOfWeek.MONDAY), day.with(DayOfWeek.SUNDAY)};
            case MONTH -> new LocalDate[] {day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth())};
            case QUARTER -> {
                LocalDate first = day.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new LocalDate[] {first, first.plusMonths(3).minusDays(1)};
            }
        };
    }

    /** Compliance of every serving chief with a plan for their level, in the period of their plan containing the day. */
    public List<Compliance> compliance(LocalDate day) {
        Map<String, RoadPolicies.Parameter> plans = policies.valid(RoadPolicies.Kind.PATROL_PLAN, day);
        List<Compliance> all = new ArrayList<>();
        for (Chief c : chiefs.chiefs()) {
            RoadPolicies.Parameter plan = plans.get(c.level().name());
            if (plan == null || plan.period() == null || !c.servingOn(day)) {
                continue;
            }
            LocalDate[] range = period(plan.period(), day);
            int done = jdbc.sql("""
                    select count(*) from roads_patrol where chief_id = :c and status = 'ENDED'
                       and started_at >= :from and started_at < :to""")
                    .param("c", c.id()).param("from", Timestamp.from(range[0].atStartOfDay(CITY).toInstant()))
                    .param("to", Timestamp.from(range[1].plusDays(1).atStartOfDay(CITY).toInstant()))
                    .query(Integer.class).single();
            all.add(new Compliance(c, plan.period(), range[0], range[1], plan.value().intValue(), done));
        }
        return all;
    }

    /** Compliance in the last complete period of each plan before the day (the figure the indicator reports). */
    public List<Compliance> lastComplete(LocalDate day) {
        List<Compliance> all = new ArrayList<>();
        Map<String, RoadPolicies.Parameter> plans = policies.valid(RoadPolicies.Kind.PATROL_PLAN, day);
        for (Map.Entry<String, RoadPolicies.Parameter> plan : plans.entrySet()) {
            if (plan.getValue().period() == null) {
                continue;
            }
            LocalDate before = period(plan.getValue().period(), day)[0].minusDays(1);
            compliance(before).stream().filter(c -> c.chief().level().name().equals(plan.getKey())).forEach(all::add);
        }
        return all;
    }

    private Patrol own(long id) {
        Patrol p = patrol(id);
        if (!p.username().equals(access.actor().username())) {
            audit.denied("roads-patrol", String.valueOf(id), "someone else's patrol");
            throw new AccessDeniedException("error.access-denied");
        }
        return p;
    }

    Patrol patrol(long id) {
        return jdbc.sql("select * from roads_patrol where id = :id").param("id", id).query(Patrols::map).optional()
                .orElseThrow(() -> new NotFoundException("roads.error.patrol-not-found", id));
    }

    /** Great-circle distance in metres. */
    static double metres(Point a, Point b) {
        double r = 6_371_000;
        double lat1 = Math.toRadians(a.lat().doubleValue());
        double lat2 = Math.toRadians(b.lat().doubleValue());
        double dLat = lat2 - lat1;
        double dLng = Math.toRadians(b.lng().doubleValue() - a.lng().doubleValue());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * r * Math.asin(Math.sqrt(h));
    }

    private static Patrol map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Patrol(rs.getLong("id"), rs.getString("username"), rs.getObject("chief_id", Long.class),
                rs.getObject("staff_id", Long.class), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("started_at").toInstant(), ended == null ? null : ended.toInstant(),
                rs.getBigDecimal("distance_m"), rs.getInt("points"), rs.getString("note"), rs.getBoolean("demo"));
    }
}
