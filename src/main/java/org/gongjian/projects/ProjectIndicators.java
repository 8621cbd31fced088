package org.gongjian.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gongjian.programme.IndicatorObserved;
import org.gongjian.projects.KeyProject.Category;
import org.gongjian.projects.ProjectMilestones.Milestone;
import org.gongjian.projects.ProjectMilestones.MilestoneKind;
import org.gongjian.shared.UnitOfMeasure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's feed to the targets. Each figure is computed from the tables as of every month's end (today in
 * the running month), for the city (no unit), per town (the unit code) and per layout element (the indicator
 * code followed by {@code @element}, city-wide, e.g. {@code projects.investment-completed@hydrogen.base}), and
 * published as {@link IndicatorObserved} once per indicator, unit or element and day when it changed — a
 * month whose figure equals the month before publishes nothing. Changes only mark the figures stale; a short
 * scheduled job (and the daily sweep) recomputes them, so a burst of clicks causes one recomputation.
 */
@Service
public class ProjectIndicators {

    public static final String SOURCE = "projects";
    public static final String INVESTMENT = "projects.investment-completed";
    public static final String STARTED = "projects.started";
    public static final String COMPLETED = "projects.completed";
    public static final String LAND_HA = "projects.land-developed-ha";
    public static final String CONVERSION_INVESTMENT = "ecology.conversion-investment";
    public static final String CONVERSION_PROJECTS = "ecology.conversion-projects";

    /** One figure; {@code unit} is a town code, {@code @element} for a layout element, or "" city-wide. */
    public record Figure(String indicator, String unit, LocalDate asOf, BigDecimal value, UnitOfMeasure uom) {

        /** The code published: the indicator, followed by {@code @element} for a layout element's figure. */
        public String code() {
            return unit.startsWith("@") ? indicator + unit : indicator;
        }

        public @org.jspecify.annotations.Nullable String unitCode() {
            return unit.isEmpty() || unit.startsWith("@") ? null : unit;
        }
    }

    private final JdbcClient jdbc;
    private final KeyProjects projects;
    private final ProgressReports reports;
    private final ProjectMilestones milestones;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicBoolean stale = new AtomicBoolean(true);

    ProjectIndicators(JdbcClient jdbc, KeyProjects projects, ProgressReports reports, ProjectMilestones milestones,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.reports = reports;
        this.milestones = milestones;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(KeyProjects.ProjectsChanged changed) {
        stale.set(true);
    }

    @EventListener
    void on(ProgressReports.ReportsChanged changed) {
        stale.set(true);
    }

    @Scheduled(cron = "${gongjian.projects.indicators-cron:0 */2 * * * *}", zone = "Asia/Shanghai")
    void whenStale() {
        if (stale.getAndSet(false)) {
            publish(LocalDate.now(clock));
        }
    }

    /** Every figure as of each month's end from the first year with a project up to {@code today}. */
    public List<Figure> figures(LocalDate today) {
        List<KeyProject> all = projects.all();
        List<Figure> figures = new ArrayList<>();
        if (all.isEmpty()) {
            return figures;
        }
        Map<Long, Map<Integer, Map<Integer, BigDecimal>>> counted = reports.counted();
        Map<Long, List<Milestone>> recorded = milestones.allMilestones();
        int firstYear = all.stream().mapToInt(KeyProject::startYear).min().orElseThrow();
        for (YearMonth m = YearMonth.of(firstYear, 1); !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
            LocalDate asOf = m.atEndOfMonth().isAfter(today) ? today : m.atEndOfMonth();
            Map<String, Map<String, BigDecimal>> sums = new TreeMap<>();
            for (KeyProject p : all) {
                if (p.startYear() > m.getYear()) {
                    continue;
                }
                List<String> keys = new ArrayList<>(List.of("", p.townCode()));
                if (p.layoutElement() != null) {
                    keys.add("@" + p.layoutElement());
                }
                BigDecimal invested = p.investedBefore();
                for (var year : counted.getOrDefault(p.id(), Map.of()).entrySet()) {
                    for (var month : year.getValue().entrySet()) {
                        if (!YearMonth.of(year.getKey(), month.getKey()).isAfter(m)) {
                            invested = invested.add(month.getValue());
                        }
                    }
                }
                List<Milestone> done = recorded.getOrDefault(p.id(), List.of()).stream()
                        .filter(x -> x.actualOn() != null && !x.actualOn().isAfter(asOf)).toList();
                boolean started = done.stream().anyMatch(x -> x.kind() == MilestoneKind.STARTED);
                boolean completed = done.stream().anyMatch(x -> x.kind() == MilestoneKind.COMPLETED);
                boolean land = done.stream().anyMatch(x -> x.kind() == MilestoneKind.LAND_SUPPLIED);
                for (String key : keys) {
                    add(sums, INVESTMENT, key, invested);
                    add(sums, STARTED, key, started ? BigDecimal.ONE : BigDecimal.ZERO);
                    add(sums, COMPLETED, key, completed ? BigDecimal.ONE : BigDecimal.ZERO);
                    add(sums, LAND_HA, key, land && p.landMu() != null ? p.landMu() : BigDecimal.ZERO);
                    if (p.category() == Category.GEP_CONVERSION && !key.startsWith("@")) {
                        add(sums, CONVERSION_INVESTMENT, key, started ? p.totalInvestment() : BigDecimal.ZERO);
                        add(sums, CONVERSION_PROJECTS, key, started ? BigDecimal.ONE : BigDecimal.ZERO);
                    }
                }
            }
            sums.forEach((indicator, byUnit) -> byUnit.forEach((unit, value) -> figures.add(new Figure(indicator, unit, asOf,
                    indicator.equals(LAND_HA) ? value.divide(KeyProject.MU_PER_HECTARE, 4, RoundingMode.HALF_UP) : value,
                    uom(indicator)))));
        }
        return figures;
    }

    private static void add(Map<String, Map<String, BigDecimal>> sums, String indicator, String key, BigDecimal value) {
        sums.computeIfAbsent(indicator, k -> new LinkedHashMap<>()).merge(key, value, BigDecimal::add);
    }

    private static UnitOfMeasure uom(String indicator) {
        return switch (indicator) {
            case INVESTMENT, CONVERSION_INVESTMENT -> UnitOfMeasure.YUAN;
            case LAND_HA -> UnitOfMeasure.HECTARES;
            default -> UnitOfMeasure.ITEMS;
        };
    }

    /**
     * Publishes every figure that differs from what was last published for its day, or, for a day not published
     * yet, from the same series' figure a month before (a series' first figure when it is not zero); returns how
     * many were published.
     */
    @Transactional
    public int publish(LocalDate today) {
        stale.set(false);
        int published = 0;
        Map<String, BigDecimal> previous = new java.util.HashMap<>();
        Map<String, BigDecimal> stored = new java.util.HashMap<>();
        jdbc.sql("select indicator_code, unit_key, as_of, figure from projects_observation")
                .query((rs, n) -> stored.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4)))
                .list();
        for (Figure f : figures(today)) {
            String series = f.indicator() + "|" + f.unit();
            BigDecimal value = f.value().setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
            BigDecimal last = previous.put(series, value);
            BigDecimal before = stored.get(series + "|" + f.asOf());
            boolean unchanged = before != null ? before.compareTo(value) == 0
                    : last == null ? value.signum() == 0 : last.compareTo(value) == 0;
            if (unchanged) {
                continue;
            }
            if (before == null) {
                jdbc.sql("insert into projects_observation (indicator_code, unit_key, as_of, figure) values (:i, :u, :d, :v)")
                        .param("i", f.indicator()).param("u", f.unit()).param("d", f.asOf()).param("v", value).update();
            } else {
                jdbc.sql("update projects_observation set figure = :v where indicator_code = :i and unit_key = :u and as_of = :d")
                        .param("i", f.indicator()).param("u", f.unit()).param("d", f.asOf()).param("v", value).update();
            }
            events.publishEvent(new IndicatorObserved(f.code(), f.unitCode(), f.asOf(), value, f.uom(), SOURCE));
            published++;
        }
        return published;
    }
}
