package org.gongjian.programme.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.InitiativeData;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeData;
import org.gongjian.programme.ProgrammeDocument;
import org.gongjian.programme.ProgrammeExchange;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.web.ApiViews.InitiativeView;
import org.gongjian.programme.web.ApiViews.ProgrammeView;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Programmes and their initiatives as JSON, and a whole programme exported or imported as one document. */
@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = "programmes", description = "改革攻坚方案与攻坚任务")
class ProgrammeApiController {

    private final ProgrammeManagement programmes;
    private final ProgrammeExchange exchange;
    private final Organisation organisation;

    ProgrammeApiController(ProgrammeManagement programmes, ProgrammeExchange exchange, Organisation organisation) {
        this.programmes = programmes;
        this.exchange = exchange;
        this.organisation = organisation;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('programme:programme:read')")
    @Operation(summary = "List programmes, paginated")
    Page<ProgrammeView> list(@PageableDefault(size = 20, sort = "code") Pageable pageable) {
        return programmes.programmes(pageable).map(ProgrammeApiController::view);
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    ResponseEntity<ProgrammeView> get(@PathVariable String code) {
        Programme programme = programmes.programme(code);
        return ResponseEntity.ok().eTag(Versions.etag(programme.version())).body(view(programme));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('programme:programme:write')")
    ResponseEntity<ProgrammeView> create(@Valid @RequestBody ProgrammeData data) {
        Programme programme = programmes.createProgramme(data);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + programme.code()))
                .eTag(Versions.etag(programme.version())).body(view(programme));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    ResponseEntity<ProgrammeView> update(@PathVariable String code, @Valid @RequestBody ProgrammeData data,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Programme programme = programmes.updateProgramme(code, data, Versions.requireIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(programme.version())).body(view(programme));
    }

    @GetMapping("/{code}/export")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    @Operation(summary = "The whole programme as one document (units, initiatives, targets, measurements, milestones, events, honours)")
    ProgrammeDocument export(@PathVariable String code) {
        return exchange.export(code);
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    @Operation(summary = "Import a programme document as a new programme; all of it or nothing")
    ResponseEntity<ProgrammeView> importDocument(@Valid @RequestBody ProgrammeDocument document) {
        Programme programme = exchange.importDocument(document);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + programme.code())).body(view(programme));
    }

    @GetMapping("/{code}/initiatives")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    @Operation(summary = "A programme's initiatives, filtered by category, unit (lead or co-unit) and status")
    Page<InitiativeView> initiatives(@PathVariable String code, @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable InitiativeStatus status,
            @PageableDefault(size = 50) Pageable pageable) {
        Programme programme = programmes.programme(code);
        Long unitId = unit == null ? null : organisation.unit(unit).id();
        return programmes.initiatives(programme, category, unitId, status, pageable).map(i -> view(programme, i));
    }

    @GetMapping("/{code}/initiatives/{number}")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    ResponseEntity<InitiativeView> initiative(@PathVariable String code, @PathVariable int number) {
        Programme programme = programmes.programme(code);
        Initiative initiative = programmes.initiative(programme, number);
        return ResponseEntity.ok().eTag(Versions.etag(initiative.version())).body(view(programme, initiative));
    }

    @PostMapping("/{code}/initiatives")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    ResponseEntity<InitiativeView> createInitiative(@PathVariable String code, @Valid @RequestBody InitiativeData data) {
        Initiative initiative = programmes.createInitiative(code, data);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + code + "/initiatives/" + initiative.number()))
                .eTag(Versions.etag(initiative.version())).body(view(programmes.programme(code), initiative));
    }

    @PutMapping("/{code}/initiatives/{number}")
    @PreAuthorize("hasAuthority('programme:initiative:write')")
    ResponseEntity<InitiativeView> updateInitiative(@PathVariable String code, @PathVariable int number,
            @Valid @RequestBody InitiativeData data,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Initiative initiative = programmes.updateInitiative(code, number, data, Versions.requireIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(initiative.version())).body(view(programmes.programme(code), initiative));
    }

    private static ProgrammeView view(Programme programme) {
        return new ProgrammeView(programme.id(), programme.version(), programme.data());
    }

    private InitiativeView view(Programme programme, Initiative initiative) {
        return new InitiativeView(initiative.id(), initiative.version(), programme.code(), programmes.data(initiative));
    }
}
