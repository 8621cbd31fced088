package org.gongjian.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.gongjian.audit.AuditAction;
import org.gongjian.audit.AuditEntry;
import org.gongjian.audit.AuditQuery;
import org.gongjian.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail as JSON, for the programme office only: newest first, filtered, paginated. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "审计日志")
class AuditApiController {

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('audit:entry:read')")
    @Operation(summary = "Audit entries, newest first; filter by actor, action, entity type, entity id (or its prefix before a slash) and dates")
    Page<AuditEntry> search(@RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable AuditAction action,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @PageableDefault(size = 50) Pageable pageable) {
        return trail.search(new AuditQuery(actor, action, entityType, entityId, from, to), pageable);
    }
}
