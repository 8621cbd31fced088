package org.gongjian.enterprise;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongjian.audit.AuditLog;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enterprises' yearly and monthly figures: entered one period at a time (a town's staff for the firms of
 * their town only), read per enterprise, and per year for the ledgers that total them.
 */
@Service
@Transactional(readOnly = true)
public class EnterpriseFigures {

    /** The earliest and latest years a figure may be entered for. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    private static final BigDecimal MAX_MONEY = new BigDecimal("1e16");
    private static final String COLUMNS = "enterprise_id, period_year, period_month, output_yuan, revenue_yuan, "
            + "exports_usd, tax_yuan, employees, source, demo, version";

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final FigureScope scope;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EnterpriseFigures(JdbcClient jdbc, Enterprises enterprises, FigureScope scope, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Refuses (403) when the current user may not enter figures of firms registered in a town — for imports that
     * register or update a firm before entering its figures.
     */
    public void checkMayWrite(String townCode) {
        scope.checkMayWrite(townCode);
    }

    /** An enterprise's figures, latest year first, the year's own figure before its months. */
    public List<EnterpriseFigure> of(long enterpriseId) {
        return jdbc.sql("select " + COLUMNS + " from enterprise_figure where enterprise_id = :id "
                        + "order by period_year desc, period_month")
                .param("id", enterpriseId).query(EnterpriseFigures::row).list();
    }

    /**
     * Records the figures of an enterprise for a year or a month, replacing what was there (checked against
     * {@code expectedVersion} when given).
     */
    @Transactional
    public EnterpriseFigure record(String uscc, FigureData data, FigureSource source, boolean demo,
            @Nullable Integer expectedVersion) {
        Enterprise enterprise = enterprises.byUscc(uscc);
        scope.checkMayWrite(enterprise.townCode());
        List<Violation> violations = violations(data, "");
        LocalDate today = LocalDate.now(clock);
        if (data.year() != null && (data.year() > today.getYear() || data.year() == today.getYear() && data.month() != null
                && data.month() > today.getMonthValue())) {
            violations.add(new Violation("year", "enterprise.error.figure-future"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        int month = data.month() == null ? 0 : data.month();
        Optional<EnterpriseFigure> before = find(enterprise.id(), data.year(), month);
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (before.isEmpty()) {
            jdbc.sql("""
                    insert into enterprise_figure (enterprise_id, period_year, period_month, output_yuan, revenue_yuan,
                        exports_usd, tax_yuan, employees, source, demo, version, updated_at)
                    values (:id, :y, :m, :output, :revenue, :exports, :tax, :employees, :source, :demo, 0, :now)
                    """).params(values(enterprise.id(), data, month, source, demo, now)).update();
        } else {
            int version = expectedVersion == null ? before.get().version() : expectedVersion;
            Map<String, Object> params = values(enterprise.id(), data, month, source, demo, now);
            params.put("version", version);
            int n = jdbc.sql("""
                    update enterprise_figure set output_yuan = :output, revenue_yuan = :revenue, exports_usd = :exports,
                        tax_yuan = :tax, employees = :employees, source = :source, demo = :demo,
                        version = version + 1, updated_at = :now
                    where enterprise_id = :id and period_year = :y and period_month = :m and version = :version
                    """).params(params).update();
            if (n == 0) {
                throw new ConflictException("error.stale-version", uscc + " " + data.year());
            }
        }
        EnterpriseFigure after = find(enterprise.id(), data.year(), month).orElseThrow();
        String key = uscc + "/" + data.year() + (month == 0 ? "" : "-" + month);
        if (before.isEmpty()) {
            audit.created("enterprise-figure", key, after);
        } else {
            audit.updated("enterprise-figure", key, before.get(), after);
        }
        events.publishEvent(new EnterpriseFiguresChanged(data.year()));
        return after;
    }

    /** The field errors of figures as entered, their fields prefixed (e.g. {@code rows[3].}); empty when fine. */
    public static List<Violation> violations(FigureData data, String prefix) {
        List<Violation> v = new ArrayList<>();
        if (data.year() == null || data.year() < FIRST_YEAR || data.year() > LAST_YEAR) {
            v.add(new Violation(prefix + "year", "enterprise.error.figure-year", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR)));
        }
        if (data.month() != null && (data.month() < 0 || data.month() > 12)) {
            v.add(new Violation(prefix + "month", "enterprise.error.figure-month"));
        }
        money(v, prefix + "outputYuan", data.outputYuan());
        money(v, prefix + "revenueYuan", data.revenueYuan());
        money(v, prefix + "exportsUsd", data.exportsUsd());
        money(v, prefix + "taxYuan", data.taxYuan());
        if (data.employees() != null && data.employees() < 0) {
            v.add(new Violation(prefix + "employees", "enterprise.error.figure-employees"));
        }
        if (data.outputYuan() == null && data.revenueYuan() == null && data.exportsUsd() == null && data.taxYuan() == null
                && data.employees() == null) {
            v.add(new Violation(prefix + "outputYuan", "enterprise.error.figure-empty"));
        }
        return v;
    }

    private static void money(List<Violation> v, String field, @Nullable BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(MAX_MONEY) >= 0 || value.scale() > 2)) {
            v.add(new Violation(field, "enterprise.error.figure-money"));
        }
    }

    /** The years that have figures, latest first. */
    public List<Integer> years() {
        return jdbc.sql("select distinct period_year from enterprise_figure order by period_year desc")
                .query(Integer.class).list();
    }

    /**
     * Every enterprise's figures for a year: the year's own figure where entered, otherwise its months summed
     * (employees: the latest month's). Enterprises without any figure for the year are left out.
     */
    public List<YearFigures> forYear(int year) {
        Map<Long, List<EnterpriseFigure>> byFirm = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from enterprise_figure where period_year = :y order by enterprise_id, period_month")
                .param("y", year).query(EnterpriseFigures::row).list()
                .forEach(f -> byFirm.computeIfAbsent(f.enterpriseId(), k -> new ArrayList<>()).add(f));
        Map<Long, Enterprise> firms = new HashMap<>();
        List<Long> ids = List.copyOf(byFirm.keySet());
        for (int from = 0; from < ids.size(); from += 1000) {
            firms.putAll(enterprises.byIds(ids.subList(from, Math.min(ids.size(), from + 1000))));
        }
        List<YearFigures> all = new ArrayList<>();
        byFirm.forEach((id, rows) -> {
            Enterprise e = firms.get(id);
            if (e != null) {
                all.add(total(e, year, rows));
            }
        });
        return all;
    }

    static YearFigures total(Enterprise e, int year, List<EnterpriseFigure> rows) {
        List<EnterpriseFigure> used = rows.stream().filter(EnterpriseFigure::yearly).findFirst().map(List::of)
                .orElse(rows);
        BigDecimal output = BigDecimal.ZERO;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal exports = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        int employees = 0;
        boolean demo = false;
        for (EnterpriseFigure f : used) {
            output = output.add(orZero(f.outputYuan()));
            revenue = revenue.add(orZero(f.revenueYuan()));
            exports = exports.add(orZero(f.exportsUsd()));
            tax = tax.add(orZero(f.taxYuan()));
            employees = f.employees() == null ? employees : f.employees();
            demo |= f.demo();
        }
        return new YearFigures(e.id(), e.uscc(), e.name(), e.townCode(), e.industryCode(), e.aboveScale(),
                e.listingDate(), e.clusters(), year, output, revenue, exports, tax, employees, demo);
    }

    private Optional<EnterpriseFigure> find(long enterpriseId, @Nullable Integer year, int month) {
        return jdbc.sql("select " + COLUMNS + " from enterprise_figure where enterprise_id = :id and period_year = :y "
                        + "and period_month = :m")
                .param("id", enterpriseId).param("y", year).param("m", month).query(EnterpriseFigures::row).optional();
    }

    private static Map<String, Object> values(long id, FigureData d, int month, FigureSource source, boolean demo,
            Timestamp now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("y", d.year());
        p.put("m", month);
        p.put("output", d.outputYuan());
        p.put("revenue", d.revenueYuan());
        p.put("exports", d.exportsUsd());
        p.put("tax", d.taxYuan());
        p.put("employees", d.employees());
        p.put("source", source.name());
        p.put("demo", demo);
        p.put("now", now);
        return p;
    }

    private static BigDecimal orZero(@Nullable BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static EnterpriseFigure row(ResultSet rs, int n) throws SQLException {
        return new EnterpriseFigure(rs.getLong("enterprise_id"), rs.getInt("period_year"), rs.getInt("period_month"),
                rs.getBigDecimal("output_yuan"), rs.getBigDecimal("revenue_yuan"), rs.getBigDecimal("exports_usd"),
                rs.getBigDecimal("tax_yuan"), (Integer) rs.getObject("employees", Integer.class),
                FigureSource.valueOf(rs.getString("source")), rs.getBoolean("demo"), rs.getInt("version"));
    }

    /** The day a year's figures stand for: its last day, or today in the running year. */
    public LocalDate asOf(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = LocalDate.now(clock);
        return end.isAfter(today) ? today : end;
    }
}
