package org.gongjian.roads;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gongjian.organisation.Organisation;
import org.gongjian.programme.IndicatorObserved;
import org.gongjian.shared.UnitOfMeasure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's feed to the targets: its seven figures per town and city-wide, recomputed from the tables
 * and published as {@link IndicatorObserved} once per indicator, unit and day when the figure changed.
 * Changes only mark the figures stale; a short scheduled job (and the daily sweep) recomputes them, so
 * that a burst of clicks publishes nothing more than one recomputation.
 */
@Service
public class RoadIndicators {

    public static final String DEMO_ROADS_OPEN = "roads.demo-roads-open";
    public static final String LENGTH_KM = "roads.length-km";
    public static final String GOOD_FAIR_RATE = "roads.good-fair-rate";
    public static final String CHIEF_COVERAGE = "roads.chief-coverage";
    public static final String PATROL_COMPLIANCE = "roads.patrol-compliance";
    public static final String FIX_ON_TIME_RATE = "roads.fix-on-time-rate";
    public static final String RENOVATED_KM = "roads.renovated-km";

    /** One figure: indicator, unit ("" city-wide), as of, value and unit of measure. */
    public record Figure(String indicator, String unit, LocalDate asOf, BigDecimal value, UnitOfMeasure uom) {
    }

    private final JdbcClient jdbc;
    private final RoadRegister register;
    private final RoadChiefs chiefs;
    private final RoadConditions conditions;
    private final Patrols patrols;
    private final RoadIssues issues;
    private final DemoRoads demoRoads;
    private final Organisation organisation;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicBoolean stale = new AtomicBoolean(true);

    RoadIndicators(JdbcClient jdbc, RoadRegister register, RoadChiefs chiefs, RoadConditions conditions, Patrols patrols,
            RoadIssues issues, DemoRoads demoRoads, Organisation organisation, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.chiefs = chiefs;
        this.conditions = conditions;
        this.patrols = patrols;
        this.issues = issues;
        this.demoRoads = demoRoads;
        this.organisation = organisation;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(RoadRegister.RegisterChanged changed) {
        stale.set(true);
    }

    @EventListener
    void on(RoadIssues.IssuesChanged changed) {
        stale.set(true);
    }

    @Scheduled(cron = "${gongjian.roads.indicators-cron:0 */2 * * * *}", zone = "Asia/Shanghai")
    void whenStale() {
        if (stale.getAndSet(false)) {
            publish(LocalDate.now(clock));
        }
    }

    /** Every figure as of a day, computed from the ledger's tables. */
    public List<Figure> figures(LocalDate on) {
        List<Figure> all = new java.util.ArrayList<>();
        register.lengthByTown().forEach((u, km) -> all.add(new Figure(LENGTH_KM, u, on, km, UnitOfMeasure.KILOMETRES)));
        demoRoads.openByTown(on).forEach((u, n) -> all.add(new Figure(DEMO_ROADS_OPEN, u, on, n, UnitOfMeasure.ROADS)));
        RoadChiefs.Coverage coverage = chiefs.coverage(on);
        all.add(new Figure(CHIEF_COVERAGE, "", on, coverage.percent(), UnitOfMeasure.PERCENT));
        coverage.byTown().forEach((u, s) -> all.add(new Figure(CHIEF_COVERAGE, u, on,
                RoadChiefs.Coverage.percent(s[1], s[0]), UnitOfMeasure.PERCENT)));
        Integer year = conditions.latestYear();
        if (year != null) {
            conditions.goodFairRate(year).forEach((u, r) -> all.add(new Figure(GOOD_FAIR_RATE, u, on, r, UnitOfMeasure.PERCENT)));
        }
        Map<String, int[]> compliance = new LinkedHashMap<>();
        for (Patrols.Compliance c : patrols.lastComplete(on)) {
            for (String key : new String[] {"", c.chief().unitCode()}) {
                if (key == null) {
                    continue;
                }
                int[] n = compliance.computeIfAbsent(key, k -> new int[2]);
                n[0]++;
                n[1] += c.compliant() ? 1 : 0;
            }
        }
        compliance.forEach((u, n) -> all.add(new Figure(PATROL_COMPLIANCE, u, on, percent(n[1], n[0]), UnitOfMeasure.PERCENT)));
        Map<String, int[]> onTime = new LinkedHashMap<>();
        for (RoadIssues.Issue i : issues.all()) {
            if (i.status() != IssueStatus.CLOSED || i.closedOn() == null || i.dueOn() == null
                    || i.closedOn().getYear() != on.getYear() || i.closedOn().isAfter(on)) {
                continue;
            }
            for (String key : new String[] {"", i.townCode()}) {
                if (key == null) {
                    continue;
                }
                int[] n = onTime.computeIfAbsent(key, k -> new int[2]);
                n[0]++;
                n[1] += i.closedOn().isAfter(i.dueOn()) ? 0 : 1;
            }
        }
        onTime.forEach((u, n) -> all.add(new Figure(FIX_ON_TIME_RATE, u, on, percent(n[1], n[0]), UnitOfMeasure.PERCENT)));
        // km renovated in a year, as of the year's end (or today in the running year): one figure per unit and year
        Map<Integer, Map<String, BigDecimal>> renovated = new java.util.TreeMap<>();
        for (RoadRegister.Segment s : register.segments()) {
            if (s.renovatedOn() != null && !s.renovatedOn().isAfter(on)) {
                Map<String, BigDecimal> y = renovated.computeIfAbsent(s.renovatedOn().getYear(), k -> new LinkedHashMap<>());
                y.merge("", s.lengthKm(), BigDecimal::add);
                y.merge(s.townCode(), s.lengthKm(), BigDecimal::add);
            }
        }
        renovated.forEach((y, byUnit) -> {
            LocalDate yearEnd = LocalDate.of(y, 12, 31);
            LocalDate asOf = yearEnd.isAfter(on) ? on : yearEnd;
            byUnit.forEach((u, km) -> all.add(new Figure(RENOVATED_KM, u, asOf, km, UnitOfMeasure.KILOMETRES)));
        });
        return all;
    }

    /** Publishes every figure that differs from what was last published for its indicator, unit and day. */
    @Transactional
    public int publish(LocalDate on) {
        stale.set(false);
        int published = 0;
        java.util.Set<String> units = new java.util.HashSet<>();
        organisation.all().forEach(u -> units.add(u.code()));
        for (Figure f : figures(on)) {
            if (!f.unit().isEmpty() && !units.contains(f.unit())) {
                continue;
            }
            BigDecimal value = f.value().setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
            BigDecimal before = jdbc.sql("""
                    select figure from roads_observation where indicator_code = :i and unit_key = :u and as_of = :d""")
                    .param("i", f.indicator()).param("u", f.unit()).param("d", f.asOf()).query(BigDecimal.class)
                    .optional().orElse(null);
            if (before != null && before.compareTo(value) == 0) {
                continue;
            }
            if (before == null) {
                jdbc.sql("insert into roads_observation (indicator_code, unit_key, as_of, figure) values (:i, :u, :d, :v)")
                        .param("i", f.indicator()).param("u", f.unit()).param("d", f.asOf()).param("v", value).update();
            } else {
                jdbc.sql("update roads_observation set figure = :v where indicator_code = :i and unit_key = :u and as_of = :d")
                        .param("i", f.indicator()).param("u", f.unit()).param("d", f.asOf()).param("v", value).update();
            }
            events.publishEvent(new IndicatorObserved(f.indicator(), f.unit().isEmpty() ? null : f.unit(), f.asOf(), value,
                    f.uom(), RoadIssues.LEDGER));
            published++;
        }
        return published;
    }

    static BigDecimal percent(int part, int whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
