package org.gongjian.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.gongjian.organisation.Organisation;
import org.gongjian.supervision.NoticeManagement;
import org.gongjian.supervision.NoticeManagement.ManualNotice;
import org.gongjian.supervision.NoticeState;
import org.gongjian.supervision.NoticeView;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Supervision notices (督办单) as JSON: list, read, raise by hand, answer with evidence, close, return. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "notices", description = "督办单：下发、反馈、销号、退回、升级")
class NoticeApiController {

    private final NoticeManagement notices;
    private final Organisation organisation;

    NoticeApiController(NoticeManagement notices, Organisation organisation) {
        this.notices = notices;
        this.organisation = organisation;
    }

    @GetMapping("/notices")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    @Operation(summary = "Notices the caller may see (unit staff: their unit's), newest first")
    Page<NoticeView> list(@RequestParam(required = false) @Nullable String programme,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable Set<NoticeState> state,
            @PageableDefault(size = 20) Pageable pageable) {
        Long unitId = unit == null ? null : organisation.unit(unit).id();
        return notices.notices(programme, unitId, state, pageable);
    }

    @GetMapping("/notices/{id}")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    NoticeView get(@PathVariable long id) {
        return notices.notice(id);
    }

    @PostMapping("/programmes/{code}/notices")
    @PreAuthorize("hasAuthority('supervision:notice:manage')")
    @Operation(summary = "The office raises a notice by hand, at any level; 督办 and above are numbered")
    ResponseEntity<NoticeView> raise(@PathVariable String code, @Valid @RequestBody ManualNotice notice) {
        NoticeView raised = notices.raise(code, notice);
        return ResponseEntity.created(URI.create("/api/v1/notices/" + raised.id())).body(raised);
    }

    @PostMapping(path = "/notices/{id}/answer", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('supervision:notice:answer')")
    @Operation(summary = "The responsible unit answers with text and up to 5 evidence files (10 MB each)")
    NoticeView answer(@PathVariable long id, @RequestParam String text,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files) {
        return notices.answer(id, text, uploads(files));
    }

    /** A reason or comment for a transition. */
    record Comment(@Nullable String text) {
    }

    @PostMapping("/notices/{id}/close")
    @PreAuthorize("hasAuthority('supervision:notice:manage')")
    @Operation(summary = "Accept the answer and close the notice (销号)")
    NoticeView close(@PathVariable long id, @RequestBody(required = false) @Nullable Comment comment) {
        return notices.close(id, comment == null ? null : comment.text());
    }

    @PostMapping("/notices/{id}/return")
    @PreAuthorize("hasAuthority('supervision:notice:manage')")
    @Operation(summary = "Return the answer for more work, with a reason and a new deadline")
    NoticeView returnToUnit(@PathVariable long id, @RequestBody Comment reason) {
        return notices.returnToUnit(id, reason.text());
    }

    @PostMapping("/notices/{id}/cancel")
    @PreAuthorize("hasAuthority('supervision:notice:manage')")
    NoticeView cancel(@PathVariable long id, @RequestBody Comment reason) {
        return notices.cancel(id, reason.text());
    }

    @PostMapping("/notices/{id}/reopen")
    @PreAuthorize("hasAuthority('supervision:notice:manage')")
    @Operation(summary = "Reopen a closed notice after a failed spot check (回头看)")
    NoticeView reopen(@PathVariable long id, @RequestBody Comment reason) {
        return notices.reopen(id, reason.text());
    }

    @GetMapping("/notices/{id}/evidence/{file}")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long file) {
        return download(notices.evidence(id, file));
    }

    static ResponseEntity<byte[]> download(NoticeManagement.Download file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }

    static List<NoticeManagement.Upload> uploads(@Nullable List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
                .map(f -> {
                    try {
                        String name = f.getOriginalFilename() == null ? "" : f.getOriginalFilename();
                        return new NoticeManagement.Upload(name, String.valueOf(f.getContentType()), f.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }
}
