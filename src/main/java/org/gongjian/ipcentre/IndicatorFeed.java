package org.gongjian.ipcentre;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.programme.IndicatorObserved;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's feed to targets: recomputes the centre's figures from its tables when something changed
 * and publishes each figure (city-wide, and the firm count per town) only when it differs from what it
 * last published — never one observation per click.
 */
@Component
class IndicatorFeed {

    static final String DESIGN_DAYS = "ipcentre.design-days-avg";
    static final String DESIGN_GRANTS = "ipcentre.design-grants";
    static final String PASS_RATE = "ipcentre.prexam-pass-rate";
    static final String FIRMS = "ipcentre.firms";
    static final String CASES_CLOSED = "ipcentre.cases-closed";
    static final String CASE_DAYS = "ipcentre.case-days-avg";
    private static final String CITY = "";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Access access;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final java.util.concurrent.atomic.AtomicReference<@Nullable LocalDate> earliest =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();

    IndicatorFeed(JdbcClient jdbc, ApplicationEventPublisher events, Access access,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.access = access;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Changes arriving while the figures are being recomputed are folded into one more run by the thread
     * already at work, so that a burst of changes recomputes a few times, not once per change.
     */
    @ApplicationModuleListener
    void on(IpCentreChanged changed) {
        earliest.accumulateAndGet(changed.on(), (a, b) -> a == null || b.isBefore(a) ? b : a);
        while (earliest.get() != null && running.compareAndSet(false, true)) {
            try {
                LocalDate from;
                while ((from = earliest.getAndSet(null)) != null) {
                    LocalDate since = from;
                    tx.executeWithoutResult(status -> {
                        LocalDate today = access.today();
                        // a change dated in an earlier year changes that year's closing figures too
                        for (int year = since.getYear(); year < today.getYear(); year++) {
                            publish(LocalDate.of(year, 12, 31));
                        }
                        publish(today);
                    });
                }
            } finally {
                running.set(false);
            }
        }
    }

    /** Recomputes the figures as of a day and publishes those that changed; returns how many were published. */
    @Transactional
    public synchronized int publish(LocalDate asOf) {
        Figures f = compute(asOf);
        int published = 0;
        published += observe(DESIGN_DAYS, CITY, asOf, f.designDaysAvg(), UnitOfMeasure.DAYS);
        published += observe(DESIGN_GRANTS, CITY, asOf, BigDecimal.valueOf(f.designGrants()), UnitOfMeasure.CASES);
        published += observe(PASS_RATE, CITY, asOf, f.preExamPassRatePct(), UnitOfMeasure.PERCENT);
        published += observe(FIRMS, CITY, asOf, BigDecimal.valueOf(f.firms()), UnitOfMeasure.ENTERPRISES);
        for (var town : f.firmsByTown().entrySet()) {
            published += observe(FIRMS, town.getKey(), asOf, BigDecimal.valueOf(town.getValue()), UnitOfMeasure.ENTERPRISES);
        }
        published += observe(CASES_CLOSED, CITY, asOf, BigDecimal.valueOf(f.casesClosed()), UnitOfMeasure.CASES);
        published += observe(CASE_DAYS, CITY, asOf, f.caseDaysAvg(), UnitOfMeasure.DAYS);
        return published;
    }

    Figures compute(LocalDate asOf) {
        LocalDate from = LocalDate.of(asOf.getYear(), 1, 1);
        List<long[]> grants = jdbc.sql("select submitted_on, granted_on from ipcentre_design_case "
                        + "where granted_on >= :a and granted_on <= :b and submitted_on is not null")
                .param("a", from).param("b", asOf)
                .query((rs, n) -> new long[] {ChronoUnit.DAYS.between(rs.getObject(1, LocalDate.class),
                        rs.getObject(2, LocalDate.class))})
                .list();
        int passed = jdbc.sql("select count(*) from ipcentre_design_case where passed_on >= :a and passed_on <= :b")
                .param("a", from).param("b", asOf).query(Integer.class).single();
        int decided = jdbc.sql("select count(*) from ipcentre_design_case where decided_on >= :a and decided_on <= :b")
                .param("a", from).param("b", asOf).query(Integer.class).single();
        Map<String, Integer> byTown = new LinkedHashMap<>();
        jdbc.sql("""
                select e.town_code, count(*) from ipcentre_firm f join enterprise e on e.id = f.enterprise_id
                where f.registered_on <= :d and (f.revoked_on is null or f.revoked_on > :d)
                  and (f.suspended_on is null or f.suspended_on > :d or (f.status = 'REGISTERED' and f.registered_on > f.suspended_on))
                group by e.town_code order by e.town_code
                """).param("d", asOf).query((rs, n) -> byTown.put(rs.getString(1), rs.getInt(2))).list();
        List<long[]> closed = jdbc.sql("select received_on, closed_on from ipcentre_protection_case "
                        + "where status = 'CLOSED' and closed_on >= :a and closed_on <= :b")
                .param("a", from).param("b", asOf)
                .query((rs, n) -> new long[] {ChronoUnit.DAYS.between(rs.getObject(1, LocalDate.class),
                        rs.getObject(2, LocalDate.class))})
                .list();
        return new Figures(average(grants), grants.size(),
                decided == 0 ? null : BigDecimal.valueOf(passed * 100L).divide(BigDecimal.valueOf(decided), 1, RoundingMode.HALF_UP),
                byTown.values().stream().mapToInt(Integer::intValue).sum(), byTown, closed.size(), average(closed));
    }

    private int observe(String code, String unit, LocalDate asOf, @Nullable BigDecimal value, UnitOfMeasure uom) {
        if (value == null) {
            return 0;
        }
        List<BigDecimal> last = jdbc.sql("select figure from ipcentre_published where indicator_code = :c and unit_code = :u")
                .param("c", code).param("u", unit).query(BigDecimal.class).list();
        if (!last.isEmpty() && last.get(0).compareTo(value) == 0) {
            return 0;
        }
        if (last.isEmpty()) {
            jdbc.sql("insert into ipcentre_published (indicator_code, unit_code, as_of, figure) values (:c, :u, :d, :v)")
                    .param("c", code).param("u", unit).param("d", asOf).param("v", value).update();
        } else {
            jdbc.sql("update ipcentre_published set as_of = :d, figure = :v where indicator_code = :c and unit_code = :u")
                    .param("c", code).param("u", unit).param("d", asOf).param("v", value).update();
        }
        events.publishEvent(new IndicatorObserved(code, unit.isEmpty() ? null : unit, asOf, value, uom,
                DesignCases.LEDGER));
        return 1;
    }

    private static @Nullable BigDecimal average(List<long[]> days) {
        if (days.isEmpty()) {
            return null;
        }
        long sum = days.stream().mapToLong(d -> d[0]).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(days.size()), 1, RoundingMode.HALF_UP);
    }
}
