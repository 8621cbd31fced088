package org.gongjian.roads;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demonstration roads (示范路) with their criteria checklist and status; a road opens to traffic only when
 * every criterion is met.
 */
@Service
@Transactional(readOnly = true)
public class DemoRoads {

    public enum Status { PLANNED, BUILDING, OPEN }

    public record Criterion(int position, String label, boolean met) {
    }

    public record DemoRoad(long id, String name, @Nullable String routeCode, String townCode, BigDecimal lengthKm,
            @Nullable String theme, Status status, @Nullable LocalDate openedOn, boolean demo, int version,
            List<Criterion> criteria) {

        public long met() {
            return criteria.stream().filter(Criterion::met).count();
        }
    }

    private final JdbcClient jdbc;
    private final RoadAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Organisation organisation;
    private final Clock clock;

    DemoRoads(JdbcClient jdbc, RoadAccess access, AuditLog audit, ApplicationEventPublisher events,
            Organisation organisation, Clock clock) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A demonstration road as the office enters it: its facts, its checklist (blank lines dropped) and status. */
    public record DemoRoadData(@Nullable String name, @Nullable String routeCode, @Nullable String townCode,
            @Nullable BigDecimal lengthKm, @Nullable String theme, List<Criterion> criteria, @Nullable Status status,
            @Nullable LocalDate openedOn) {
    }

    @Transactional
    public DemoRoad create(DemoRoadData d, boolean demo) {
        access.requireOffice("roads-demo-road", String.valueOf(d.name()));
        List<Criterion> criteria = check(d, null);
        Status status = d.status() == null ? Status.PLANNED : d.status();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_demo_road (name, route_code, town_code, length_km, theme, status, opened_on, demo)
                values (:n, :r, :t, :l, :th, :s, :on, :d)""")
                .param("n", d.name().trim()).param("r", RoadStaff.blank(d.routeCode())).param("t", d.townCode())
                .param("l", d.lengthKm()).param("th", RoadStaff.blank(d.theme())).param("s", status.name())
                .param("on", openedOn(status, d.openedOn())).param("d", demo).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        criteria(id, criteria);
        DemoRoad road = road(id);
        audit.created("roads-demo-road", String.valueOf(id), road);
        events.publishEvent(new RoadRegister.RegisterChanged("demo-road"));
        return road;
    }

    /** Changes a road, its checklist and its status as read at {@code version}; it opens only with every criterion met. */
    @Transactional
    public DemoRoad update(long id, DemoRoadData d, int version) {
        access.requireOffice("roads-demo-road", String.valueOf(id));
        DemoRoad before = road(id);
        List<Criterion> criteria = check(d, id);
        Status status = d.status() == null ? before.status() : d.status();
        int n = jdbc.sql("""
                update roads_demo_road set name = :n, route_code = :r, town_code = :t, length_km = :l, theme = :th,
                       status = :s, opened_on = :on, version = version + 1
                 where id = :id and version = :v""")
                .param("n", d.name().trim()).param("r", RoadStaff.blank(d.routeCode())).param("t", d.townCode())
                .param("l", d.lengthKm()).param("th", RoadStaff.blank(d.theme())).param("s", status.name())
                .param("on", openedOn(status, d.openedOn() == null ? before.openedOn() : d.openedOn()))
                .param("id", id).param("v", version).update();
        if (n == 0) {
            throw new ConflictException("error.stale-version");
        }
        jdbc.sql("delete from roads_demo_criterion where demo_road_id = :id").param("id", id).update();
        criteria(id, criteria);
        DemoRoad after = road(id);
        audit.updated("roads-demo-road", String.valueOf(id), before, after);
        events.publishEvent(new RoadRegister.RegisterChanged("demo-road"));
        return after;
    }

    private @Nullable LocalDate openedOn(Status status, @Nullable LocalDate given) {
        return status == Status.OPEN ? (given == null ? LocalDate.now(clock) : given) : null;
    }

    /** Every reason the road cannot be taken; answers its checklist without blank lines, numbered from 1. */
    private List<Criterion> check(DemoRoadData d, @Nullable Long self) {
        List<InvalidInputException.Violation> v = new ArrayList<>();
        if (d.name() == null || d.name().isBlank() || d.name().trim().length() > 200) {
            v.add(new InvalidInputException.Violation("name", "roads.error.name"));
        } else if (jdbc.sql("select count(*) from roads_demo_road where name = :n and id <> :id").param("n", d.name().trim())
                .param("id", self == null ? -1 : self).query(Long.class).single() > 0) {
            v.add(new InvalidInputException.Violation("name", "roads.error.demo-road-name-taken", d.name().trim()));
        }
        String route = RoadStaff.blank(d.routeCode());
        if (route != null && jdbc.sql("select count(*) from roads_route where code = :c").param("c", route)
                .query(Long.class).single() == 0) {
            v.add(new InvalidInputException.Violation("routeCode", "roads.error.route-not-found", route));
        }
        if (d.townCode() == null || organisation.townLevelUnits().stream().noneMatch(u -> u.code().equals(d.townCode()))) {
            v.add(new InvalidInputException.Violation("townCode", "roads.error.town", d.townCode()));
        }
        if (d.lengthKm() == null || d.lengthKm().signum() <= 0 || d.lengthKm().compareTo(BigDecimal.valueOf(10_000)) > 0
                || d.lengthKm().stripTrailingZeros().scale() > 3) {
            v.add(new InvalidInputException.Violation("lengthKm", "roads.error.length"));
        }
        if (d.theme() != null && d.theme().length() > 500) {
            v.add(new InvalidInputException.Violation("theme", "roads.error.too-long", 500));
        }
        List<Criterion> criteria = new ArrayList<>();
        for (Criterion c : d.criteria()) {
            String label = RoadStaff.blank(c.label());
            if (label == null) {
                continue;
            }
            if (label.length() > 300) {
                v.add(new InvalidInputException.Violation("criteria", "roads.error.too-long", 300));
            }
            criteria.add(new Criterion(criteria.size() + 1, label, c.met()));
        }
        if (criteria.isEmpty()) {
            v.add(new InvalidInputException.Violation("criteria", "roads.error.criteria-required"));
        }
        long unmet = criteria.stream().filter(c -> !c.met()).count();
        if (d.status() == Status.OPEN && unmet > 0) {
            v.add(new InvalidInputException.Violation("status", "roads.error.criteria-unmet",
                    d.name() == null ? "" : d.name().trim(), unmet));
        }
        if (d.openedOn() != null && d.openedOn().isAfter(LocalDate.now(clock))) {
            v.add(new InvalidInputException.Violation("openedOn", "roads.error.future"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return criteria;
    }

    private void criteria(long id, List<Criterion> criteria) {
        for (Criterion c : criteria) {
            jdbc.sql("insert into roads_demo_criterion (demo_road_id, position, label, met) values (:id, :p, :l, :m)")
                    .param("id", id).param("p", c.position()).param("l", c.label()).param("m", c.met()).update();
        }
    }

    @Transactional
    public DemoRoad check(long id, int position, boolean met) {
        access.requireOffice("roads-demo-road", String.valueOf(id));
        DemoRoad before = road(id);
        if (jdbc.sql("update roads_demo_criterion set met = :m where demo_road_id = :id and position = :p")
                .param("m", met).param("id", id).param("p", position).update() == 0) {
            throw new NotFoundException("roads.error.criterion-not-found", position);
        }
        DemoRoad after = road(id);
        audit.updated("roads-demo-road", String.valueOf(id), before, after);
        return after;
    }

    /** Moves a road on; it opens only with every criterion met, on the day given (today if none). */
    @Transactional
    public DemoRoad status(long id, Status status, @Nullable LocalDate openedOn) {
        access.requireOffice("roads-demo-road", String.valueOf(id));
        DemoRoad before = road(id);
        if (status == Status.OPEN && before.met() < before.criteria().size()) {
            throw new ConflictException("roads.error.criteria-unmet", before.name(), before.criteria().size() - before.met());
        }
        LocalDate on = status == Status.OPEN ? (openedOn == null ? LocalDate.now(clock) : openedOn) : null;
        jdbc.sql("update roads_demo_road set status = :s, opened_on = :on, version = version + 1 where id = :id")
                .param("s", status.name()).param("on", on).param("id", id).update();
        DemoRoad after = road(id);
        audit.updated("roads-demo-road", String.valueOf(id), before, after);
        events.publishEvent(new RoadRegister.RegisterChanged("demo-road"));
        return after;
    }

    public List<DemoRoad> roads() {
        List<Long> ids = jdbc.sql("select id from roads_demo_road order by id").query(Long.class).list();
        List<DemoRoad> all = new ArrayList<>();
        ids.forEach(id -> all.add(road(id)));
        return all;
    }

    public DemoRoad road(long id) {
        List<Criterion> criteria = jdbc.sql("select * from roads_demo_criterion where demo_road_id = :id order by position")
                .param("id", id).query((rs, n) -> new Criterion(rs.getInt("position"), rs.getString("label"), rs.getBoolean("met")))
                .list();
        return jdbc.sql("select * from roads_demo_road where id = :id").param("id", id)
                .query((rs, n) -> new DemoRoad(rs.getLong("id"), rs.getString("name"), rs.getString("route_code"),
                        rs.getString("town_code"), rs.getBigDecimal("length_km"), rs.getString("theme"),
                        Status.valueOf(rs.getString("status")), rs.getObject("opened_on", LocalDate.class),
                        rs.getBoolean("demo"), rs.getInt("version"), criteria))
                .optional().orElseThrow(() -> new NotFoundException("roads.error.demo-road-not-found", id));
    }

    /** Open demonstration roads by town ("" city-wide). */
    public Map<String, BigDecimal> openByTown(LocalDate on) {
        Map<String, BigDecimal> n = new LinkedHashMap<>();
        n.put("", BigDecimal.ZERO);
        for (DemoRoad r : roads()) {
            if (r.status() == Status.OPEN && r.openedOn() != null && !r.openedOn().isAfter(on)) {
                n.merge(r.townCode(), BigDecimal.ONE, BigDecimal::add);
                n.merge("", BigDecimal.ONE, BigDecimal::add);
            }
        }
        return n;
    }
}
