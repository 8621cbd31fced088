package org.gongjian.ipcentre.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.ipcentre.Agency;
import org.gongjian.ipcentre.Clocks;
import org.gongjian.ipcentre.DesignCase;
import org.gongjian.ipcentre.DesignCases;
import org.gongjian.ipcentre.DesignStatus;
import org.gongjian.ipcentre.Figures;
import org.gongjian.ipcentre.Firm;
import org.gongjian.ipcentre.FirmFacts;
import org.gongjian.ipcentre.FirmStatus;
import org.gongjian.ipcentre.Firms;
import org.gongjian.ipcentre.IpStatistics;
import org.gongjian.ipcentre.PolicyParameter;
import org.gongjian.ipcentre.ProtectionCase;
import org.gongjian.ipcentre.ProtectionCases;
import org.gongjian.ipcentre.ProtectionStatus;
import org.gongjian.ipcentre.ProtectionType;
import org.gongjian.ipcentre.TimelineEntry;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The IP centre's ledger as JSON: firms, agencies, design cases with their clocks, protection cases, statistics. */
@RestController
@RequestMapping("/api/v1/ipcentre")
@Tag(name = "ipcentre", description = "知识产权快速维权中心台账：备案主体、外观设计预审、快速维权")
class IpCentreApiController {

    private final Firms firms;
    private final DesignCases designs;
    private final ProtectionCases protection;
    private final IpStatistics statistics;
    private final java.time.Clock clock;

    IpCentreApiController(Firms firms, DesignCases designs, ProtectionCases protection, IpStatistics statistics,
            java.time.Clock clock) {
        this.clock = clock;
        this.firms = firms;
        this.designs = designs;
        this.protection = protection;
        this.statistics = statistics;
    }

    /** A firm's application: the enterprise (found or registered by its credit code) and the declared facts. */
    record FirmApplication(EnterpriseData enterprise, FirmFacts facts, @Nullable Long agencyId,
            @Nullable LocalDate appliedOn) {
    }

    record StatusChange(@Nullable FirmStatus to, @Nullable LocalDate on, @Nullable String reason) {
    }

    record Recheck(@Nullable Integer year, FirmFacts facts, @Nullable LocalDate on) {
    }

    record FirmView(Firm firm, List<Firm.Condition> conditions) {
    }

    record NewAgency(String agencyCode, String name, boolean onPrecisionList) {
    }

    record ListFlag(boolean onPrecisionList) {
    }

    record NewCase(@Nullable Long firmId, @Nullable Long agencyId, @Nullable String title, @Nullable String locarnoClass,
            @Nullable LocalDate createdOn) {
    }

    record NewProtectionCase(@Nullable ProtectionType type, @Nullable Long complainantFirmId, @Nullable String complainant,
            @Nullable String respondent, org.gongjian.ipcentre.@Nullable Platform platform, @Nullable String patentNo,
            @Nullable String note, @Nullable LocalDate receivedOn) {
    }

    // --- firms and agencies ------------------------------------------------------------------------

    @GetMapping("/firms")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "Registered firms (paginated), optionally by status")
    Page<Firm> firms(@RequestParam(required = false) @Nullable FirmStatus status,
            @PageableDefault(size = 20) Pageable pageable) {
        return firms.list(status, pageable);
    }

    @GetMapping("/firms/{id}")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "A registered firm with its conditions as checked today")
    ResponseEntity<FirmView> firm(@PathVariable long id) {
        Firm f = firms.firm(id);
        return ResponseEntity.ok().eTag(Versions.etag(f.version()))
                .body(new FirmView(f, firms.conditions(f.facts(), LocalDate.now(clock))));
    }

    @PostMapping("/firms")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    @Operation(summary = "A firm applies to be registered (status APPLIED)")
    ResponseEntity<Firm> apply(@RequestBody FirmApplication body) {
        if (body.enterprise() == null || body.facts() == null) {
            throw new InvalidInputException(body.enterprise() == null ? "enterprise" : "facts", "ipcentre.error.required");
        }
        Firm f = firms.apply(body.enterprise(), body.facts(), body.agencyId(), body.appliedOn(), false);
        return ResponseEntity.created(URI.create("/api/v1/ipcentre/firms/" + f.id())).eTag(Versions.etag(f.version())).body(f);
    }

    @PostMapping("/firms/{id}/status")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    @Operation(summary = "Register, suspend, reinstate or revoke a firm")
    ResponseEntity<Firm> changeStatus(@PathVariable long id, @RequestBody StatusChange body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        if (body.to() == null) {
            throw new InvalidInputException("to", "ipcentre.error.status-required");
        }
        Firm f = firms.changeStatus(id, body.to(), body.on(), body.reason(), Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(f.version())).body(f);
    }

    @PostMapping("/firms/{id}/rechecks")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    @Operation(summary = "The yearly re-check: facts for the year, conditions, the year's quota")
    Firm recheck(@PathVariable long id, @RequestBody Recheck body) {
        if (body.year() == null || body.facts() == null) {
            throw new InvalidInputException(body.year() == null ? "year" : "facts", "ipcentre.error.required");
        }
        return firms.recheck(id, body.year(), body.facts(), body.on());
    }

    @GetMapping("/agencies")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "Patent agencies with their precision-list flag")
    List<Agency> agencies() {
        return firms.agencies();
    }

    @PostMapping("/agencies")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    @Operation(summary = "Add a patent agency")
    Agency createAgency(@RequestBody NewAgency body) {
        return firms.createAgency(body.agencyCode(), body.name(), body.onPrecisionList(), false);
    }

    @PutMapping("/agencies/{id}/precision-list")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    @Operation(summary = "Put an agency on the centre's approved list, or take it off")
    Agency precisionList(@PathVariable long id, @RequestBody ListFlag body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return firms.setPrecisionList(id, body.onPrecisionList(), Versions.fromIfMatch(ifMatch));
    }

    @GetMapping("/policy")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "The centre's policy parameters with their sources")
    List<PolicyParameter> policy() {
        return firms.policy();
    }

    // --- design cases -----------------------------------------------------------------------------

    @GetMapping("/cases")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "Design pre-examination cases (paginated) with their clocks; running legs count to asOf (default today)")
    Page<DesignCase> cases(@RequestParam(required = false) @Nullable DesignStatus status,
            @RequestParam(required = false) @Nullable Long firmId, @RequestParam(required = false) Clocks.@Nullable Light light,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @PageableDefault(size = 20) Pageable pageable) {
        return designs.list(status, firmId, light, asOf == null ? LocalDate.now(clock) : asOf, pageable);
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "A design case with clocks {preExam, cnipa, total} in calendar and working days")
    ResponseEntity<DesignCase> designCase(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        DesignCase c = designs.get(id, asOf == null ? LocalDate.now(clock) : asOf);
        return ResponseEntity.ok().eTag(Versions.etag(c.version())).body(c);
    }

    @GetMapping("/cases/{id}/timeline")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "A design case's steps")
    List<TimelineEntry> designTimeline(@PathVariable long id) {
        designs.get(id, LocalDate.now(clock));
        return designs.timeline(id);
    }

    @PostMapping("/cases")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    @Operation(summary = "Draft a design case")
    ResponseEntity<DesignCase> createCase(@RequestBody NewCase body) {
        DesignCase c = designs.create(new DesignCases.Draft(body.firmId(), body.agencyId(), body.title(), body.locarnoClass()),
                body.createdOn(), false);
        return ResponseEntity.created(URI.create("/api/v1/ipcentre/cases/" + c.id())).eTag(Versions.etag(c.version())).body(c);
    }

    @PostMapping("/cases/{id}/steps")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    @Operation(summary = "Move a design case one step (submission is refused past the quota or with an unlisted agency)")
    ResponseEntity<DesignCase> step(@PathVariable long id, @RequestBody DesignCases.Step body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        DesignCase c = designs.move(id, body, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(c.version())).body(c);
    }

    // --- protection cases -------------------------------------------------------------------------

    @GetMapping("/protection-cases")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "Protection cases (paginated)")
    Page<ProtectionCase> protectionCases(@RequestParam(required = false) @Nullable ProtectionType type,
            @RequestParam(required = false) @Nullable ProtectionStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @PageableDefault(size = 20) Pageable pageable) {
        return protection.list(type, status, asOf == null ? LocalDate.now(clock) : asOf, pageable);
    }

    @GetMapping("/protection-cases/{id}")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "A protection case, with its counter-notice deadline when there is one")
    ResponseEntity<ProtectionCase> protectionCase(@PathVariable long id) {
        ProtectionCase c = protection.get(id, LocalDate.now(clock));
        return ResponseEntity.ok().eTag(Versions.etag(c.version())).body(c);
    }

    @GetMapping("/protection-cases/{id}/timeline")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "A protection case's steps")
    List<TimelineEntry> protectionTimeline(@PathVariable long id) {
        protection.get(id, LocalDate.now(clock));
        return protection.timeline(id);
    }

    @PostMapping("/protection-cases")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    @Operation(summary = "Receive a protection case")
    ResponseEntity<ProtectionCase> createProtection(@RequestBody NewProtectionCase body) {
        ProtectionCase c = protection.create(new ProtectionCases.Intake(body.type(), body.complainantFirmId(),
                body.complainant(), body.respondent(), body.platform(), body.patentNo(), body.note()), body.receivedOn(), false);
        return ResponseEntity.created(URI.create("/api/v1/ipcentre/protection-cases/" + c.id()))
                .eTag(Versions.etag(c.version())).body(c);
    }

    @PostMapping("/protection-cases/{id}/steps")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    @Operation(summary = "Move a protection case one step (the 15-day counter-notice timer is enforced)")
    ResponseEntity<ProtectionCase> protectionStep(@PathVariable long id, @RequestBody ProtectionCases.Step body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        ProtectionCase c = protection.move(id, body, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(c.version())).body(c);
    }

    @PostMapping(path = "/protection-cases/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    @Operation(summary = "Add an evidence file to a protection case")
    ProtectionCase.EvidenceFile addEvidence(@PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        return protection.addEvidence(id, String.valueOf(file.getOriginalFilename()), file.getBytes());
    }

    @GetMapping("/protection-cases/{id}/evidence/{fileId}")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "An evidence file's content")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long fileId) {
        ProtectionCase c = protection.get(id, LocalDate.now(clock));
        ProtectionCase.EvidenceFile file = c.evidence().stream().filter(f -> f.id() == fileId).findFirst()
                .orElseThrow(() -> new org.gongjian.shared.NotFoundException("ipcentre.error.file-not-found", fileId));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(protection.evidenceContent(id, fileId));
    }

    // --- statistics -------------------------------------------------------------------------------

    @GetMapping("/statistics")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "The centre's monthly statistics for a year (default this year)")
    List<IpStatistics.Month> statistics(@RequestParam(required = false) @Nullable Integer year) {
        return statistics.year(year == null ? LocalDate.now(clock).getYear() : year);
    }

    @GetMapping("/figures")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "The figures that feed the targets, as of a day (year to date)")
    Figures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return statistics.figures(asOf == null ? LocalDate.now(clock) : asOf);
    }
}
