package org.gongjian.audit.web;

import java.time.LocalDate;
import org.gongjian.audit.AuditAction;
import org.gongjian.audit.AuditEntry;
import org.gongjian.audit.AuditQuery;
import org.gongjian.audit.AuditTrail;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit page: who did what to which entity when, with the values before and after. */
@Controller
class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditTrail trail;
    private final JsonMapper json;

    AuditPageController(AuditTrail trail, JsonMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasAuthority('audit:entry:read')")
    String audit(@RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable AuditAction action,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AuditQuery query = new AuditQuery(actor, action, entityType, entityId, from, to);
        Page<Row> entries;
        try {
            entries = trail.search(query, PageRequest.of(Math.max(0, page), PAGE_SIZE))
                    .map(e -> new Row(e, pretty(e.beforeJson()), pretty(e.afterJson())));
        } catch (InvalidInputException e) {
            model.addAttribute("dateError", true);
            entries = new PageImpl<>(java.util.List.of(), PageRequest.of(0, PAGE_SIZE), 0);
        }
        model.addAttribute("entries", entries);
        model.addAttribute("query", query);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("entityTypes", trail.entityTypes());
        return "audit/audit";
    }

    /** An entry with its values before and after, indented for reading. */
    record Row(AuditEntry entry, String before, String after) {
    }

    /** JSON indented for reading; as it is when it cannot be parsed. */
    private String pretty(@Nullable String text) {
        if (text == null) {
            return "";
        }
        try {
            JsonNode node = json.readTree(text);
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (RuntimeException e) {
            return text;
        }
    }
}
