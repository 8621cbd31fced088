package org.gongjian.roads;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
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
    private final Clock clock;

    DemoRoads(JdbcClient jdbc, RoadAccess access, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public DemoRoad create(String name, @Nullable String routeCode, String townCode, BigDecimal lengthKm,
            @Nullable String theme, List<String> criteria, boolean demo) {
        access.requireOffice("roads-demo-road", name);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "roads.error.name");
        }
        if (criteria.isEmpty()) {
            throw new InvalidInputException("criteria", "roads.error.criteria-required");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_demo_road (name, route_code, town_code, length_km, theme, status, demo)
                values (:n, :r, :t, :l, :th, 'PLANNED', :d)""")
                .param("n", name.trim()).param("r", routeCode).param("t", townCode).param("l", lengthKm)
                .param("th", theme).param("d", demo).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (int i = 0; i < criteria.size(); i++) {
            jdbc.sql("insert into roads_demo_criterion (demo_road_id, position, label, met) values (:id, :p, :l, false)")
                    .param("id", id).param("p", i + 1).param("l", criteria.get(i)).update();
        }
        DemoRoad road = road(id);
        audit.created("roads-demo-road", String.valueOf(id), road);
        return road;
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
