package org.gongjian.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.reporting.review.ReviewSettings;
import org.gongjian.reporting.review.ReviewSettingsStore;
import org.gongjian.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The official review's settings of a programme (发文机关标志, 落款, 发文字号, 主送…) in the API. */
@RestController
@Tag(name = "reports")
class ReviewSettingsApiController {

    private final ReviewSettingsStore store;
    private final ProgrammeManagement programmes;

    ReviewSettingsApiController(ReviewSettingsStore store, ProgrammeManagement programmes) {
        this.store = store;
        this.programmes = programmes;
    }

    @GetMapping("/api/v1/programmes/{code}/review-settings")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    @Operation(summary = "The official review's settings: 发文机关标志, issuing body, 发文字号 pattern ({year}, {n}), addressees")
    ReviewSettings get(@PathVariable String code) {
        programmes.programme(code);
        return store.find(code).orElseThrow(() -> new NotFoundException("error.review-settings.not-found", code));
    }

    @PutMapping("/api/v1/programmes/{code}/review-settings")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    @Operation(summary = "Sets the official review's settings (programme office)")
    ReviewSettings put(@PathVariable String code, @RequestBody @Valid ReviewSettings settings) {
        return store.save(code, settings);
    }
}
