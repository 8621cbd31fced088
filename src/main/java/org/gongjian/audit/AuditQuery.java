package org.gongjian.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the audit trail: who (the actor), what (the action), which entity (its type, and its id
 * or the start of it) and when (from and to, both inclusive, in the city's time zone). Any may be empty.
 */
public record AuditQuery(@Nullable String actor, @Nullable AuditAction action, @Nullable String entityType,
        @Nullable String entityId, @Nullable LocalDate from, @Nullable LocalDate to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
