package org.gongjian.programme.web;

import org.gongjian.programme.Evidence;
import org.gongjian.programme.TargetManagement;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Evidence files, served with the type their content showed when they were uploaded. PDFs download;
 * images open in the browser; either way in a sandbox that runs nothing.
 */
@Controller
class EvidenceController {

    private final TargetManagement targets;

    EvidenceController(TargetManagement targets) {
        this.targets = targets;
    }

    @GetMapping("/evidence/{id}")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    ResponseEntity<Resource> evidence(@PathVariable long id) {
        Evidence evidence = targets.evidence(id);
        ContentDisposition disposition = (evidence.isImage() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(evidence.fileName(), java.nio.charset.StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(evidence.contentType()))
                .contentLength(evidence.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'")
                .header("X-Content-Type-Options", "nosniff")
                .body(targets.openEvidence(evidence));
    }
}
