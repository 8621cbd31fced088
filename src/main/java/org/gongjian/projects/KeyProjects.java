package org.gongjian.projects;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gongjian.audit.AuditLog;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.projects.KeyProject.Category;
import org.gongjian.projects.KeyProject.Funding;
import org.gongjian.projects.KeyProject.Level;
import org.gongjian.projects.KeyProject.Nature;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.Pages;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project register: register and update key projects (the office) and their annual plans with an optional
 * cumulative monthly curve; list and filter them for everyone who reads the ledger. Milestones are in
 * {@link ProjectMilestones}.
 */
@Service
@Transactional(readOnly = true)
public class KeyProjects {

    static final Pattern ELEMENT = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");
    private static final String ENTITY = "projects-project";

    /** What the office enters for a project; land in 亩 or 公顷 as entered. */
    public record NewProject(String code, String name, Set<Level> levels, Category category, Nature nature,
            @Nullable String industry, String townCode, @Nullable String park, @Nullable String ownerUscc,
            String responsibleUnit, @Nullable String leader, @Nullable BigDecimal landArea, @Nullable UnitOfMeasure landUnit,
            BigDecimal totalInvestment, @Nullable BigDecimal investedBefore, int startYear, int endYear,
            @Nullable BigDecimal expectedOutput, @Nullable BigDecimal expectedTax, @Nullable Integer expectedJobs,
            @Nullable String layoutElement, List<Funding> funding) {

        /** Missing parts of a request body become empty, so that the check reports each as a field error. */
        public NewProject {
            code = code == null ? "" : code;
            name = name == null ? "" : name;
            levels = levels == null ? Set.of() : Set.copyOf(levels);
            townCode = townCode == null ? "" : townCode;
            responsibleUnit = responsibleUnit == null ? "" : responsibleUnit;
            funding = funding == null ? List.of() : List.copyOf(funding);
        }
    }

    /** Filters of the list; {@code leader} keeps a leader's own projects (我的项目). */
    public record Filter(@Nullable String text, @Nullable String town, @Nullable Category category, @Nullable Nature nature,
            @Nullable String leader, @Nullable String layoutElement) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    /** A year's plan: planned investment (元), content, and the cumulative curve by month (empty without one). */
    public record Plan(long projectId, int year, BigDecimal planned, @Nullable String content, Map<Integer, BigDecimal> curve,
            int version) {
    }

    /** Published after any change of the register, plans or milestones. */
    public record ProjectsChanged(long projectId) {
    }

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final Enterprises enterprises;
    private final Accounts accounts;
    private final ProjectAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    KeyProjects(JdbcClient jdbc, Organisation organisation, Enterprises enterprises, Accounts accounts,
            ProjectAccess access, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.enterprises = enterprises;
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // --- the register ---------------------------------------------------------------------------

    public List<KeyProject> all() {
        List<KeyProject> rows = jdbc.sql("select * from projects_project order by code").query(this::row).list();
        Map<Long, List<Funding>> funding = new HashMap<>();
        jdbc.sql("select project_id, source, amount from projects_funding order by project_id, source")
                .query((rs, n) -> funding.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Funding(KeyProject.Source.valueOf(rs.getString(2)), rs.getBigDecimal(3))))
                .list();
        return rows.stream().map(p -> withFunding(p, funding.getOrDefault(p.id(), List.of()))).toList();
    }

    public KeyProject byId(long id) {
        KeyProject p = jdbc.sql("select * from projects_project where id = :id").param("id", id).query(this::row)
                .optional().orElseThrow(() -> new NotFoundException("projects.error.not-found", id));
        return withFunding(p, jdbc.sql("select source, amount from projects_funding where project_id = :id order by source")
                .param("id", id).query((rs, n) -> new Funding(KeyProject.Source.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
                .list());
    }

    public KeyProject byCode(String code) {
        Long id = jdbc.sql("select id from projects_project where code = :c").param("c", ProjectCode.normalise(code))
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("projects.error.not-found", code));
        return byId(id);
    }

    /** The list, filtered, in code order. */
    public Page<KeyProject> search(Filter filter, Pageable pageable) {
        return Pages.of(filter(filter), pageable);
    }

    public List<KeyProject> filter(Filter f) {
        String text = f.text() == null || f.text().isBlank() ? null : f.text().trim().toLowerCase(Locale.ROOT);
        return all().stream()
                .filter(p -> text == null || p.name().toLowerCase(Locale.ROOT).contains(text) || p.code().contains(text))
                .filter(p -> f.town() == null || f.town().isBlank() || f.town().equals(p.townCode()))
                .filter(p -> f.category() == null || f.category() == p.category())
                .filter(p -> f.nature() == null || f.nature() == p.nature())
                .filter(p -> f.leader() == null || f.leader().equals(p.leader()))
                .filter(p -> f.layoutElement() == null || f.layoutElement().isBlank()
                        || f.layoutElement().equals(p.layoutElement()))
                .toList();
    }

    @Transactional
    public KeyProject register(NewProject data, boolean demo) {
        access.requireOffice(ENTITY, data.code());
        String code = ProjectCode.normalise(data.code());
        check(data, code, null);
        String user = access.actor().username();
        jdbc.sql("""
                insert into projects_project (code, name, levels, category, nature, industry, town_code, park, owner_uscc,
                    responsible_unit, leader_username, land_mu, total_investment, invested_before, start_year, end_year,
                    expected_output, expected_tax, expected_jobs, layout_element, demo, version, created_at, created_by)
                values (:code, :name, :levels, :category, :nature, :industry, :town, :park, :owner, :unit, :leader, :land,
                    :total, :before, :from, :to, :output, :tax, :jobs, :element, :demo, 0, :at, :by)""")
                .params(columns(data, code)).param("demo", demo).param("at", Timestamp.from(Instant.now(clock)))
                .param("by", user).update();
        KeyProject created = byCode(code);
        writeFunding(created.id(), data.funding());
        audit.created(ENTITY, code, data);
        events.publishEvent(new ProjectsChanged(created.id()));
        return byId(created.id());
    }

    @Transactional
    public KeyProject update(long id, NewProject data, @Nullable Integer expectedVersion) {
        KeyProject before = byId(id);
        access.requireOffice(ENTITY, before.code());
        String code = ProjectCode.normalise(data.code());
        check(data, code, id);
        int version = expectedVersion == null ? before.version() : expectedVersion;
        int updated = jdbc.sql("""
                update projects_project set code = :code, name = :name, levels = :levels, category = :category,
                    nature = :nature, industry = :industry, town_code = :town, park = :park, owner_uscc = :owner,
                    responsible_unit = :unit, leader_username = :leader, land_mu = :land, total_investment = :total,
                    invested_before = :before, start_year = :from, end_year = :to, expected_output = :output,
                    expected_tax = :tax, expected_jobs = :jobs, layout_element = :element, version = version + 1
                 where id = :id and version = :version""")
                .params(columns(data, code)).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("error.stale-version", before.code());
        }
        jdbc.sql("delete from projects_funding where project_id = :id").param("id", id).update();
        writeFunding(id, data.funding());
        audit.updated(ENTITY, code, before, data);
        events.publishEvent(new ProjectsChanged(id));
        return byId(id);
    }

    private Map<String, Object> columns(NewProject d, String code) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("name", d.name().trim());
        m.put("levels", d.levels().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        m.put("category", d.category().name());
        m.put("nature", d.nature().name());
        m.put("industry", blank(d.industry()));
        m.put("town", d.townCode());
        m.put("park", blank(d.park()));
        m.put("owner", d.ownerUscc() == null || d.ownerUscc().isBlank() ? null
                : org.gongjian.enterprise.Uscc.normalise(d.ownerUscc()));
        m.put("unit", d.responsibleUnit());
        m.put("leader", blank(d.leader()));
        m.put("land", landMu(d.landArea(), d.landUnit()));
        m.put("total", d.totalInvestment());
        m.put("before", d.investedBefore() == null ? BigDecimal.ZERO : d.investedBefore());
        m.put("from", d.startYear());
        m.put("to", d.endYear());
        m.put("output", d.expectedOutput());
        m.put("tax", d.expectedTax());
        m.put("jobs", d.expectedJobs());
        m.put("element", blank(d.layoutElement()));
        return m;
    }

    /** Land in 亩, exactly: 公顷 × 15. */
    static @Nullable BigDecimal landMu(@Nullable BigDecimal area, @Nullable UnitOfMeasure unit) {
        if (area == null) {
            return null;
        }
        return unit == UnitOfMeasure.HECTARES ? area.multiply(KeyProject.MU_PER_HECTARE) : area;
    }

    private void check(NewProject d, String code, @Nullable Long id) {
        List<Violation> v = new ArrayList<>();
        if (!ProjectCode.valid(code)) {
            v.add(new Violation("code", "projects.error.code", code));
        } else if (jdbc.sql("select count(*) from projects_project where code = :c and id <> :id").param("c", code)
                .param("id", id == null ? -1L : id).query(Long.class).single() > 0) {
            v.add(new Violation("code", "projects.error.code-taken", code));
        }
        if (d.name().isBlank() || d.name().length() > 200) {
            v.add(new Violation("name", "projects.error.name"));
        }
        if (d.levels().isEmpty()) {
            v.add(new Violation("levels", "projects.error.levels"));
        }
        if (d.category() == null) {
            v.add(new Violation("category", "projects.error.category"));
        }
        if (d.nature() == null) {
            v.add(new Violation("nature", "projects.error.nature"));
        }
        if (organisation.townLevelUnits().stream().noneMatch(u -> u.code().equals(d.townCode()))) {
            v.add(new Violation("townCode", "projects.error.town", d.townCode()));
        }
        if (d.responsibleUnit().isBlank() || organisation.findByCode(d.responsibleUnit()).isEmpty()) {
            v.add(new Violation("responsibleUnit", "projects.error.unit", d.responsibleUnit()));
        }
        if (d.ownerUscc() != null && !d.ownerUscc().isBlank() && enterprises.findByUscc(d.ownerUscc()).isEmpty()) {
            v.add(new Violation("ownerUscc", "projects.error.owner", d.ownerUscc()));
        }
        if (d.leader() != null && !d.leader().isBlank() && accounts.findByUsername(d.leader()).isEmpty()) {
            v.add(new Violation("leader", "projects.error.leader", d.leader()));
        }
        if (d.landArea() != null && (d.landArea().signum() < 0 || d.landArea().scale() > 4
                || (d.landUnit() != UnitOfMeasure.MU && d.landUnit() != UnitOfMeasure.HECTARES))) {
            v.add(new Violation("landArea", "projects.error.land"));
        }
        if (d.totalInvestment() == null || d.totalInvestment().signum() <= 0) {
            v.add(new Violation("totalInvestment", "projects.error.total"));
        }
        if (d.investedBefore() != null && (d.investedBefore().signum() < 0
                || (d.totalInvestment() != null && d.investedBefore().compareTo(d.totalInvestment()) > 0))) {
            v.add(new Violation("investedBefore", "projects.error.invested-before"));
        }
        if (d.startYear() < 2000 || d.endYear() > 2100 || d.endYear() < d.startYear()) {
            v.add(new Violation("endYear", "projects.error.years"));
        }
        if (d.layoutElement() != null && !d.layoutElement().isBlank()
                && (d.layoutElement().length() > 32 || !ELEMENT.matcher(d.layoutElement()).matches())) {
            v.add(new Violation("layoutElement", "projects.error.element", d.layoutElement()));
        }
        if (!d.funding().isEmpty()) {
            BigDecimal sum = BigDecimal.ZERO;
            Set<KeyProject.Source> seen = EnumSet.noneOf(KeyProject.Source.class);
            for (Funding f : d.funding()) {
                if (f.source() == null || f.amount() == null || f.amount().signum() <= 0 || !seen.add(f.source())) {
                    v.add(new Violation("funding", "projects.error.funding-item"));
                    break;
                }
                sum = sum.add(f.amount());
            }
            if (d.totalInvestment() != null && sum.compareTo(d.totalInvestment()) != 0) {
                v.add(new Violation("funding", "projects.error.funding-sum"));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private void writeFunding(long id, List<Funding> funding) {
        for (Funding f : funding) {
            jdbc.sql("insert into projects_funding (project_id, source, amount) values (:p, :s, :a)").param("p", id)
                    .param("s", f.source().name()).param("a", f.amount()).update();
        }
    }

    // --- annual plans -----------------------------------------------------------------------------

    public @Nullable Plan plan(long projectId, int year) {
        return plans(year).get(projectId);
    }

    /** Every project's plan of a year, by project. */
    public Map<Long, Plan> plans(int year) {
        Map<Long, TreeMap<Integer, BigDecimal>> curves = new HashMap<>();
        jdbc.sql("select project_id, plan_month, cumulative from projects_plan_month where plan_year = :y").param("y", year)
                .query((rs, n) -> curves.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getInt(2), rs.getBigDecimal(3)))
                .list();
        Map<Long, Plan> plans = new LinkedHashMap<>();
        jdbc.sql("select project_id, planned, content, version from projects_plan where plan_year = :y order by project_id")
                .param("y", year)
                .query((rs, n) -> plans.put(rs.getLong(1), new Plan(rs.getLong(1), year, rs.getBigDecimal(2), rs.getString(3),
                        Map.copyOf(curves.getOrDefault(rs.getLong(1), new TreeMap<>())), rs.getInt(4))))
                .list();
        return plans;
    }

    /**
     * Sets a year's plan. A curve, when given, has the cumulative planned investment at the end of each of the
     * twelve months, never falling, and ends at the year's planned investment.
     */
    @Transactional
    public Plan setPlan(long projectId, int year, BigDecimal planned, @Nullable String content, List<BigDecimal> curve) {
        return setPlan(projectId, year, planned, content, curve, null);
    }

    /**
     * Sets a year's plan as {@link #setPlan(long, int, BigDecimal, String, List)} does, refused when the plan changed
     * since it was read: {@code expectedVersion} is the version read, or -1 when there was no plan yet.
     */
    @Transactional
    public Plan setPlan(long projectId, int year, BigDecimal planned, @Nullable String content, List<BigDecimal> curve,
            @Nullable Integer expectedVersion) {
        KeyProject p = byId(projectId);
        access.requireOffice(ENTITY, p.code());
        List<Violation> v = new ArrayList<>();
        if (planned == null || planned.signum() <= 0) {
            v.add(new Violation("planned", "projects.error.planned"));
        }
        if (year < p.startYear() || year > p.endYear()) {
            v.add(new Violation("year", "projects.error.plan-year", String.valueOf(p.startYear()), String.valueOf(p.endYear())));
        }
        if (!curve.isEmpty()) {
            boolean rising = curve.size() == 12;
            for (int m = 0; rising && m < 12; m++) {
                rising = curve.get(m) != null && curve.get(m).signum() >= 0 && (m == 0 || curve.get(m).compareTo(curve.get(m - 1)) >= 0);
            }
            if (!rising || planned == null || curve.get(11).compareTo(planned) != 0) {
                v.add(new Violation("curve", "projects.error.curve"));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        Plan before = plan(projectId, year);
        if (expectedVersion != null && expectedVersion != (before == null ? -1 : before.version())) {
            throw new ConflictException("error.stale-version", p.code() + "/" + year);
        }
        if (before == null) {
            jdbc.sql("insert into projects_plan (project_id, plan_year, planned, content, version) values (:p, :y, :v, :c, 0)")
                    .param("p", projectId).param("y", year).param("v", planned).param("c", blank(content)).update();
        } else {
            jdbc.sql("update projects_plan set planned = :v, content = :c, version = version + 1 where project_id = :p and plan_year = :y")
                    .param("p", projectId).param("y", year).param("v", planned).param("c", blank(content)).update();
            jdbc.sql("delete from projects_plan_month where project_id = :p and plan_year = :y").param("p", projectId)
                    .param("y", year).update();
        }
        for (int m = 0; m < curve.size(); m++) {
            jdbc.sql("insert into projects_plan_month (project_id, plan_year, plan_month, cumulative) values (:p, :y, :m, :c)")
                    .param("p", projectId).param("y", year).param("m", m + 1).param("c", curve.get(m)).update();
        }
        Plan after = plan(projectId, year);
        audit.updated("projects-plan", p.code() + "/" + year, before == null ? "-" : before, after);
        events.publishEvent(new ProjectsChanged(projectId));
        return after;
    }

    // --- rows ------------------------------------------------------------------------------------------

    private KeyProject row(ResultSet rs, int n) throws SQLException {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        Arrays.stream(rs.getString("levels").split(",")).filter(s -> !s.isBlank()).forEach(s -> levels.add(Level.valueOf(s)));
        return new KeyProject(rs.getLong("id"), rs.getString("code"), rs.getString("name"), levels,
                Category.valueOf(rs.getString("category")), Nature.valueOf(rs.getString("nature")), rs.getString("industry"),
                rs.getString("town_code"), rs.getString("park"), rs.getString("owner_uscc"), rs.getString("responsible_unit"),
                rs.getString("leader_username"), rs.getBigDecimal("land_mu"), rs.getBigDecimal("total_investment"),
                rs.getBigDecimal("invested_before"), rs.getInt("start_year"), rs.getInt("end_year"),
                rs.getBigDecimal("expected_output"), rs.getBigDecimal("expected_tax"),
                (Integer) rs.getObject("expected_jobs", Integer.class), rs.getString("layout_element"), List.of(),
                rs.getBoolean("demo"), rs.getInt("version"));
    }

    private static KeyProject withFunding(KeyProject p, List<Funding> funding) {
        return new KeyProject(p.id(), p.code(), p.name(), p.levels(), p.category(), p.nature(), p.industry(), p.townCode(),
                p.park(), p.ownerUscc(), p.responsibleUnit(), p.leader(), p.landMu(), p.totalInvestment(), p.investedBefore(),
                p.startYear(), p.endYear(), p.expectedOutput(), p.expectedTax(), p.expectedJobs(), p.layoutElement(),
                List.copyOf(funding), p.demo(), p.version());
    }

    static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
