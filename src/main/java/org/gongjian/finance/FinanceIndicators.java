package org.gongjian.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gongjian.organisation.Organisation;
import org.gongjian.programme.IndicatorObserved;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's feed to the targets: five figures per town and city-wide, recomputed from the tables and published
 * as {@link IndicatorObserved} once per indicator, unit and day when the figure changed. Changes only mark the
 * figures stale; a short scheduled job (and the daily sweep) recomputes them, so a burst of clicks publishes once.
 */
@Service
public class FinanceIndicators {

    public static final String PAIRS_ACTIVE = "finance.pairs-active";
    public static final String NEEDS = "finance.needs";
    public static final String CREDIT_GRANTED = "finance.credit-granted";
    public static final String DISBURSED = "finance.disbursed";
    public static final String DAYS_TO_CREDIT = "finance.days-to-credit";

    /** One figure: indicator, unit ("" city-wide), as of, value and unit of measure. */
    public record Figure(String indicator, String unit, LocalDate asOf, BigDecimal value, UnitOfMeasure uom) {
    }

    private final JdbcClient jdbc;
    private final Pairings pairings;
    private final Organisation organisation;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicBoolean stale = new AtomicBoolean(true);

    FinanceIndicators(JdbcClient jdbc, Pairings pairings, Organisation organisation, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.pairings = pairings;
        this.organisation = organisation;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(Needs.NeedsChanged changed) {
        stale.set(true);
    }

    @EventListener
    void on(Pairings.PairingsChanged changed) {
        stale.set(true);
    }

    @Scheduled(cron = "${gongjian.finance.indicators-cron:0 */2 * * * *}", zone = "Asia/Shanghai")
    void whenStale() {
        if (stale.getAndSet(false)) {
            publish(LocalDate.now(clock));
        }
    }

    /** Every figure as of a day, computed from the ledger's tables (cumulative up to and including the day). */
    public List<Figure> figures(LocalDate on) {
        List<Figure> all = new ArrayList<>();
        Map<String, BigDecimal> pairs = new LinkedHashMap<>();
        pairs.put("", BigDecimal.ZERO);
        for (Pairings.Consortium c : pairings.consortia()) {
            if (c.activeOn(on)) {
                pairs.merge("", BigDecimal.ONE, BigDecimal::add);
                pairs.merge(c.townCode(), BigDecimal.ONE, BigDecimal::add);
            } else {
                pairs.merge(c.townCode(), BigDecimal.ZERO, BigDecimal::add);
            }
        }
        pairs.forEach((u, n) -> all.add(new Figure(PAIRS_ACTIVE, u, on, n, UnitOfMeasure.PIECES)));
        Map<String, BigDecimal> needs = sumByTown("""
                select town_code, count(*) from finance_need
                 where declared_on <= :d and (withdrawn_on is null or withdrawn_on > :d) group by town_code""", on);
        needs.forEach((u, n) -> all.add(new Figure(NEEDS, u, on, n, UnitOfMeasure.ITEMS)));
        Map<String, BigDecimal> credit = sumByTown("""
                select n.town_code, sum(c.approved_amount) from finance_decision c join finance_need n on n.id = c.need_id
                 where c.outcome = 'APPROVED' and c.decided_on <= :d group by n.town_code""", on);
        credit.forEach((u, v) -> all.add(new Figure(CREDIT_GRANTED, u, on, v, UnitOfMeasure.YUAN)));
        Map<String, BigDecimal> disbursed = sumByTown("""
                select n.town_code, sum(b.amount) from finance_disbursement b
                  join finance_decision c on c.id = b.decision_id join finance_need n on n.id = c.need_id
                 where b.disbursed_on <= :d group by n.town_code""", on);
        disbursed.forEach((u, v) -> all.add(new Figure(DISBURSED, u, on, v, UnitOfMeasure.YUAN)));
        Map<String, long[]> days = new LinkedHashMap<>();
        jdbc.sql("""
                select n.town_code, n.pushed_on, c.decided_on from finance_decision c join finance_need n on n.id = c.need_id
                 where c.outcome = 'APPROVED' and c.decided_on <= :d and n.pushed_on is not null""").param("d", on)
                .query((rs, i) -> {
                    long d = ChronoUnit.DAYS.between(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class));
                    for (String key : new String[] {"", rs.getString(1)}) {
                        long[] s = days.computeIfAbsent(key, k -> new long[2]);
                        s[0] += d;
                        s[1]++;
                    }
                    return null;
                }).list();
        days.forEach((u, s) -> all.add(new Figure(DAYS_TO_CREDIT, u, on,
                BigDecimal.valueOf(s[0]).divide(BigDecimal.valueOf(s[1]), 1, RoundingMode.HALF_UP), UnitOfMeasure.DAYS)));
        return all;
    }

    private Map<String, BigDecimal> sumByTown(String sql, LocalDate on) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        sums.put("", BigDecimal.ZERO);
        jdbc.sql(sql).param("d", on).query((rs, i) -> {
            BigDecimal v = rs.getBigDecimal(2);
            sums.merge("", v, BigDecimal::add);
            sums.merge(rs.getString(1), v, BigDecimal::add);
            return null;
        }).list();
        return sums;
    }

    /** Publishes every figure that differs from what was last published for its indicator and unit, as of the day. */
    @Transactional
    public int publish(LocalDate on) {
        return publish(on, null);
    }

    /**
     * As {@link #publish(LocalDate)}, for a day of the ledger's past known at {@code knownAt}: the demo replays its
     * 2024 month-ends this way, so that each month's figure is recorded as the ledger would have published it then.
     */
    @Transactional
    public int publish(LocalDate on, @Nullable Instant knownAt) {
        stale.set(false);
        int published = 0;
        Set<String> units = new HashSet<>();
        organisation.all().forEach(u -> units.add(u.code()));
        // the last figure published for each indicator and unit up to the day, read once
        Map<String, BigDecimal> last = new java.util.HashMap<>();
        Map<String, LocalDate> lastOn = new java.util.HashMap<>();
        jdbc.sql("select indicator_code, unit_key, as_of, figure from finance_observation where as_of <= :d").param("d", on)
                .query((rs, i) -> {
                    String key = rs.getString(1) + "|" + rs.getString(2);
                    LocalDate asOf = rs.getObject(3, LocalDate.class);
                    if (!lastOn.containsKey(key) || lastOn.get(key).isBefore(asOf)) {
                        lastOn.put(key, asOf);
                        last.put(key, rs.getBigDecimal(4));
                    }
                    return null;
                }).list();
        for (Figure f : figures(on)) {
            if (!f.unit().isEmpty() && !units.contains(f.unit())) {
                continue;
            }
            BigDecimal value = f.value().setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
            String key = f.indicator() + "|" + f.unit();
            if (last.containsKey(key) && last.get(key).compareTo(value) == 0) {
                continue;
            }
            if (f.asOf().equals(lastOn.get(key))) {
                jdbc.sql("update finance_observation set figure = :v where indicator_code = :i and unit_key = :u and as_of = :d")
                        .param("i", f.indicator()).param("u", f.unit()).param("d", f.asOf()).param("v", value).update();
            } else {
                jdbc.sql("insert into finance_observation (indicator_code, unit_key, as_of, figure) values (:i, :u, :d, :v)")
                        .param("i", f.indicator()).param("u", f.unit()).param("d", f.asOf()).param("v", value).update();
            }
            events.publishEvent(new IndicatorObserved(f.indicator(), f.unit().isEmpty() ? null : f.unit(), f.asOf(), value,
                    f.uom(), Needs.LEDGER, knownAt));
            published++;
        }
        return published;
    }
}
