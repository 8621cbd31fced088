package org.gongjian.roads;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.roads.RoadRegister.Segment;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Road chiefs (路长) by level with their superiors, their assignments to stake ranges, and coverage: every
 * segment needs a serving chief of its route's level over its whole length; what is not covered is listed as a gap.
 */
@Service
@Transactional(readOnly = true)
public class RoadChiefs {

    public record Chief(long id, String name, ChiefLevel level, @Nullable String title, @Nullable String username,
            @Nullable String unitCode, @Nullable String village, @Nullable String phone, @Nullable Long superiorId,
            LocalDate appointedOn, @Nullable LocalDate endedOn, boolean demo, int version) {

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
    private final Clock clock;

    RoadChiefs(JdbcClient jdbc, RoadRegister register, RoadAccess access, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Appoints a chief; every chief below the total chief answers to a serving chief one level up. */
    @Transactional
    public Chief appoint(NewChief d, boolean demo) {
        access.requireOffice("roads-chief", String.valueOf(d.name()));
        check(d, null);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_chief (name, level, title, username, unit_code, village, phone, superior_id,
                    appointed_on, demo)
                values (:n, :l, :t, :u, :unit, :v, :p, :s, :on, :d)""")
                .param("n", d.name().trim()).param("l", d.level().name()).param("t", RoadStaff.blank(d.title()))
                .param("u", RoadStaff.blank(d.username())).param("unit", RoadStaff.blank(d.unitCode()))
                .param("v", RoadStaff.blank(d.village())).param("p", RoadStaff.blank(d.phone()))
                .param("s", d.superiorId())
                .param("on", d.appointedOn() == null ? LocalDate.now(clock) : d.appointedOn()).param("d", demo)
                .update(key, "id");
        Chief chief = chief(key.getKeyAs(Number.class).longValue());
        audit.created("roads-chief", String.valueOf(chief.id()), chief);
        return chief;
    }

    /** A level as the message shows it, in the reader's language (乡级路长), not as its code. */
    private static org.springframework.context.MessageSourceResolvable levelName(ChiefLevel level) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"roads.chief-level." + level.name()}, level.name());
    }

    /** Every reason a chief's data cannot be taken; {@code self} is the chief being changed, if any. */
    private void check(NewChief d, @Nullable Long self) {
        List<Violation> v = new ArrayList<>();
        if (d.name() == null || d.name().isBlank() || d.name().trim().length() > 100) {
            v.add(new Violation("name", "roads.error.name"));
        }
        if (d.level() == null) {
            v.add(new Violation("level", "roads.error.required"));
        } else if (d.level() != ChiefLevel.TOTAL) {
            Chief superior = d.superiorId() == null ? null : find(d.superiorId());
            if (superior == null) {
                v.add(new Violation("superiorId", "roads.error.superior-required", levelName(d.level().superior())));
            } else if (superior.level() != d.level().superior()) {
                v.add(new Violation("superiorId", "roads.error.superior-level", superior.name(), levelName(d.level().superior())));
            }
        } else if (d.superiorId() != null) {
            v.add(new Violation("superiorId", "roads.error.total-no-superior"));
        }
        String username = RoadStaff.blank(d.username());
        if (username != null && !RoadStaff.USERNAME.matcher(username).matches()) {
            v.add(new Violation("username", "roads.error.username"));
        } else if (username != null) {
            Long other = access.chiefId(username);
            if (other != null && !other.equals(self)) {
                v.add(new Violation("username", "roads.error.username-taken", username));
            }
        }
        if (RoadStaff.blank(d.phone()) != null && !RoadStaff.PHONE.matcher(d.phone().trim()).matches()) {
            v.add(new Violation("phone", "roads.error.phone"));
        }
        if (d.title() != null && d.title().length() > 200) {
            v.add(new Violation("title", "roads.error.too-long", 200));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    /**
     * Changes a chief as read at {@code version}: name, title, account, unit, village, phone, superior and the day
     * of appointment; the level stays (a chief of another level is a new appointment). Ending the service (an end
     * date) also ends the chief's open assignments.
     */
    @Transactional
    public Chief update(long id, NewChief d, @Nullable LocalDate endedOn, int version) {
        access.requireOffice("roads-chief", String.valueOf(id));
        Chief before = chief(id);
        if (d.level() != null && d.level() != before.level()) {
            throw new InvalidInputException("level", "roads.error.level-fixed");
        }
        if (d.superiorId() != null && d.superiorId() == id) {
            throw new InvalidInputException("superiorId", "roads.error.superior-self");
        }
        NewChief data = new NewChief(d.name(), before.level(), d.title(), d.username(), d.unitCode(), d.village(), d.phone(),
                d.superiorId(), d.appointedOn());
        check(data, id);
        LocalDate appointed = d.appointedOn() == null ? before.appointedOn() : d.appointedOn();
        if (endedOn != null && endedOn.isBefore(appointed)) {
            throw new InvalidInputException("endedOn", "roads.error.validity");
        }
        int n = jdbc.sql("""
                update roads_chief set name = :n, title = :t, username = :u, unit_code = :unit, village = :vil, phone = :p,
                       superior_id = :s, appointed_on = :on, ended_on = :end, version = version + 1
                 where id = :id and version = :v""")
                .param("n", data.name().trim()).param("t", RoadStaff.blank(data.title()))
                .param("u", RoadStaff.blank(data.username())).param("unit", RoadStaff.blank(data.unitCode()))
                .param("vil", RoadStaff.blank(data.village())).param("p", RoadStaff.blank(data.phone()))
                .param("s", data.superiorId()).param("on", appointed).param("end", endedOn).param("id", id)
                .param("v", version).update();
        if (n == 0) {
            throw new ConflictException("error.stale-version");
        }
        if (endedOn != null) {
            jdbc.sql("update roads_assignment set valid_to = :on where chief_id = :id and (valid_to is null or valid_to > :on)")
                    .param("on", endedOn).param("id", id).update();
        }
        Chief after = chief(id);
        audit.updated("roads-chief", String.valueOf(id), before, after);
        events.publishEvent(new RoadRegister.RegisterChanged("chief"));
        return after;
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

    public List<Chief> chiefs() {
        return jdbc.sql("select * from roads_chief order by name, id").query(RoadChiefs::chief).list().stream()
                .sorted(Comparator.comparing(Chief::level)).toList();   // 总路长 first, then county, township, village
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
                rs.getObject("ended_on", LocalDate.class), rs.getBoolean("demo"), rs.getInt("version"));
    }
}
