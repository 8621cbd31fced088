package org.gongjian.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records changes to business entities in the caller's transaction, so that a change and its audit
 * line are stored together or not at all. Entries are never updated or deleted.
 */
@Service
public class AuditLog {

    /** The actor recorded when no one is logged in: start-up seeding, scheduled sweeps. */
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void created(String entityType, String entityId, Object after) {
        record(AuditAction.CREATE, entityType, entityId, null, null, after);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(String entityType, String entityId, Object before, Object after) {
        record(AuditAction.UPDATE, entityType, entityId, null, before, after);
    }

    /** An update worth a word of explanation, such as a password reset (whose values the trail never holds). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(String entityType, String entityId, String summary, Object before, Object after) {
        record(AuditAction.UPDATE, entityType, entityId, summary, before, after);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(String entityType, String entityId, Object before) {
        record(AuditAction.DELETE, entityType, entityId, null, before, null);
    }

    /**
     * Records a refused attempt in a transaction of its own, so that it survives the refusal's rollback.
     * A refused request may not name its entity (a creation without a code): it is then recorded as "-".
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void denied(String entityType, @Nullable String entityId, String reason) {
        record(AuditAction.DENIED, entityType, entityId == null || entityId.isBlank() ? "-" : entityId, reason, null, null);
    }

    private void record(AuditAction action, String entityType, String entityId, @Nullable String summary,
            @Nullable Object before, @Nullable Object after) {
        jdbc.sql("""
                insert into audit_entry (occurred_at, actor, action, entity_type, entity_id, summary, before_json, after_json)
                values (:at, :actor, :action, :type, :id, :summary, :before, :after)""")
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("actor", currentActor())
                .param("action", action.name())
                .param("type", entityType)
                .param("id", entityId)
                .param("summary", summary)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? SYSTEM : auth.getName();
    }
}
