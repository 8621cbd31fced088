package org.gongjian.industry;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.gongjian.audit.AuditLog;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.organisation.Organisation;
import org.gongjian.programme.Indicator;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Industry plans: the plan, its targets with their yearly paths, and its layout's elements with the firms
 * linked to them. A layout element's completion feeds {@code industry.layout-built.<plan>.<kind>}.
 */
@Service
@Transactional(readOnly = true)
public class Plans {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final Set<String> GEOMETRY_TYPES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString",
            "Polygon", "MultiPolygon", "Feature", "FeatureCollection");
    private static final int MAX_GEOMETRY_CHARS = 500_000;

    private final JdbcClient jdbc;
    private final IndustryCatalogue catalogue;
    private final IndustryAccess access;
    private final Enterprises enterprises;
    private final Organisation organisation;
    private final TargetManagement targets;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    Plans(JdbcClient jdbc, IndustryCatalogue catalogue, IndustryAccess access, Enterprises enterprises,
            Organisation organisation, TargetManagement targets, AuditLog audit, ApplicationEventPublisher events,
            JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.access = access;
        this.enterprises = enterprises;
        this.organisation = organisation;
        this.targets = targets;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Today by the application's clock (the demo leaves a layout element unbuilt when its date is still to come). */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    public static String layoutBuilt(String planCode, ElementKind kind) {
        return "industry.layout-built." + planCode + "." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    public List<Plan> all() {
        return jdbc.sql("select * from industry_plan order by issued_on desc, code").query(Plans::plan).list();
    }

    public Plan plan(String code) {
        return jdbc.sql("select * from industry_plan where code = :c").param("c", code).query(Plans::plan).optional()
                .orElseThrow(() -> new NotFoundException("industry.error.plan-not-found", code));
    }

    @Transactional
    public Plan create(PlanData data, boolean demo) {
        access.checkManage();
        List<Violation> v = new ArrayList<>();
        if (data.code() == null || !CODE.matcher(data.code()).matches()) {
            v.add(new Violation("code", "industry.error.code"));
        }
        if (blank(data.name(), 200)) {
            v.add(new Violation("name", "industry.error.name"));
        }
        if (data.sectorCode() == null || catalogue.sectors().stream().noneMatch(s -> s.code().equals(data.sectorCode()))) {
            v.add(new Violation("sectorCode", "industry.error.sector", String.valueOf(data.sectorCode())));
        }
        if (blank(data.issuer(), 100)) {
            v.add(new Violation("issuer", "industry.error.issuer"));
        }
        if (data.issuedOn() == null) {
            v.add(new Violation("issuedOn", "industry.error.required"));
        }
        if (data.startYear() == null || data.horizonYear() == null || data.startYear() < 2000
                || data.horizonYear() <= data.startYear() || data.horizonYear() > 2100) {
            v.add(new Violation("horizonYear", "industry.error.horizon"));
        }
        if (v.isEmpty() && jdbc.sql("select count(*) from industry_plan where code = :c").param("c", data.code())
                .query(Integer.class).single() > 0) {
            throw new ConflictException("industry.error.plan-duplicate", data.code());
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.sql("""
                insert into industry_plan (code, name, sector_code, issuer, issued_on, start_year, horizon_year,
                    layout_motto, directions, demo, version, created_at, updated_at)
                values (:code, :name, :sector, :issuer, :issued, :start, :horizon, :motto, :directions, :demo, 0, :now, :now)""")
                .param("code", data.code()).param("name", data.name().trim()).param("sector", data.sectorCode())
                .param("issuer", data.issuer().trim()).param("issued", data.issuedOn()).param("start", data.startYear())
                .param("horizon", data.horizonYear()).param("motto", data.layoutMotto()).param("directions", data.directions()).param("demo", demo)
                .param("now", now).update();
        Plan plan = plan(data.code());
        audit.created("industry-plan", plan.code(), plan);
        return plan;
    }

    public List<PlanTarget> targets(Plan plan) {
        Map<Long, Map<Integer, BigDecimal>> points = new HashMap<>();
        jdbc.sql("""
                select p.target_id, p.point_year, p.point_value from industry_plan_point p
                join industry_plan_target t on t.id = p.target_id where t.plan_id = :id order by p.point_year""")
                .param("id", plan.id())
                .query((rs, n) -> points.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getInt(2),
                        rs.getBigDecimal(3)))
                .list();
        return jdbc.sql("select * from industry_plan_target where plan_id = :id order by id").param("id", plan.id())
                .query((rs, n) -> new PlanTarget(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("indicator_code"), UnitOfMeasure.valueOf(rs.getString("unit")),
                        rs.getInt("baseline_year"), rs.getBigDecimal("baseline_value"), rs.getInt("target_year"),
                        rs.getBigDecimal("target_value"), PathKind.valueOf(rs.getString("path_kind")),
                        points.getOrDefault(rs.getLong("id"), Map.of())))
                .list();
    }

    /** Adds a target to a plan; its indicator must be in the programme's catalogue, its path must be computable. */
    @Transactional
    public PlanTarget addTarget(String planCode, PlanTargetData d) {
        access.checkManage();
        Plan plan = plan(planCode);
        List<Violation> v = new ArrayList<>();
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            v.add(new Violation("code", "industry.error.code"));
        } else if (targets(plan).stream().anyMatch(t -> t.code().equals(d.code()))) {
            v.add(new Violation("code", "industry.error.target-duplicate", d.code()));
        }
        if (blank(d.name(), 200)) {
            v.add(new Violation("name", "industry.error.name"));
        }
        Indicator indicator = d.indicatorCode() == null ? null : targets.indicator(d.indicatorCode()).orElse(null);
        if (indicator == null) {
            v.add(new Violation("indicatorCode", "industry.error.indicator", String.valueOf(d.indicatorCode())));
        } else if (d.unit() != null && indicator.unit() != d.unit()) {
            v.add(new Violation("unit", "industry.error.unit", indicator.unit().zh()));
        }
        if (d.unit() == null) {
            v.add(new Violation("unit", "industry.error.required"));
        }
        if (d.baselineYear() == null || d.targetYear() == null || d.targetYear() <= d.baselineYear()
                || d.baselineYear() < 2000 || d.targetYear() > 2100) {
            v.add(new Violation("targetYear", "industry.error.target-years"));
        }
        if (d.baselineValue() == null || d.baselineValue().signum() < 0) {
            v.add(new Violation("baselineValue", "industry.error.value"));
        }
        if (d.targetValue() == null || d.targetValue().signum() < 0) {
            v.add(new Violation("targetValue", "industry.error.value"));
        }
        if (d.pathKind() == null) {
            v.add(new Violation("pathKind", "industry.error.required"));
        } else if (d.pathKind() == PathKind.COMPOUND && d.baselineValue() != null && d.baselineValue().signum() == 0) {
            v.add(new Violation("baselineValue", "industry.error.compound-baseline"));
        }
        Map<Integer, BigDecimal> points = d.points() == null ? Map.of() : d.points();
        if (d.pathKind() == PathKind.POINTS && points.isEmpty() && v.isEmpty()) {
            v.add(new Violation("points", "industry.error.points-empty"));
        }
        for (var p : points.entrySet()) {
            if (d.baselineYear() != null && d.targetYear() != null
                    && (p.getKey() <= d.baselineYear() || p.getKey() > d.targetYear())
                    || p.getValue() == null || p.getValue().signum() < 0) {
                v.add(new Violation("points[" + p.getKey() + "]", "industry.error.point", String.valueOf(p.getKey())));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        jdbc.sql("""
                insert into industry_plan_target (plan_id, code, name, indicator_code, unit, baseline_year, baseline_value,
                    target_year, target_value, path_kind)
                values (:plan, :code, :name, :indicator, :unit, :by, :bv, :ty, :tv, :kind)""")
                .param("plan", plan.id()).param("code", d.code()).param("name", d.name().trim())
                .param("indicator", d.indicatorCode()).param("unit", d.unit().name()).param("by", d.baselineYear())
                .param("bv", d.baselineValue()).param("ty", d.targetYear()).param("tv", d.targetValue())
                .param("kind", d.pathKind().name()).update();
        long id = jdbc.sql("select id from industry_plan_target where plan_id = :p and code = :c").param("p", plan.id())
                .param("c", d.code()).query(Long.class).single();
        points.forEach((year, value) -> jdbc.sql(
                "insert into industry_plan_point (target_id, point_year, point_value) values (:t, :y, :v)")
                .param("t", id).param("y", year).param("v", value).update());
        PlanTarget saved = targets(plan).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
        audit.created("industry-plan-target", plan.code() + "/" + saved.code(), saved);
        return saved;
    }

    public List<LayoutElement> elements(Plan plan) {
        Map<Long, List<Long>> firms = new HashMap<>();
        jdbc.sql("""
                select f.element_id, f.enterprise_id from industry_layout_firm f
                join industry_layout_element e on e.id = f.element_id where e.plan_id = :id order by f.enterprise_id""")
                .param("id", plan.id())
                .query((rs, n) -> firms.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        return jdbc.sql("select * from industry_layout_element where plan_id = :id order by id").param("id", plan.id())
                .query((rs, n) -> element(rs, firms.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    /** Adds an element to a plan's layout; firms are named by credit code and must be in the register. */
    @Transactional
    public LayoutElement addElement(String planCode, ElementData d) {
        access.checkManage();
        Plan plan = plan(planCode);
        List<Violation> v = new ArrayList<>();
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            v.add(new Violation("code", "industry.error.code"));
        } else if (jdbc.sql("select count(*) from industry_layout_element where code = :c").param("c", d.code())
                .query(Integer.class).single() > 0) {
            v.add(new Violation("code", "industry.error.element-duplicate", d.code()));
        }
        if (blank(d.name(), 200)) {
            v.add(new Violation("name", "industry.error.name"));
        }
        if (d.kind() == null) {
            v.add(new Violation("kind", "industry.error.required"));
        }
        if (d.townCode() != null && !d.townCode().isBlank() && organisation.findByCode(d.townCode()).isEmpty()) {
            v.add(new Violation("townCode", "industry.error.town", d.townCode()));
        }
        if (d.geometry() != null && !d.geometry().isBlank() && !geoJson(d.geometry())) {
            v.add(new Violation("geometry", "industry.error.geometry"));
        }
        if (d.builtOn() != null && d.builtOn().isAfter(LocalDate.now(clock))) {
            v.add(new Violation("builtOn", "industry.error.built-future"));
        }
        List<Long> firmIds = new ArrayList<>();
        List<String> firms = d.firms() == null ? List.of() : d.firms();
        for (int i = 0; i < firms.size(); i++) {
            var found = enterprises.findByUscc(String.valueOf(firms.get(i)));
            if (found.isEmpty()) {
                v.add(new Violation("firms[" + i + "]", "industry.error.firm", String.valueOf(firms.get(i))));
            } else {
                firmIds.add(found.get().id());
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        jdbc.sql("""
                insert into industry_layout_element (plan_id, code, name, kind, town_code, description, geometry, built_on)
                values (:plan, :code, :name, :kind, :town, :description, :geometry, :built)""")
                .param("plan", plan.id()).param("code", d.code()).param("name", d.name().trim())
                .param("kind", d.kind().name()).param("town", d.townCode() == null || d.townCode().isBlank() ? null : d.townCode())
                .param("description", d.description()).param("geometry", d.geometry() == null || d.geometry().isBlank()
                        ? null : d.geometry())
                .param("built", d.builtOn()).update();
        long id = jdbc.sql("select id from industry_layout_element where code = :c").param("c", d.code())
                .query(Long.class).single();
        for (Long firm : new java.util.LinkedHashSet<>(firmIds)) {
            jdbc.sql("insert into industry_layout_firm (element_id, enterprise_id) values (:e, :f)").param("e", id)
                    .param("f", firm).update();
        }
        targets.registerIndicator(new Indicator(layoutBuilt(plan.code(), d.kind()), plan.name() + "建成布局要素（"
                + d.kind().name().toLowerCase(java.util.Locale.ROOT) + "）", null, UnitOfMeasure.PIECES, IndustryFigures.LEDGER,
                "产业台账：规划布局中已建成的该类要素数"));
        LayoutElement saved = elements(plan).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
        audit.created("industry-layout-element", saved.code(), saved);
        events.publishEvent(new IndustryChanged());
        return saved;
    }

    /** Records that an element was completed (建成) on a day, or clears it (null). */
    @Transactional
    public LayoutElement built(String elementCode, @Nullable LocalDate on, @Nullable Integer expectedVersion) {
        access.checkManage();
        LayoutElement before = element(elementCode);
        if (on != null && on.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("builtOn", "industry.error.built-future");
        }
        int n = jdbc.sql("update industry_layout_element set built_on = :d, version = version + 1 where id = :id and version = :v")
                .param("d", on).param("id", before.id())
                .param("v", expectedVersion == null ? before.version() : expectedVersion).update();
        if (n == 0) {
            throw new ConflictException("error.stale-version", elementCode);
        }
        LayoutElement after = element(elementCode);
        audit.updated("industry-layout-element", elementCode, before, after);
        events.publishEvent(new IndustryChanged());
        return after;
    }

    public LayoutElement element(String code) {
        long id = jdbc.sql("select id from industry_layout_element where code = :c").param("c", code).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("industry.error.element-not-found", code));
        long planId = jdbc.sql("select plan_id from industry_layout_element where id = :id").param("id", id)
                .query(Long.class).single();
        return jdbc.sql("select code from industry_plan where id = :id").param("id", planId).query(String.class)
                .optional().map(this::plan).map(this::elements).orElse(List.of()).stream()
                .filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /** Elements built by a day per plan and kind: what {@code industry.layout-built.*} reads. */
    public Map<String, Integer> builtCounts(LocalDate on) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Plan plan : all()) {
            for (LayoutElement e : elements(plan)) {
                String code = layoutBuilt(plan.code(), e.kind());
                counts.merge(code, e.builtOn() != null && !e.builtOn().isAfter(on) ? 1 : 0, Integer::sum);
            }
        }
        return counts;
    }

    /** The firms linked to a plan's elements, by id. */
    public Map<Long, Enterprise> firms(Plan plan) {
        Set<Long> ids = new java.util.HashSet<>();
        elements(plan).forEach(e -> ids.addAll(e.firmIds()));
        return enterprises.byIds(ids);
    }

    private boolean geoJson(String text) {
        if (text.length() > MAX_GEOMETRY_CHARS) {
            return false;
        }
        try {
            JsonNode node = json.readTree(text);
            return node.isObject() && node.has("type") && GEOMETRY_TYPES.contains(node.get("type").asString());
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static boolean blank(@Nullable String s, int max) {
        return s == null || s.isBlank() || s.length() > max;
    }

    private static Plan plan(ResultSet rs, int n) throws SQLException {
        return new Plan(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("sector_code"),
                rs.getString("issuer"), rs.getObject("issued_on", LocalDate.class), rs.getInt("start_year"),
                rs.getInt("horizon_year"), rs.getString("layout_motto"), rs.getString("directions"), rs.getBoolean("demo"), rs.getInt("version"));
    }

    private static LayoutElement element(ResultSet rs, List<Long> firms) throws SQLException {
        return new LayoutElement(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("code"), rs.getString("name"),
                ElementKind.valueOf(rs.getString("kind")), rs.getString("town_code"), rs.getString("description"),
                rs.getString("geometry"), rs.getObject("built_on", LocalDate.class), firms, rs.getInt("version"));
    }
}
