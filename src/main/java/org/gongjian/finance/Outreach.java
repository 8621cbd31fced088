package org.gongjian.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Outreach events (金融来趁圩 market-day stalls, 政银企对接会 matchmaking meetings) with the consortia present. */
@Service
@Transactional(readOnly = true)
public class Outreach {

    public enum EventKind { MARKET_DAY, MATCHMAKING }

    public record Event(long id, EventKind kind, String title, LocalDate heldOn, String townCode, int attendees,
            int needsCollected, int signings, BigDecimal signedAmount, List<Long> consortiumIds, boolean demo) {
    }

    public record NewEvent(@Nullable EventKind kind, @Nullable String title, @Nullable LocalDate heldOn,
            @Nullable String townCode, @Nullable Integer attendees, @Nullable Integer needsCollected,
            @Nullable Integer signings, @Nullable BigDecimal signedAmount, @Nullable List<Long> consortiumIds) {
    }

    private final JdbcClient jdbc;
    private final Pairings pairings;
    private final FinanceAccess access;
    private final AuditLog audit;
    private final Clock clock;

    Outreach(JdbcClient jdbc, Pairings pairings, FinanceAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.pairings = pairings;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Events, latest first, optionally of one town. */
    public List<Event> events(@Nullable String townCode) {
        Map<Long, List<Long>> present = new HashMap<>();
        jdbc.sql("select event_id, consortium_id from finance_event_consortium order by consortium_id")
                .query((rs, n) -> present.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        return jdbc.sql("""
                select id, kind, title, held_on, town_code, attendees, needs_collected, signings, signed_amount, demo
                  from finance_event""" + (townCode == null ? "" : " where town_code = :t") + " order by held_on desc, id desc")
                .params(townCode == null ? Map.of() : Map.of("t", townCode))
                .query((rs, n) -> new Event(rs.getLong(1), EventKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                        rs.getBigDecimal(9), List.copyOf(present.getOrDefault(rs.getLong(1), List.of())), rs.getBoolean(10)))
                .list();
    }

    /** A page of the events, latest first, optionally of one town. */
    public org.springframework.data.domain.Page<Event> page(@Nullable String townCode,
            org.springframework.data.domain.Pageable pageable) {
        return org.gongjian.shared.Pages.of(events(townCode), pageable);
    }

    /** Records an event held in a town (its staff or the office). */
    @Transactional
    public Event record(NewEvent data, boolean demo) {
        List<Violation> v = new ArrayList<>();
        if (data.kind() == null) {
            v.add(new Violation("kind", "finance.error.required"));
        }
        if (data.title() == null || data.title().isBlank() || data.title().length() > 200) {
            v.add(new Violation("title", "finance.error.required"));
        }
        if (data.heldOn() == null) {
            v.add(new Violation("heldOn", "finance.error.required"));
        } else if (data.heldOn().isAfter(LocalDate.now(clock))) {
            v.add(new Violation("heldOn", "finance.error.future-date"));
        }
        if (data.townCode() == null) {
            v.add(new Violation("townCode", "finance.error.required"));
        }
        for (String field : List.of("attendees", "needsCollected", "signings")) {
            Integer n = "attendees".equals(field) ? data.attendees() : "signings".equals(field) ? data.signings()
                    : data.needsCollected();
            if (n != null && n < 0) {
                v.add(new Violation(field, "finance.error.count"));
            }
        }
        BigDecimal signed = data.signedAmount() == null ? BigDecimal.ZERO : data.signedAmount();
        if (signed.signum() < 0 || signed.scale() > 2) {
            v.add(new Violation("signedAmount", "finance.error.amount"));
        }
        if (data.consortiumIds() == null || data.consortiumIds().isEmpty()) {
            v.add(new Violation("consortiumIds", "finance.error.no-consortium"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        access.requireTown(data.townCode(), "finance-event", data.title());
        data.consortiumIds().forEach(pairings::consortium);
        jdbc.sql("""
                insert into finance_event (kind, title, held_on, town_code, attendees, needs_collected, signings,
                    signed_amount, demo, created_by)
                values (:k, :t, :d, :town, :a, :n, :s, :amt, :demo, :by)""")
                .param("k", data.kind().name()).param("t", data.title().trim()).param("d", data.heldOn())
                .param("town", data.townCode()).param("a", zero(data.attendees())).param("n", zero(data.needsCollected()))
                .param("s", zero(data.signings())).param("amt", signed).param("demo", demo)
                .param("by", access.actor().username()).update();
        long id = jdbc.sql("select max(id) from finance_event where title = :t").param("t", data.title().trim())
                .query(Long.class).single();
        for (Long c : new java.util.LinkedHashSet<>(data.consortiumIds())) {
            jdbc.sql("insert into finance_event_consortium (event_id, consortium_id) values (:e, :c)").param("e", id)
                    .param("c", c).update();
        }
        Event saved = events(null).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
        audit.created("finance-event", String.valueOf(id), saved);
        return saved;
    }

    private static int zero(@Nullable Integer n) {
        return n == null ? 0 : n;
    }
}
