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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.roads.RoadRegister.Segment;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Road chiefs (路长) by level with their superiors, their assignments to stake ranges, the 两员 staff,
 * signboards (公示牌) with their content as shown, and coverage: every segment needs a serving chief of
 * its route's level over its whole length; what is not covered is listed as a gap.
 */
@Service
@Transactional(readOnly = true)
public class RoadChiefs {

    public enum StaffRole { ROAD_ADMIN_OFFICER, MAINTAINER, ASSISTANT, GUARD }

    public record Chief(long id, String name, ChiefLevel level, @Nullable String title, @Nullable String username,
            @Nullable String unitCode, @Nullable String village, @Nullable String phone, @Nullable Long superiorId,
            LocalDate appointedOn, @Nullable LocalDate endedOn, boolean demo) {

        public boolean servingOn(LocalDate day) {
            return !appointedOn.isAfter(day) && (endedOn == null || !endedOn.isBefore(day));
        }
    }

    public record NewChief(String name, @Nullable ChiefLevel level, @Nullable String title, @Nullable String username,
            @Nullable String unitCode, @Nullable String village, @Nullable String phone, @Nullable Long superiorId,
            @Nullable LocalDate appointedOn) {
    }

    public record Assignment(long id, long chiefId, long segmentId, BigDecimal fromKm, BigDecimal toKm,
            LocalDate validFrom, @Nullable LocalDate validTo) {

        boolean validOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }
    }

    public record Staff(long id, String name, StaffRole role, @Nullable String username, @Nullable String phone,
            @Nullable Long chiefId, List<Long> segmentIds) {
    }

    public record Signboard(long id, long segmentId, @Nullable BigDecimal lat, @Nullable BigDecimal lng,
            Map<String, Object> content, LocalDate installedOn) {
    }

    /** A stretch of a segment without a serving chief of its level. */
    public record Gap(Segment segment, ChiefLevel needed, BigDecimal fromKm, BigDecimal toKm) {
        public BigDecimal lengthKm() {
            return toKm.subtract(fromKm).setScale(3, RoundingMode.HALF_UP);
        }
    }

    /** Coverage on a day: covered length over register length, the gaps, and the same by town. */
    public record Coverage(LocalDate on, BigDecimal totalKm, BigDecimal coveredKm, List<Gap> gaps,
            Map<String, BigDecimal[]> byTown) {

        public BigDecimal percent() {
            return percent(coveredKm, totalKm);
        }

        public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
            return whole.signum() == 0 ? BigDecimal.ZERO
                    : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
        }
    }

    private final JdbcClient jdbc;
    private final RoadRegister register;
    private final RoadAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    RoadChiefs(JdbcClient jdbc, RoadRegister register, RoadAccess access, AuditLog audit,
            ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Appoints a chief; every chief below the total chief answers to a serving chief one level up. */
    @Transactional
    public Chief appoint(NewChief d, boolean demo) {
        access.requireOffice("roads-chief", d.name());
        List<Violation> v = new ArrayList<>();
        if (d.name() == null || d.name().isBlank() || d.name().length() > 100) {
            v.add(new Violation("name", "roads.error.name"));
        }
        if (d.level() == null) {
            v.add(new Violation("level", "roads.error.required"));
        } else if (d.level() != ChiefLevel.TOTAL) {
            Chief superior = d.superiorId() == null ? null : find(d.superiorId());
            if (superior == null) {
                v.add(new Violation("superiorId", "roads.error.superior-required", d.level().superior()));
            } else if (superior.level() != d.level().superior()) {
                v.add(new Violation("superiorId", "roads.error.superior-level", superior.name(), d.level().superior()));
            }
        } else if (d.superiorId() != null) {
            v.add(new Violation("superiorId", "roads.error.total-no-superior"));
        }
        if (d.username() != null && !d.username().isBlank() && access.chiefId(d.username()) != null) {
            v.add(new Violation("username", "roads.error.username-taken", d.username()));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_chief (name, level, title, username, unit_code, village, phone, superior_id,
                    appointed_on, demo)
                values (:n, :l, :t, :u, :unit, :v, :p, :s, :on, :d)""")
                .param("n", d.name().trim()).param("l", d.level().name()).param("t", d.title())
                .param("u", d.username() == null || d.username().isBlank() ? null : d.username())
                .param("unit", d.unitCode()).param("v", d.village()).param("p", d.phone())
                .param("s", d.superiorId())
                .param("on", d.appointedOn() == null ? LocalDate.now(clock) : d.appointedOn()).param("d", demo)
                .update(key, "id");
        Chief chief = chief(key.getKeyAs(Number.class).longValue());
        audit.created("roads-chief", String.valueOf(chief.id()), chief);
        return chief;
    }

    /** Assigns a chief to a stake range of a segment from a date (open-ended unless an end is given). */
    @Transactional
    public Assignment assign(long chiefId, long segmentId, @Nullable BigDecimal fromKm, @Nullable BigDecimal toKm,
            @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
        access.requireOffice("roads-assignment", chiefId + "/" + segmentId);
        Chief chief = chief(chiefId);
        Segment s = register.segment(segmentId);
        BigDecimal from = fromKm == null ? s.startKm() : RoadRegister.km(fromKm);
        BigDecimal to = toKm == null ? s.endKm() : RoadRegister.km(toKm);
        LocalDate start = validFrom == null ? LocalDate.now(clock) : validFrom;
        if (from.compareTo(s.startKm()) < 0 || to.compareTo(s.endKm()) > 0 || to.compareTo(from) <= 0) {
            throw new InvalidInputException("fromKm", "roads.error.assignment-range", s.stakes());
        }
        if (validTo != null && validTo.isBefore(start)) {
            throw new InvalidInputException("validTo", "roads.error.validity");
        }
        if (chief.endedOn() != null) {
            throw new InvalidInputException("chiefId", "roads.error.chief-ended", chief.name());
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_assignment (chief_id, segment_id, from_km, to_km, valid_from, valid_to)
                values (:c, :s, :f, :t, :vf, :vt)""")
                .param("c", chiefId).param("s", segmentId).param("f", from).param("t", to).param("vf", start)
                .param("vt", validTo).update(key, "id");
        Assignment a = assignments().stream().filter(x -> x.id() == key.getKeyAs(Number.class).longValue())
                .findFirst().orElseThrow();
        audit.created("roads-assignment", String.valueOf(a.id()), a);
        events.publishEvent(new RoadRegister.RegisterChanged("assignment"));
        return a;
    }

    /** Ends a chief's service (and their open assignments) on a day. */
    @Transactional
    public Chief end(long chiefId, LocalDate on) {
        access.requireOffice("roads-chief", String.valueOf(chiefId));
        Chief before = chief(chiefId);
        jdbc.sql("update roads_chief set ended_on = :on, version = version + 1 where id = :id").param("on", on)
                .param("id", chiefId).update();
        jdbc.sql("update roads_assignment set valid_to = :on where chief_id = :id and (valid_to is null or valid_to > :on)")
                .param("on", on).param("id", chiefId).update();
        Chief after = chief(chiefId);
        audit.updated("roads-chief", String.valueOf(chiefId), before, after);
        events.publishEvent(new RoadRegister.RegisterChanged("chief"));
        return after;
    }

    @Transactional
    public Staff addStaff(String name, StaffRole role, @Nullable String username, @Nullable String phone,
            @Nullable Long chiefId, List<Long> segmentIds, boolean demo) {
        access.requireOffice("roads-staff", name);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "roads.error.name");
        }
        segmentIds.forEach(register::segment);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_staff (name, role, username, phone, chief_id, valid_from, demo)
                values (:n, :r, :u, :p, :c, :vf, :d)""")
                .param("n", name.trim()).param("r", role.name()).param("u", username).param("p", phone)
                .param("c", chiefId).param("vf", LocalDate.now(clock)).param("d", demo).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (Long segmentId : new java.util.LinkedHashSet<>(segmentIds)) {
            jdbc.sql("insert into roads_staff_segment (staff_id, segment_id) values (:s, :g)").param("s", id)
                    .param("g", segmentId).update();
        }
        Staff staff = staff().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        audit.created("roads-staff", String.valueOf(id), staff);
        return staff;
    }

    /**
     * Records a signboard with a snapshot of what it shows: route, stakes and length, the chiefs and staff
     * serving then, duties, targets and the supervision hotline. Later changes of chiefs leave it as it was.
     */
    @Transactional
    public Signboard signboard(long segmentId, @Nullable BigDecimal lat, @Nullable BigDecimal lng,
            @Nullable String duties, @Nullable String targets, @Nullable String hotline, @Nullable LocalDate installedOn) {
        access.requireOffice("roads-signboard", String.valueOf(segmentId));
        Segment s = register.segment(segmentId);
        LocalDate on = installedOn == null ? LocalDate.now(clock) : installedOn;
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("route", s.routeCode() + " " + s.routeName());
        content.put("stakes", s.stakes());
        content.put("lengthKm", s.lengthKm());
        content.put("chiefs", chiefsOf(s, on).stream().map(c -> c.name() + (c.title() == null ? "" : "（" + c.title() + "）"))
                .toList());
        content.put("staff", staff().stream().filter(x -> x.segmentIds().contains(segmentId))
                .map(x -> x.name() + "（" + x.role() + "）").toList());
        content.put("duties", duties);
        content.put("targets", targets);
        content.put("hotline", hotline);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_signboard (segment_id, lat, lng, content_json, installed_on, created_at, created_by)
                values (:s, :lat, :lng, :c, :on, :at, :by)""")
                .param("s", segmentId).param("lat", lat).param("lng", lng).param("c", json.writeValueAsString(content))
                .param("on", on).param("at", Timestamp.from(Instant.now(clock))).param("by", access.actor().username())
                .update(key, "id");
        Signboard board = signboards(segmentId).stream().filter(b -> b.id() == key.getKeyAs(Number.class).longValue())
                .findFirst().orElseThrow();
        audit.created("roads-signboard", String.valueOf(board.id()), board);
        return board;
    }

    @SuppressWarnings("unchecked")
    public List<Signboard> signboards(long segmentId) {
        return jdbc.sql("select * from roads_signboard where segment_id = :s order by id").param("s", segmentId)
                .query((rs, n) -> new Signboard(rs.getLong("id"), rs.getLong("segment_id"), rs.getBigDecimal("lat"),
                        rs.getBigDecimal("lng"), json.readValue(rs.getString("content_json"), LinkedHashMap.class),
                        rs.getObject("installed_on", LocalDate.class)))
                .list();
    }

    public List<Chief> chiefs() {
        return jdbc.sql("select * from roads_chief order by level, name").query(RoadChiefs::chief).list();
    }

    public @Nullable Chief find(long id) {
        return jdbc.sql("select * from roads_chief where id = :id").param("id", id).query(RoadChiefs::chief).optional()
                .orElse(null);
    }

    public Chief chief(long id) {
        Chief c = find(id);
        if (c == null) {
            throw new NotFoundException("roads.error.chief-not-found", id);
        }
        return c;
    }

    public List<Assignment> assignments() {
        return jdbc.sql("select * from roads_assignment order by id").query((rs, n) -> new Assignment(rs.getLong("id"),
                rs.getLong("chief_id"), rs.getLong("segment_id"), RoadRegister.km(rs.getBigDecimal("from_km")),
                RoadRegister.km(rs.getBigDecimal("to_km")), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class))).list();
    }

    public List<Staff> staff() {
        Map<Long, List<Long>> segments = new LinkedHashMap<>();
        jdbc.sql("select staff_id, segment_id from roads_staff_segment").query((rs, n) -> {
            segments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            return null;
        }).list();
        return jdbc.sql("select * from roads_staff where valid_to is null order by name")
                .query((rs, n) -> new Staff(rs.getLong("id"), rs.getString("name"), StaffRole.valueOf(rs.getString("role")),
                        rs.getString("username"), rs.getString("phone"), (Long) rs.getObject("chief_id", Long.class),
                        List.copyOf(segments.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    /** The serving chiefs assigned to any part of a segment on a day, of any level. */
    public List<Chief> chiefsOf(Segment segment, LocalDate on) {
        Map<Long, Chief> byId = new LinkedHashMap<>();
        chiefs().forEach(c -> byId.put(c.id(), c));
        return assignments().stream().filter(a -> a.segmentId() == segment.id() && a.validOn(on))
                .map(a -> byId.get(a.chiefId())).filter(c -> c != null && c.servingOn(on)).distinct().toList();
    }

    /**
     * The chief of the segment's own level assigned at a stake on a day, if any (the first assignment
     * found when two overlap).
     */
    public @Nullable Chief chiefAt(Segment segment, @Nullable BigDecimal stakeKm, LocalDate on) {
        ChiefLevel needed = segment.level().chiefLevel();
        Map<Long, Chief> byId = new LinkedHashMap<>();
        chiefs().forEach(c -> byId.put(c.id(), c));
        BigDecimal at = stakeKm == null ? segment.startKm() : stakeKm;
        return assignments().stream()
                .filter(a -> a.segmentId() == segment.id() && a.validOn(on) && a.fromKm().compareTo(at) <= 0
                        && a.toKm().compareTo(at) >= 0)
                .map(a -> byId.get(a.chiefId()))
                .filter(c -> c != null && c.level() == needed && c.servingOn(on)).findFirst().orElse(null);
    }

    /** Coverage of the register on a day: gaps per segment where no serving chief of its level is assigned. */
    public Coverage coverage(LocalDate on) {
        Map<Long, Chief> byId = new LinkedHashMap<>();
        chiefs().forEach(c -> byId.put(c.id(), c));
        Map<Long, List<Assignment>> bySegment = new LinkedHashMap<>();
        for (Assignment a : assignments()) {
            Chief c = byId.get(a.chiefId());
            if (a.validOn(on) && c != null && c.servingOn(on)) {
                bySegment.computeIfAbsent(a.segmentId(), k -> new ArrayList<>()).add(a);
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal covered = BigDecimal.ZERO;
        List<Gap> gaps = new ArrayList<>();
        Map<String, BigDecimal[]> byTown = new LinkedHashMap<>();
        for (Segment s : register.segments()) {
            ChiefLevel needed = s.level().chiefLevel();
            List<Assignment> own = bySegment.getOrDefault(s.id(), List.of()).stream()
                    .filter(a -> byId.get(a.chiefId()).level() == needed)
                    .sorted(Comparator.comparing(Assignment::fromKm)).toList();
            BigDecimal cursor = s.startKm();
            BigDecimal segmentCovered = BigDecimal.ZERO;
            for (Assignment a : own) {
                BigDecimal from = a.fromKm().max(cursor);
                BigDecimal to = a.toKm().min(s.endKm());
                if (from.compareTo(cursor) > 0) {
                    gaps.add(new Gap(s, needed, cursor, from));
                }
                if (to.compareTo(from) > 0) {
                    segmentCovered = segmentCovered.add(to.subtract(from));
                }
                cursor = cursor.max(to);
            }
            if (cursor.compareTo(s.endKm()) < 0) {
                gaps.add(new Gap(s, needed, cursor, s.endKm()));
            }
            total = total.add(s.lengthKm());
            covered = covered.add(segmentCovered);
            BigDecimal[] town = byTown.computeIfAbsent(s.townCode(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            town[0] = town[0].add(s.lengthKm());
            town[1] = town[1].add(segmentCovered);
        }
        return new Coverage(on, total, covered, gaps, byTown);
    }

    private static Chief chief(ResultSet rs, int n) throws SQLException {
        return new Chief(rs.getLong("id"), rs.getString("name"), ChiefLevel.valueOf(rs.getString("level")),
                rs.getString("title"), rs.getString("username"), rs.getString("unit_code"), rs.getString("village"),
                rs.getString("phone"), rs.getObject("superior_id", Long.class), rs.getObject("appointed_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class), rs.getBoolean("demo"));
    }
}
