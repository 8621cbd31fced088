package org.gongjian.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail, newest first, for the office's list and its Excel export. */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        try (Stream<AuditEntry> rows = spec.query((rs, n) -> new AuditEntry(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("summary"), rs.getString("before_json"), rs.getString("after_json"))).stream()) {
            rows.forEach(action);
        }
    }
}
