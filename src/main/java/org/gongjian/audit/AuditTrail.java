package org.gongjian.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail, newest first: filtered by who, what, which entity and when, a page at a time
 * (the audit page and API), or streamed for the office's Excel export.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Page<AuditEntry> search(AuditQuery query, Pageable pageable) {
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw new InvalidInputException("to", "error.date.end-before-start");
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        String actor = AuditQuery.blankToNull(query.actor());
        if (actor != null) {
            where.append(" and actor = :actor");
            params.put("actor", actor);
        }
        if (query.action() != null) {
            where.append(" and action = :action");
            params.put("action", query.action().name());
        }
        String type = AuditQuery.blankToNull(query.entityType());
        if (type != null) {
            where.append(" and entity_type = :type");
            params.put("type", type);
        }
        String id = AuditQuery.blankToNull(query.entityId());
        if (id != null) {
            where.append(" and (entity_id = :id or entity_id like :idPrefix escape '\\')");
            params.put("id", id);
            params.put("idPrefix", id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%");
        }
        if (query.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", startOf(query.from()));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < :to");
            params.put("to", startOf(query.to().plusDays(1)));
        }
        long total = jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
        List<AuditEntry> content = jdbc.sql("""
                select id, occurred_at, actor, action, entity_type, entity_id, summary, before_json, after_json
                  from audit_entry""" + where + " order by occurred_at desc, id desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(AuditTrail::map).list();
        return new PageImpl<>(content, pageable, total);
    }

    /** Streams entries in [from, to), optionally of one entity type, newest first, at most {@code limit}. */
    public void each(@Nullable String entityType, Instant from, Instant to, int limit, Consumer<AuditEntry> action) {
        String sql = """
                select id, occurred_at, actor, action, entity_type, entity_id, summary, before_json, after_json
                  from audit_entry
                 where occurred_at >= :from and occurred_at < :to
                """ + (entityType == null ? "" : " and entity_type = :type") + " order by id desc limit :limit";
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("limit", limit);
        if (entityType != null) {
            spec = spec.param("type", entityType);
        }
        try (Stream<AuditEntry> rows = spec.query(AuditTrail::map).stream()) {
            rows.forEach(action);
        }
    }

    /** The entity types the trail holds, for a filter's choices. */
    public List<String> entityTypes() {
        return jdbc.sql("select distinct entity_type from audit_entry order by entity_type").query(String.class).list();
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("summary"), rs.getString("before_json"), rs.getString("after_json"));
    }
}
