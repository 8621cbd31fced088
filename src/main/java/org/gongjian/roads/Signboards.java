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
import java.util.regex.Pattern;
import org.gongjian.audit.AuditLog;
import org.gongjian.roads.RoadRegister.Segment;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Road-chief signboards (路长公示牌): where a board stands and what it shows — route, stakes and length, the
 * chiefs and staff serving when it was put up, duties, management targets and the supervision hotline. The
 * names are a snapshot: later changes of chiefs leave a board as it was until the office records a new one.
 */
@Service
@Transactional(readOnly = true)
public class Signboards {

    public record Signboard(long id, long segmentId, @Nullable BigDecimal lat, @Nullable BigDecimal lng,
            Map<String, Object> content, LocalDate installedOn, int version) {

        public @Nullable Object shows(String part) {
            return content.get(part);
        }
    }

    /** What the office enters: the board's place, its texts and the day it was put up (today if none). */
    public record SignboardData(@Nullable Long segmentId, @Nullable BigDecimal lat, @Nullable BigDecimal lng,
            @Nullable String duties, @Nullable String targets, @Nullable String hotline, @Nullable LocalDate installedOn) {
    }

    static final Pattern HOTLINE = Pattern.compile("[0-9\\-]{3,20}");

    private final JdbcClient jdbc;
    private final RoadRegister register;
    private final RoadChiefs chiefs;
    private final RoadStaff staff;
    private final RoadAccess access;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    Signboards(JdbcClient jdbc, RoadRegister register, RoadChiefs chiefs, RoadStaff staff, RoadAccess access,
            AuditLog audit, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.chiefs = chiefs;
        this.staff = staff;
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Records a board with a snapshot of who serves the segment on the day it was put up. */
    @Transactional
    public Signboard record(SignboardData d) {
        access.requireOffice("roads-signboard", String.valueOf(d.segmentId()));
        check(d);
        Segment s = register.segment(d.segmentId());
        LocalDate on = d.installedOn() == null ? LocalDate.now(clock) : d.installedOn();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("route", s.routeCode() + " " + s.routeName());
        content.put("stakes", s.stakes());
        content.put("lengthKm", s.lengthKm());
        content.put("chiefs", chiefs.chiefsOf(s, on).stream()
                .map(c -> c.name() + (c.title() == null ? "" : "（" + c.title() + "）")).toList());
        content.put("staff", staff.all().stream().filter(x -> x.servingOn(on) && x.segmentIds().contains(s.id()))
                .map(x -> x.name() + "（" + x.role().onBoard() + "）").toList());
        texts(content, d);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_signboard (segment_id, lat, lng, content_json, installed_on, created_at, created_by)
                values (:s, :lat, :lng, :c, :on, :at, :by)""")
                .param("s", s.id()).param("lat", d.lat()).param("lng", d.lng()).param("c", json.writeValueAsString(content))
                .param("on", on).param("at", Timestamp.from(Instant.now(clock))).param("by", access.actor().username())
                .update(key, "id");
        Signboard board = one(key.getKeyAs(Number.class).longValue());
        audit.created("roads-signboard", String.valueOf(board.id()), board);
        return board;
    }

    /**
     * Corrects a board as read at {@code version}: its place, texts and date. The names it shows stay the
     * snapshot of when it was put up; the segment cannot change (a board elsewhere is a new board).
     */
    @Transactional
    public Signboard update(long id, SignboardData d, int version) {
        access.requireOffice("roads-signboard", String.valueOf(id));
        Signboard before = one(id);
        if (d.segmentId() != null && d.segmentId() != before.segmentId()) {
            throw new InvalidInputException("segmentId", "roads.error.signboard-segment");
        }
        check(new SignboardData(before.segmentId(), d.lat(), d.lng(), d.duties(), d.targets(), d.hotline(), d.installedOn()));
        Map<String, Object> content = new LinkedHashMap<>(before.content());
        texts(content, d);
        int n = jdbc.sql("""
                update roads_signboard set lat = :lat, lng = :lng, content_json = :c, installed_on = :on, version = version + 1
                 where id = :id and version = :v""")
                .param("lat", d.lat()).param("lng", d.lng()).param("c", json.writeValueAsString(content))
                .param("on", d.installedOn() == null ? before.installedOn() : d.installedOn())
                .param("id", id).param("v", version).update();
        if (n == 0) {
            throw new ConflictException("error.stale-version");
        }
        Signboard after = one(id);
        audit.updated("roads-signboard", String.valueOf(id), before, after);
        return after;
    }

    public List<Signboard> of(long segmentId) {
        return jdbc.sql("select * from roads_signboard where segment_id = :s order by id").param("s", segmentId)
                .query(this::map).list();
    }

    /** Every board, newest first. */
    public List<Signboard> all() {
        return jdbc.sql("select * from roads_signboard order by installed_on desc, id desc").query(this::map).list();
    }

    public Signboard one(long id) {
        return jdbc.sql("select * from roads_signboard where id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("roads.error.signboard-not-found", id));
    }

    private void check(SignboardData d) {
        List<Violation> v = new ArrayList<>();
        if (d.segmentId() == null) {
            v.add(new Violation("segmentId", "roads.error.required"));
        } else if (!register.exists(d.segmentId())) {
            v.add(new Violation("segmentId", "roads.error.segment-not-found", d.segmentId()));
        }
        if ((d.lat() == null) != (d.lng() == null)) {
            v.add(new Violation(d.lat() == null ? "lat" : "lng", "roads.error.position-pair"));
        }
        if (d.lat() != null && d.lat().abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            v.add(new Violation("lat", "roads.error.position"));
        }
        if (d.lng() != null && d.lng().abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            v.add(new Violation("lng", "roads.error.position"));
        }
        if (RoadStaff.blank(d.duties()) == null) {
            v.add(new Violation("duties", "roads.error.required"));
        } else if (d.duties().length() > 500) {
            v.add(new Violation("duties", "roads.error.too-long", 500));
        }
        if (d.targets() != null && d.targets().length() > 500) {
            v.add(new Violation("targets", "roads.error.too-long", 500));
        }
        String hotline = RoadStaff.blank(d.hotline());
        if (hotline == null) {
            v.add(new Violation("hotline", "roads.error.required"));
        } else if (!HOTLINE.matcher(hotline).matches()) {
            v.add(new Violation("hotline", "roads.error.hotline"));
        }
        if (d.installedOn() != null && d.installedOn().isAfter(LocalDate.now(clock))) {
            v.add(new Violation("installedOn", "roads.error.future"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private static void texts(Map<String, Object> content, SignboardData d) {
        content.put("duties", RoadStaff.blank(d.duties()));
        content.put("targets", RoadStaff.blank(d.targets()));
        content.put("hotline", RoadStaff.blank(d.hotline()));
    }

    @SuppressWarnings("unchecked")
    private Signboard map(ResultSet rs, int n) throws SQLException {
        return new Signboard(rs.getLong("id"), rs.getLong("segment_id"), rs.getBigDecimal("lat"), rs.getBigDecimal("lng"),
                json.readValue(rs.getString("content_json"), LinkedHashMap.class), rs.getObject("installed_on", LocalDate.class),
                rs.getInt("version"));
    }
}
