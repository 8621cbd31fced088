package org.gongjian.ecology;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.programme.IndicatorObserved;
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
 * GEP conversion projects: their ecology records and yearly reports. Written by the office and the
 * forestry department (as GEP accounts are), read by everyone with {@code ecology:account:read}. Each
 * change recomputes {@code ecology.farmer-income} for the project's town and the city from the tables
 * (each project's latest reported year) and publishes it as of the day.
 */
@Service
@Transactional(readOnly = true)
public class ConversionProjects {

    /** The national investment-project code: year-area code-industry-type-serial, 24 characters. */
    static final Pattern PROJECT_CODE = Pattern.compile("\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}");
    static final String SOURCE = "ecology-conversion";

    private final JdbcClient jdbc;
    private final GepAccounts accounts;
    private final Organisation organisation;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversionProjects(JdbcClient jdbc, GepAccounts accounts, Organisation organisation, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organisation = organisation;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A new project record; {@code gepAccount}, when given, must be a stored account (its latest total is the area's GEP). */
    public record NewProject(String projectCode, String name, String town, LocalDate startedOn, BigDecimal investment,
            @Nullable String gepAccount, BigDecimal expectedGepChange) {
    }

    @Transactional
    public ConversionProject register(NewProject p, boolean demo) {
        String user = accounts.requireForestry(Permissions.ECOLOGY_ACCOUNT_WRITE, p.projectCode()).username();
        List<Violation> v = new ArrayList<>();
        if (p.projectCode() == null || !PROJECT_CODE.matcher(p.projectCode()).matches()) {
            v.add(new Violation("projectCode", "ecology.conversion.project-code"));
        }
        if (p.name() == null || p.name().isBlank() || p.name().length() > 200) {
            v.add(new Violation("name", "ecology.error.name"));
        }
        if (p.town() == null || organisation.findByCode(p.town()).isEmpty()) {
            v.add(new Violation("town", "ecology.error.unknown-town", p.town()));
        }
        if (p.startedOn() == null) {
            v.add(new Violation("startedOn", "ecology.error.missing-field"));
        }
        nonNegative(v, "investment", p.investment());
        if (p.expectedGepChange() == null) {
            v.add(new Violation("expectedGepChange", "ecology.error.missing-field"));
        }
        BigDecimal areaGep = null;
        if (p.gepAccount() != null && !p.gepAccount().isBlank()) {
            GepAccount a = accounts.find(p.gepAccount()).orElse(null);
            if (a == null) {
                v.add(new Violation("gepAccount", "ecology.error.account-not-found", p.gepAccount()));
            } else {
                areaGep = a.versions().get(a.versions().size() - 1).totalValue();
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (find(p.projectCode()) != null) {
            throw new ConflictException("ecology.conversion.duplicate", p.projectCode());
        }
        jdbc.sql("""
                insert into ecology_conversion_project (project_code, name, town, started_on, investment, gep_account,
                    area_gep, expected_gep_change, demo, created_at, created_by)
                values (:code, :name, :town, :started, :investment, :account, :areaGep, :expected, :demo, :at, :by)""")
                .param("code", p.projectCode()).param("name", p.name().trim()).param("town", p.town())
                .param("started", Date.valueOf(p.startedOn())).param("investment", p.investment())
                .param("account", p.gepAccount()).param("areaGep", areaGep).param("expected", p.expectedGepChange())
                .param("demo", demo).param("at", java.sql.Timestamp.from(Instant.now(clock))).param("by", user)
                .update();
        ConversionProject created = project(p.projectCode());
        audit.created("ecology-conversion-project", p.projectCode(), created);
        return created;
    }

    /** A year's report of a project; a year is reported once. */
    @Transactional
    public ConversionProject report(String projectCode, ConversionProject.Year y) {
        String user = accounts.requireForestry(Permissions.ECOLOGY_ACCOUNT_WRITE, projectCode).username();
        ConversionProject p = project(projectCode);
        List<Violation> v = new ArrayList<>();
        if (y.year() < p.startedOn().getYear() || y.year() > LocalDate.now(clock).getYear()) {
            v.add(new Violation("year", "ecology.conversion.year", String.valueOf(p.startedOn().getYear())));
        }
        if (y.measuredGepChange() == null) {
            v.add(new Violation("measuredGepChange", "ecology.error.missing-field"));
        }
        nonNegative(v, "carbonSink", y.carbonSink());
        nonNegative(v, "farmerIncome", y.farmerIncome());
        nonNegative(v, "collectiveIncome", y.collectiveIncome());
        nonNegative(v, "landRent", y.landRent());
        if (y.jobs() < 0) {
            v.add(new Violation("jobs", "ecology.error.negative", "jobs"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (p.years().stream().anyMatch(x -> x.year() == y.year())) {
            throw new ConflictException("ecology.conversion.year-reported", projectCode, String.valueOf(y.year()));
        }
        LocalDate on = y.reportedOn() == null ? LocalDate.now(clock) : y.reportedOn();
        jdbc.sql("""
                insert into ecology_conversion_year (project_id, report_year, measured_gep_change, carbon_sink,
                    farmer_income, collective_income, jobs, land_rent, reported_on, reported_by)
                select id, :year, :gep, :sink, :farmers, :collective, :jobs, :rent, :on, :by
                from ecology_conversion_project where project_code = :code""")
                .param("year", y.year()).param("gep", y.measuredGepChange()).param("sink", y.carbonSink())
                .param("farmers", y.farmerIncome()).param("collective", y.collectiveIncome()).param("jobs", y.jobs())
                .param("rent", y.landRent()).param("on", Date.valueOf(on)).param("by", user).param("code", projectCode)
                .update();
        jdbc.sql("update ecology_conversion_project set version = version + 1 where project_code = :code")
                .param("code", projectCode).update();
        ConversionProject after = project(projectCode);
        audit.updated("ecology-conversion-project", projectCode, "year " + y.year(), p, after);
        publishFarmerIncome(p.town(), on);
        return after;
    }

    /** Recomputes the farmer income of a town and of the city from the tables and publishes both. */
    void publishFarmerIncome(String town, LocalDate on) {
        Map<String, BigDecimal> byTown = new TreeMap<>();
        for (ConversionProject p : all()) {
            ConversionProject.Year latest = p.latest();
            if (latest != null) {
                byTown.merge(p.town(), latest.farmerIncome(), BigDecimal::add);
            }
        }
        BigDecimal city = byTown.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        events.publishEvent(new IndicatorObserved("ecology.farmer-income", town, on,
                byTown.getOrDefault(town, BigDecimal.ZERO), UnitOfMeasure.YUAN, SOURCE));
        events.publishEvent(new IndicatorObserved("ecology.farmer-income", null, on, city, UnitOfMeasure.YUAN, SOURCE));
    }

    public Page<ConversionProject> list(Pageable pageable) {
        return Pages.of(all(), pageable);
    }

    public ConversionProject project(String projectCode) {
        ConversionProject p = find(projectCode);
        if (p == null) {
            throw new NotFoundException("ecology.conversion.not-found", projectCode);
        }
        return p;
    }

    boolean any() {
        return jdbc.sql("select count(*) from ecology_conversion_project").query(Long.class).single() > 0;
    }

    private @Nullable ConversionProject find(String projectCode) {
        List<ConversionProject> found = read("where p.project_code = :code", projectCode);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<ConversionProject> all() {
        return read("", null);
    }

    private List<ConversionProject> read(String where, @Nullable String code) {
        var projects = jdbc.sql("select * from ecology_conversion_project p " + where + " order by p.started_on, p.project_code");
        if (code != null) {
            projects = projects.param("code", code);
        }
        List<ConversionProject> list = new ArrayList<>();
        for (Map<String, Object> r : projects.query().listOfRows()) {
            List<ConversionProject.Year> years = jdbc.sql("""
                    select * from ecology_conversion_year where project_id = :id order by report_year""")
                    .param("id", r.get("id"))
                    .query((rs, i) -> new ConversionProject.Year(rs.getInt("report_year"),
                            rs.getBigDecimal("measured_gep_change"), rs.getBigDecimal("carbon_sink"),
                            rs.getBigDecimal("farmer_income"), rs.getBigDecimal("collective_income"), rs.getInt("jobs"),
                            rs.getBigDecimal("land_rent"), rs.getDate("reported_on").toLocalDate())).list();
            list.add(new ConversionProject(text(r, "project_code"), text(r, "name"), text(r, "town"),
                    ((Date) value(r, "started_on")).toLocalDate(), (BigDecimal) value(r, "investment"),
                    (String) value(r, "gep_account"), (BigDecimal) value(r, "area_gep"),
                    (BigDecimal) value(r, "expected_gep_change"), (Boolean) value(r, "demo"),
                    ((Number) value(r, "version")).intValue(), years));
        }
        return list;
    }

    /** Rows of {@code listOfRows} are case-insensitive maps, so H2's upper-case names read the same. */
    private static @Nullable Object value(Map<String, Object> row, String column) {
        return row.get(column);
    }

    private static String text(Map<String, Object> row, String column) {
        return (String) value(row, column);
    }

    private static void nonNegative(List<Violation> v, String field, @Nullable BigDecimal value) {
        if (value == null) {
            v.add(new Violation(field, "ecology.error.missing-field"));
        } else if (value.signum() < 0) {
            v.add(new Violation(field, "ecology.error.negative", field));
        }
    }
}
