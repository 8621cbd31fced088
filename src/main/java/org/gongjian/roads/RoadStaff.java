package org.gongjian.roads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gongjian.audit.AuditLog;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 两员 and road guards: 路政员 and 养路员 on county roads, 协管员 and 养路员 on township roads, 护路员 on
 * village roads; each on the segments they look after, under a chief, from a date until they leave. A staff
 * member with an account patrols and reports from the phone pages on those segments.
 */
@Service
@Transactional(readOnly = true)
public class RoadStaff {

    public enum StaffRole {
        ROAD_ADMIN_OFFICER("路政员"), MAINTAINER("养路员"), ASSISTANT("协管员"), GUARD("护路员");

        private final String onBoard;

        StaffRole(String onBoard) {
            this.onBoard = onBoard;
        }

        /** The role as a signboard (公示牌) shows it, in Chinese like the board itself. */
        public String onBoard() {
            return onBoard;
        }
    }

    public record Staff(long id, String name, StaffRole role, @Nullable String username, @Nullable String phone,
            @Nullable Long chiefId, List<Long> segmentIds, LocalDate validFrom, @Nullable LocalDate validTo, boolean demo,
            int version) {

        public boolean servingOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }
    }

    /** A staff member as entered on the form or the loader; a null start means today. */
    public record StaffData(@Nullable String name, @Nullable StaffRole role, @Nullable String username,
            @Nullable String phone, @Nullable Long chiefId, List<Long> segmentIds, @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo) {
    }

    static final Pattern PHONE = Pattern.compile("[0-9+\\-（）() ]{5,32}");
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");

    private final JdbcClient jdbc;
    private final RoadRegister register;
    private final RoadChiefs chiefs;
    private final RoadAccess access;
    private final AuditLog audit;
    private final Clock clock;

    RoadStaff(JdbcClient jdbc, RoadRegister register, RoadChiefs chiefs, RoadAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.chiefs = chiefs;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Staff add(StaffData d, boolean demo) {
        access.requireOffice("roads-staff", String.valueOf(d.name()));
        check(d, null);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_staff (name, role, username, phone, chief_id, valid_from, valid_to, demo)
                values (:n, :r, :u, :p, :c, :vf, :vt, :d)""")
                .param("n", d.name().trim()).param("r", d.role().name()).param("u", blank(d.username()))
                .param("p", blank(d.phone())).param("c", d.chiefId())
                .param("vf", d.validFrom() == null ? LocalDate.now(clock) : d.validFrom()).param("vt", d.validTo())
                .param("d", demo).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        segments(id, d.segmentIds());
        Staff staff = one(id);
        audit.created("roads-staff", String.valueOf(id), staff);
        return staff;
    }

    /** Changes a staff member as read at {@code version}; someone else's change in between is refused. */
    @Transactional
    public Staff update(long id, StaffData d, int version) {
        access.requireOffice("roads-staff", String.valueOf(id));
        Staff before = one(id);
        check(d, id);
        int n = jdbc.sql("""
                update roads_staff set name = :n, role = :r, username = :u, phone = :p, chief_id = :c, valid_from = :vf,
                       valid_to = :vt, version = version + 1
                 where id = :id and version = :v""")
                .param("n", d.name().trim()).param("r", d.role().name()).param("u", blank(d.username()))
                .param("p", blank(d.phone())).param("c", d.chiefId())
                .param("vf", d.validFrom() == null ? before.validFrom() : d.validFrom()).param("vt", d.validTo())
                .param("id", id).param("v", version).update();
        if (n == 0) {
            throw new ConflictException("error.stale-version");
        }
        jdbc.sql("delete from roads_staff_segment where staff_id = :id").param("id", id).update();
        segments(id, d.segmentIds());
        Staff after = one(id);
        audit.updated("roads-staff", String.valueOf(id), before, after);
        return after;
    }

    /** Staff serving today, by name. */
    public List<Staff> staff() {
        LocalDate today = LocalDate.now(clock);
        return all().stream().filter(s -> s.servingOn(today)).toList();
    }

    /** Every staff record, serving or not, by name. */
    public List<Staff> all() {
        Map<Long, List<Long>> segments = new LinkedHashMap<>();
        jdbc.sql("select staff_id, segment_id from roads_staff_segment order by segment_id").query((rs, n) -> {
            segments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            return null;
        }).list();
        return jdbc.sql("select * from roads_staff order by name, id")
                .query((rs, n) -> map(rs, segments.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    public Staff one(long id) {
        List<Long> segments = jdbc.sql("select segment_id from roads_staff_segment where staff_id = :id order by segment_id")
                .param("id", id).query(Long.class).list();
        return jdbc.sql("select * from roads_staff where id = :id").param("id", id).query((rs, n) -> map(rs, segments))
                .optional().orElseThrow(() -> new NotFoundException("roads.error.staff-not-found", id));
    }

    private void check(StaffData d, @Nullable Long self) {
        List<Violation> v = new ArrayList<>();
        if (d.name() == null || d.name().isBlank() || d.name().trim().length() > 100) {
            v.add(new Violation("name", "roads.error.name"));
        }
        if (d.role() == null) {
            v.add(new Violation("role", "roads.error.required"));
        }
        String username = blank(d.username());
        if (username != null && !USERNAME.matcher(username).matches()) {
            v.add(new Violation("username", "roads.error.username"));
        } else if (username != null) {
            Long other = access.staffId(username);
            if (other != null && !other.equals(self)) {
                v.add(new Violation("username", "roads.error.staff-username-taken", username));
            }
        }
        String phone = blank(d.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            v.add(new Violation("phone", "roads.error.phone"));
        }
        if (d.chiefId() != null && chiefs.find(d.chiefId()) == null) {
            v.add(new Violation("chiefId", "roads.error.chief-not-found", d.chiefId()));
        }
        if (d.segmentIds().isEmpty()) {
            v.add(new Violation("segmentIds", "roads.error.segments-required"));
        }
        for (Long s : d.segmentIds()) {
            if (!register.exists(s)) {
                v.add(new Violation("segmentIds", "roads.error.segment-not-found", s));
            }
        }
        if (d.validFrom() != null && d.validTo() != null && d.validTo().isBefore(d.validFrom())) {
            v.add(new Violation("validTo", "roads.error.validity"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private void segments(long id, List<Long> segmentIds) {
        for (Long segmentId : new LinkedHashSet<>(segmentIds)) {
            jdbc.sql("insert into roads_staff_segment (staff_id, segment_id) values (:s, :g)").param("s", id)
                    .param("g", segmentId).update();
        }
    }

    private static Staff map(ResultSet rs, List<Long> segments) throws SQLException {
        return new Staff(rs.getLong("id"), rs.getString("name"), StaffRole.valueOf(rs.getString("role")),
                rs.getString("username"), rs.getString("phone"), rs.getObject("chief_id", Long.class), List.copyOf(segments),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getBoolean("demo"), rs.getInt("version"));
    }

    static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
