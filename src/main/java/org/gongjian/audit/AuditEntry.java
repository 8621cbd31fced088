package org.gongjian.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of the audit trail; the before and after values are JSON. */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, String entityType,
        String entityId, @Nullable String summary, @Nullable String beforeJson, @Nullable String afterJson) {
}
