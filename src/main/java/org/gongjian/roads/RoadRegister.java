package org.gongjian.roads;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The road register: routes (code with its level letter) and their segments by stake. A route's length
 * is the sum of its segments'; the segments of one route never overlap.
 */
@Service
@Transactional(readOnly = true)
public class RoadRegister {

    /** Route code: level letter, then digits, optionally a county code suffix (e.g. X123, Y045440783, C201). */
    static final Pattern ROUTE_CODE = Pattern.compile("[XYCZ][0-9A-Z]{1,15}");
    private static final Pattern LINESTRING = Pattern.compile(
            "\\s*\\{\\s*\"type\"\\s*:\\s*\"LineString\"\\s*,\\s*\"coordinates\"\\s*:\\s*\\[.*]\\s*}\\s*", Pattern.DOTALL);

    public enum TechGrade { II, III, IV, SUBSTANDARD }

    public enum Pavement { ASPHALT, CEMENT, GRAVEL, OTHER }

    public record Route(long id, String code, String name, RoadLevel level, BigDecimal lengthKm, int segments,
            boolean demo, int version) {
    }

    public record Segment(long id, long routeId, String routeCode, String routeName, RoadLevel level, BigDecimal startKm,
            BigDecimal endKm, TechGrade techGrade, Pavement pavement, BigDecimal widthM, String townCode,
            @Nullable String village, @Nullable String maintenanceUnit, boolean listed, @Nullable String geometry,
            @Nullable LocalDate renovatedOn, boolean demo, int version) {

        public BigDecimal lengthKm() {
            return endKm.subtract(startKm).setScale(3, RoundingMode.HALF_UP);
        }

        public String stakes() {
            return "K" + stake(startKm) + "–K" + stake(endKm);
        }

        static String stake(BigDecimal km) {
            BigDecimal whole = km.setScale(0, RoundingMode.DOWN);
            int metres = km.subtract(whole).movePointRight(3).intValue();
            return whole.toPlainString() + "+" + String.format("%03d", metres);
        }
    }

    public record NewRoute(String code, String name, @Nullable RoadLevel level) {
    }

    public record NewSegment(@Nullable BigDecimal startKm, @Nullable BigDecimal endKm, @Nullable TechGrade techGrade,
            @Nullable Pavement pavement, @Nullable BigDecimal widthM, @Nullable String townCode, @Nullable String village,
            @Nullable String maintenanceUnit, @Nullable Boolean listed, @Nullable String geometry,
            @Nullable LocalDate renovatedOn) {
    }

    /** Published when the register changed, so that the indicators are recomputed (once, later). */
    public record RegisterChanged(String what) {
    }

    private static final String SEGMENT_SELECT = """
            select s.*, r.code route_code, r.name route_name, r.level route_level
              from roads_segment s join roads_route r on r.id = s.route_id""";

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final RoadAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoadRegister(JdbcClient jdbc, Organisation organisation, RoadAccess access, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Route createRoute(NewRoute data, boolean demo) {
        access.requireOffice("roads-route", data.code());
        List<Violation> v = new ArrayList<>();
        String code = data.code() == null ? "" : data.code().trim().toUpperCase(java.util.Locale.ROOT);
        if (!ROUTE_CODE.matcher(code).matches()) {
            v.add(new Violation("code", "roads.error.route-code", code));
        }
        if (data.name() == null || data.name().isBlank() || data.name().length() > 200) {
            v.add(new Violation("name", "roads.error.name"));
        }
        RoadLevel level = code.isEmpty() ? null : RoadLevel.ofLetter(code.charAt(0)).orElse(null);
        if (data.level() != null && level != null && data.level() != level) {
            v.add(new Violation("level", "roads.error.level-letter", code, level));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (findRoute(code).isPresent()) {
            throw new ConflictException("roads.error.duplicate-route", code);
        }
        jdbc.sql("""
                insert into roads_route (code, name, level, demo, created_at, created_by)
                values (:c, :n, :l, :d, :at, :by)""")
                .param("c", code).param("n", data.name().trim()).param("l", level.name()).param("d", demo)
                .param("at", Timestamp.from(Instant.now(clock))).param("by", access.actor().username()).update();
        Route route = route(code);
        audit.created("roads-route", code, route);
        events.publishEvent(new RegisterChanged("route"));
        return route;
    }

    /** Adds a segment; refused when its stakes overlap another segment of the route. */
    @Transactional
    public Segment addSegment(String routeCode, NewSegment data, boolean demo) {
        Route route = route(routeCode);
        access.requireOffice("roads-segment", routeCode);
        check(data);
        checkOverlap(route, data.startKm(), data.endKm(), null);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_segment (route_id, start_km, end_km, tech_grade, pavement, width_m, town_code, village,
                    maintenance_unit, listed, geometry, renovated_on, demo)
                values (:r, :s, :e, :g, :p, :w, :t, :v, :m, :l, :geo, :ren, :d)""")
                .param("r", route.id()).param("s", km(data.startKm())).param("e", km(data.endKm()))
                .param("g", data.techGrade().name()).param("p", data.pavement().name()).param("w", data.widthM())
                .param("t", data.townCode()).param("v", blankToNull(data.village()))
                .param("m", blankToNull(data.maintenanceUnit())).param("l", data.listed() == null || data.listed())
                .param("geo", blankToNull(data.geometry())).param("ren", data.renovatedOn()).param("d", demo)
                .update(key, "id");
        Segment segment = segment(key.getKeyAs(Number.class).longValue());
        audit.created("roads-segment", routeCode + " " + segment.stakes(), segment);
        events.publishEvent(new RegisterChanged("segment"));
        return segment;
    }

    /** Changes a segment (optimistic lock on its version); its new stakes must not overlap another segment. */
    @Transactional
    public Segment updateSegment(long id, NewSegment data, int expectedVersion) {
        Segment before = segment(id);
        access.requireOffice("roads-segment", String.valueOf(id));
        check(data);
        checkOverlap(route(before.routeCode()), data.startKm(), data.endKm(), id);
        int n = jdbc.sql("""
                update roads_segment set start_km = :s, end_km = :e, tech_grade = :g, pavement = :p, width_m = :w,
                    town_code = :t, village = :v, maintenance_unit = :m, listed = :l, geometry = :geo, renovated_on = :ren,
                    version = version + 1
                 where id = :id and version = :ver""")
                .param("s", km(data.startKm())).param("e", km(data.endKm())).param("g", data.techGrade().name())
                .param("p", data.pavement().name()).param("w", data.widthM()).param("t", data.townCode())
                .param("v", blankToNull(data.village())).param("m", blankToNull(data.maintenanceUnit()))
                .param("l", data.listed() == null || data.listed()).param("geo", blankToNull(data.geometry()))
                .param("ren", data.renovatedOn()).param("id", id).param("ver", expectedVersion).update();
        if (n == 0) {
            throw new ConflictException("error.stale", id);
        }
        Segment after = segment(id);
        audit.updated("roads-segment", before.routeCode() + " " + after.stakes(), before, after);
        events.publishEvent(new RegisterChanged("segment"));
        return after;
    }

    void check(NewSegment d) {
        List<Violation> v = violations(d);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    /** Every problem of a segment's fields (not the overlap). */
    List<Violation> violations(NewSegment d) {
        List<Violation> v = new ArrayList<>();
        if (d.startKm() == null || d.startKm().signum() < 0 || d.startKm().stripTrailingZeros().scale() > 3) {
            v.add(new Violation("startKm", "roads.error.stake"));
        }
        if (d.endKm() == null || d.endKm().signum() < 0 || d.endKm().stripTrailingZeros().scale() > 3) {
            v.add(new Violation("endKm", "roads.error.stake"));
        }
        if (d.startKm() != null && d.endKm() != null && d.endKm().compareTo(d.startKm()) <= 0) {
            v.add(new Violation("endKm", "roads.error.stake-order", d.startKm(), d.endKm()));
        }
        if (d.techGrade() == null) {
            v.add(new Violation("techGrade", "roads.error.required"));
        }
        if (d.pavement() == null) {
            v.add(new Violation("pavement", "roads.error.required"));
        }
        if (d.widthM() == null || d.widthM().signum() <= 0 || d.widthM().compareTo(BigDecimal.valueOf(100)) > 0) {
            v.add(new Violation("widthM", "roads.error.width"));
        }
        if (d.townCode() == null || organisation.findByCode(d.townCode()).isEmpty()) {
            v.add(new Violation("townCode", "roads.error.town", d.townCode()));
        }
        if (d.geometry() != null && !d.geometry().isBlank() && !validLineString(d.geometry())) {
            v.add(new Violation("geometry", "roads.error.geometry"));
        }
        return v;
    }

    /** A GeoJSON LineString with at least two [lng, lat] positions within range. */
    static boolean validLineString(String geometry) {
        if (geometry.length() > 200_000 || !LINESTRING.matcher(geometry).matches()) {
            return false;
        }
        String coords = geometry.substring(geometry.indexOf('[') + 1, geometry.lastIndexOf(']'));
        java.util.regex.Matcher m = Pattern.compile("\\[\\s*(-?[0-9.]+)\\s*,\\s*(-?[0-9.]+)\\s*(,\\s*-?[0-9.]+\\s*)?]")
                .matcher(coords);
        int points = 0;
        while (m.find()) {
            double lng = Double.parseDouble(m.group(1));
            double lat = Double.parseDouble(m.group(2));
            if (Math.abs(lng) > 180 || Math.abs(lat) > 90) {
                return false;
            }
            points++;
        }
        return points >= 2;
    }

    /** Refuses a stake range that overlaps another segment of the route (touching ends are fine). */
    void checkOverlap(Route route, BigDecimal start, BigDecimal end, @Nullable Long except) {
        for (Segment s : segments(route.id())) {
            if (except != null && s.id() == except) {
                continue;
            }
            if (s.startKm().compareTo(end) < 0 && start.compareTo(s.endKm()) < 0) {
                throw new InvalidInputException("startKm", "roads.error.stake-overlap", route.code(),
                        Segment.stake(km(start)), Segment.stake(km(end)), s.stakes());
            }
        }
    }

    public Optional<Route> findRoute(String code) {
        return jdbc.sql("""
                select r.*, coalesce(sum(s.end_km - s.start_km), 0) length_km, count(s.id) segments
                  from roads_route r left join roads_segment s on s.route_id = r.id
                 where r.code = :c group by r.id, r.code, r.name, r.level, r.demo, r.version, r.created_at, r.created_by""")
                .param("c", code).query(RoadRegister::route).optional();
    }

    public Route route(String code) {
        return findRoute(code).orElseThrow(() -> new NotFoundException("roads.error.route-not-found", code));
    }

    /** Routes by code; a field user sees only the routes of their segments. */
    public Page<Route> routes(@Nullable RoadLevel level, Pageable pageable) {
        Set<Long> scope = access.segmentScope(access.actor());
        List<Route> all = jdbc.sql("""
                select r.*, coalesce(sum(s.end_km - s.start_km), 0) length_km, count(s.id) segments
                  from roads_route r left join roads_segment s on s.route_id = r.id
                 group by r.id, r.code, r.name, r.level, r.demo, r.version, r.created_at, r.created_by
                 order by r.code""").query(RoadRegister::route).list();
        if (scope != null) {
            Set<Long> routes = new java.util.HashSet<>(segments().stream().filter(s -> scope.contains(s.id()))
                    .map(Segment::routeId).toList());
            all = all.stream().filter(r -> routes.contains(r.id())).toList();
        }
        if (level != null) {
            all = all.stream().filter(r -> r.level() == level).toList();
        }
        return org.gongjian.shared.Pages.of(all, pageable);
    }

    public List<Segment> segments(long routeId) {
        return jdbc.sql(SEGMENT_SELECT + " where s.route_id = :r order by s.start_km").param("r", routeId)
                .query(RoadRegister::segment).list();
    }

    /** All segments, by route and stake. */
    public List<Segment> segments() {
        return jdbc.sql(SEGMENT_SELECT + " order by r.code, s.start_km").query(RoadRegister::segment).list();
    }

    /** The segments the current user may see. */
    public List<Segment> visibleSegments() {
        Set<Long> scope = access.segmentScope(access.actor());
        List<Segment> all = segments();
        return scope == null ? all : all.stream().filter(s -> scope.contains(s.id())).toList();
    }

    /** Whether a segment of this id is on the register. */
    public boolean exists(long id) {
        return jdbc.sql("select count(*) from roads_segment where id = :id").param("id", id).query(Long.class).single() > 0;
    }

    public Segment segment(long id) {
        return jdbc.sql(SEGMENT_SELECT + " where s.id = :id").param("id", id).query(RoadRegister::segment).optional()
                .orElseThrow(() -> new NotFoundException("roads.error.segment-not-found", id));
    }

    /** Register length in km by town, and city-wide under the key "". */
    public Map<String, BigDecimal> lengthByTown() {
        Map<String, BigDecimal> km = new LinkedHashMap<>();
        for (Segment s : segments()) {
            km.merge(s.townCode(), s.lengthKm(), BigDecimal::add);
            km.merge("", s.lengthKm(), BigDecimal::add);
        }
        return km;
    }

    /** Deletes an empty route, or refuses. */
    @Transactional
    public void deleteRoute(String code) {
        Route route = route(code);
        access.requireOffice("roads-route", code);
        if (route.segments() > 0) {
            throw new ConflictException("roads.error.route-has-segments", code);
        }
        jdbc.sql("delete from roads_route where id = :id").param("id", route.id()).update();
        audit.deleted("roads-route", code, route);
    }

    static BigDecimal km(BigDecimal value) {
        return value.setScale(3, RoundingMode.HALF_UP);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Route route(ResultSet rs, int n) throws SQLException {
        return new Route(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                RoadLevel.valueOf(rs.getString("level")), km(rs.getBigDecimal("length_km")), rs.getInt("segments"),
                rs.getBoolean("demo"), rs.getInt("version"));
    }

    private static Segment segment(ResultSet rs, int n) throws SQLException {
        return new Segment(rs.getLong("id"), rs.getLong("route_id"), rs.getString("route_code"),
                rs.getString("route_name"), RoadLevel.valueOf(rs.getString("route_level")), km(rs.getBigDecimal("start_km")),
                km(rs.getBigDecimal("end_km")), TechGrade.valueOf(rs.getString("tech_grade")),
                Pavement.valueOf(rs.getString("pavement")), rs.getBigDecimal("width_m"), rs.getString("town_code"),
                rs.getString("village"), rs.getString("maintenance_unit"), rs.getBoolean("listed"),
                rs.getString("geometry"), rs.getObject("renovated_on", LocalDate.class), rs.getBoolean("demo"),
                rs.getInt("version"));
    }
}
