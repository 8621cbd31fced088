package org.gongjian.volunteers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gongjian.programme.IndicatorObserved;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the campaign's targets, aggregated: a change in the ledger only marks the figures stale; at most once
 * a minute ({@code gongjian.volunteers.feed-every}) they are recomputed from the tables per town and city-wide,
 * and each figure is published as {@link IndicatorObserved} only when it differs from the one published for
 * that unit and day (table {@code volunteers_feed}). A burst of 10,000 check-ins is at most one measurement per
 * indicator, unit and minute, and only when a figure moved.
 */
@Component
public class VolunteerFeed {

    static final String SOURCE = "volunteers";
    private static final Logger log = LoggerFactory.getLogger(VolunteerFeed.class);
    private static final String CITY = "";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AtomicBoolean stale = new AtomicBoolean(true);

    VolunteerFeed(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Marks the figures stale (cheap; called on every change). */
    void changed() {
        stale.set(true);
    }

    @Scheduled(fixedDelayString = "${gongjian.volunteers.feed-every:PT1M}",
            initialDelayString = "${gongjian.volunteers.feed-every:PT1M}")
    void tick() {
        if (stale.getAndSet(false)) {
            try {
                publish(LocalDate.now(clock.withZone(Volunteers.CITY)), true);
            } catch (RuntimeException e) {
                stale.set(true);
                log.warn("Volunteer figures not published, will try again: {}", e.toString());
            }
        }
    }

    /** The figures as of a date: indicator code → unit code ('' city-wide) → value. */
    public Map<String, Map<String, BigDecimal>> figures(LocalDate on, int activeDays) {
        Map<String, Map<String, BigDecimal>> f = new LinkedHashMap<>();
        f.put("volunteers.teams", byTown("select town_code, count(*) from volunteers_team where status = 'APPROVED' "
                + "and created_on <= :d group by town_code", "select count(*) from volunteers_team where status = 'APPROVED' "
                + "and created_on <= :d", on, null));
        String captains = " from volunteers_team_role r join volunteers_team t on t.id = r.team_id where t.status = 'APPROVED' "
                + "and r.term_from <= :d and (r.term_to is null or r.term_to >= :d)";
        f.put("volunteers.captains", byTown("select t.town_code, count(distinct r.volunteer_id)" + captains
                + " group by t.town_code", "select count(distinct r.volunteer_id)" + captains, on, null));
        f.put("volunteers.registered", byTown("select town_code, count(*) from volunteers_volunteer where registered_on <= :d "
                + "group by town_code", "select count(*) from volunteers_volunteer where registered_on <= :d", on, null));
        String current = " from volunteers_hours h join volunteers_volunteer v on v.id = h.volunteer_id "
                + "left join volunteers_hours s on s.supersedes_id = h.id "
                + "where s.id is null and h.status = 'EFFECTIVE' and h.service_date <= :d";
        f.put("volunteers.active", byTown("select v.town_code, count(distinct h.volunteer_id)" + current
                + " and h.service_date > :from group by v.town_code", "select count(distinct h.volunteer_id)" + current
                + " and h.service_date > :from", on, on.minusDays(activeDays)));
        Map<String, BigDecimal> minutes = byTown("select v.town_code, coalesce(sum(h.minutes), 0)" + current
                + " group by v.town_code", "select coalesce(sum(h.minutes), 0)" + current, on, null);
        Map<String, BigDecimal> hours = new LinkedHashMap<>();
        minutes.forEach((k, m) -> hours.put(k, m.divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP)));
        f.put("volunteers.hours", hours);
        return f;
    }

    private Map<String, BigDecimal> byTown(String grouped, String total, LocalDate on, @Nullable LocalDate from) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        var g = jdbc.sql(grouped).param("d", on);
        var t = jdbc.sql(total).param("d", on);
        if (from != null) {
            g = g.param("from", from);
            t = t.param("from", from);
        }
        g.query((rs, n) -> m.put(rs.getString(1), rs.getBigDecimal(2))).list();
        m.put(CITY, t.query(BigDecimal.class).single());
        return m;
    }

    /**
     * Recomputes the figures as of a date and publishes those that changed (town ones too when asked).
     * Answers how many observations were published.
     */
    public int publish(LocalDate on, boolean towns) {
        Integer n = tx.execute(status -> {
            int activeDays = jdbc.sql("select active_days from volunteers_policy where valid_from <= :d "
                    + "order by valid_from desc").param("d", on).query(Integer.class).list().stream().findFirst().orElse(30);
            int published = 0;
            for (var indicator : figures(on, activeDays).entrySet()) {
                for (var unit : indicator.getValue().entrySet()) {
                    if (!towns && !unit.getKey().isEmpty()) {
                        continue;
                    }
                    if (publishIfChanged(indicator.getKey(), unit.getKey(), on, unit.getValue())) {
                        published++;
                    }
                }
            }
            return published;
        });
        return n == null ? 0 : n;
    }

    private boolean publishIfChanged(String code, String unit, LocalDate on, BigDecimal value) {
        BigDecimal last = jdbc.sql("select figure from volunteers_feed where indicator_code = :c and unit_code = :u and as_of = :d")
                .param("c", code).param("u", unit).param("d", on).query(BigDecimal.class).optional().orElse(null);
        if (last != null && last.compareTo(value) == 0) {
            return false;
        }
        if (last == null) {
            jdbc.sql("insert into volunteers_feed (indicator_code, unit_code, as_of, figure) values (:c, :u, :d, :v)")
                    .param("c", code).param("u", unit).param("d", on).param("v", value).update();
        } else {
            jdbc.sql("update volunteers_feed set figure = :v where indicator_code = :c and unit_code = :u and as_of = :d")
                    .param("c", code).param("u", unit).param("d", on).param("v", value).update();
        }
        UnitOfMeasure uom = switch (code) {
            case "volunteers.teams" -> UnitOfMeasure.TEAMS;
            case "volunteers.hours" -> UnitOfMeasure.HOURS;
            default -> UnitOfMeasure.PERSONS;
        };
        events.publishEvent(new IndicatorObserved(code, unit.isEmpty() ? null : unit, on, value, uom, SOURCE));
        return true;
    }
}
