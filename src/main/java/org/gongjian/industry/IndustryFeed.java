package org.gongjian.industry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gongjian.enterprise.EnterpriseFigures;
import org.gongjian.enterprise.EnterpriseFiguresChanged;
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
 * The ledger's feed to targets: every year's figures (per sector, bracket, cluster; city-wide and per town)
 * and the layouts' built elements, recomputed from the tables and published as {@link IndicatorObserved}
 * only when a figure differs from what was last published for its indicator, unit and day. Changes only
 * mark the figures stale; a short scheduled job recomputes them, so an import of thousands of rows or a
 * burst of edits publishes one recomputation, never one observation per click.
 */
@Service
public class IndustryFeed {

    private final JdbcClient jdbc;
    private final IndustryFigures industry;
    private final EnterpriseFigures figures;
    private final Plans plans;
    private final Organisation organisation;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicBoolean stale = new AtomicBoolean(true);

    IndustryFeed(JdbcClient jdbc, IndustryFigures industry, EnterpriseFigures figures, Plans plans,
            Organisation organisation, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.industry = industry;
        this.figures = figures;
        this.plans = plans;
        this.organisation = organisation;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(EnterpriseFiguresChanged changed) {
        stale.set(true);
    }

    @EventListener
    void on(IndustryChanged changed) {
        stale.set(true);
    }

    @Scheduled(cron = "${gongjian.industry.feed-cron:30 */2 * * * *}", zone = "Asia/Shanghai")
    void whenStale() {
        if (stale.getAndSet(false)) {
            publish();
        }
    }

    /** Every figure the ledger feeds: each year with figures, and the layouts as of today. */
    public List<IndustryFigures.Figure> all() {
        List<IndustryFigures.Figure> all = new ArrayList<>();
        for (int year : figures.years()) {
            all.addAll(industry.figures(year));
        }
        LocalDate today = LocalDate.now(clock);
        plans.builtCounts(today).forEach((code, n) -> all.add(
                new IndustryFigures.Figure(code, "", today, BigDecimal.valueOf(n), UnitOfMeasure.PIECES)));
        return all;
    }

    /** Publishes every figure that changed since it was last published; returns how many were published. */
    @Transactional
    public synchronized int publish() {
        stale.set(false);
        Set<String> units = new HashSet<>();
        organisation.all().forEach(u -> units.add(u.code()));
        int published = 0;
        for (IndustryFigures.Figure f : all()) {
            if (!f.unit().isEmpty() && !units.contains(f.unit())) {
                continue;
            }
            BigDecimal value = f.value().setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
            BigDecimal before = jdbc.sql("""
                    select figure from industry_published where indicator_code = :i and unit_key = :u and as_of = :d""")
                    .param("i", f.indicator()).param("u", f.unit()).param("d", f.asOf()).query(BigDecimal.class)
                    .optional().orElse(null);
            if (before != null && before.compareTo(value) == 0) {
                continue;
            }
            if (before == null) {
                jdbc.sql("insert into industry_published (indicator_code, unit_key, as_of, figure) values (:i, :u, :d, :v)")
                        .param("i", f.indicator()).param("u", f.unit()).param("d", f.asOf()).param("v", value).update();
            } else {
                jdbc.sql("update industry_published set figure = :v where indicator_code = :i and unit_key = :u and as_of = :d")
                        .param("i", f.indicator()).param("u", f.unit()).param("d", f.asOf()).param("v", value).update();
            }
            events.publishEvent(new IndicatorObserved(f.indicator(), f.unit().isEmpty() ? null : f.unit(), f.asOf(), value,
                    f.uom(), IndustryFigures.LEDGER));
            published++;
        }
        return published;
    }
}
