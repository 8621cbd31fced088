package org.gongjian.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.gongjian.assessment.Adjustment;
import org.gongjian.assessment.AppealState;
import org.gongjian.assessment.AppealView;
import org.gongjian.assessment.Appeals;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.web.Attachments;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Appeals (申诉) against items of a score, and the office's decisions, as JSON. */
@RestController
@Tag(name = "appeals", description = "考核申诉：提出、支持（重新计分）、驳回")
class AppealApiController {

    private final Appeals appeals;
    private final Organisation organisation;

    AppealApiController(Appeals appeals, Organisation organisation) {
        this.appeals = appeals;
        this.organisation = organisation;
    }

    @GetMapping("/api/v1/programmes/{code}/appeals")
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    @Operation(summary = "Appeals the caller may see (unit staff: their unit's), newest first")
    List<AppealView> list(@PathVariable String code, @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable AppealState state) {
        return appeals.list(code, period, unit == null ? null : organisation.unit(unit).id(), state);
    }

    @PostMapping(path = "/api/v1/programmes/{code}/appeals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyAuthority('assessment:appeal:create', 'assessment:ranking:manage')")
    @Operation(summary = "A unit appeals one item of its score, with a reason and up to 5 evidence files (10 MB each)")
    ResponseEntity<AppealView> file(@PathVariable String code, @RequestParam String period, @RequestParam String unit,
            @RequestParam String item, @RequestParam String reason,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files) {
        AppealView filed = appeals.file(code, period, unit, item, reason, uploads(files));
        return ResponseEntity.created(URI.create("/api/v1/appeals/" + filed.id())).body(filed);
    }

    @GetMapping("/api/v1/appeals/{id}")
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    AppealView get(@PathVariable long id) {
        return appeals.appeal(id);
    }

    /** The office's decision: for an upheld appeal, what it does to the item. */
    record Decision(@NotNull Integer version, @Nullable Adjustment adjustment, @Nullable String decision) {
    }

    @PostMapping("/api/v1/appeals/{id}/uphold")
    @PreAuthorize("hasAuthority('assessment:ranking:manage')")
    @Operation(summary = "Uphold: the item is left out or given full credit and the ranking re-scored as a new version")
    AppealView uphold(@PathVariable long id, @Valid @RequestBody Decision decision) {
        Adjustment adjustment = decision.adjustment() == null ? Adjustment.FULL_CREDIT : decision.adjustment();
        return appeals.uphold(id, decision.version(), adjustment, decision.decision() == null ? "" : decision.decision());
    }

    @PostMapping("/api/v1/appeals/{id}/reject")
    @PreAuthorize("hasAuthority('assessment:ranking:manage')")
    @Operation(summary = "Reject with a reason; the score stays")
    AppealView reject(@PathVariable long id, @Valid @RequestBody Decision decision) {
        return appeals.reject(id, decision.version(), decision.decision() == null ? "" : decision.decision());
    }

    @GetMapping("/api/v1/appeals/{id}/evidence/{file}")
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long file) {
        return download(appeals.evidence(file));
    }

    static ResponseEntity<byte[]> download(Appeals.Download file) {
        return Attachments.download(file.fileName(), file.contentType(), file.content());
    }

    static List<Appeals.Upload> uploads(@Nullable List<MultipartFile> files) {
        return Attachments.uploads(files, Appeals.Upload::new);
    }
}
