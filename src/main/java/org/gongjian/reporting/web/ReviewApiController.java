package org.gongjian.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The year-end review and the monthly bulletin of a programme, generated from its data on every request. */
@RestController
@RequestMapping("/api/v1/programmes/{code}")
@Tag(name = "reports", description = "年度攻坚成果、工作简报")
class ReviewApiController {

    private final Downloads downloads;

    ReviewApiController(Downloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/bulletin")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    @Operation(summary = "The monthly bulletin (工作简报) for a month (yyyy-MM) as md, html, pdf or docx, charts as images")
    ResponseEntity<byte[]> bulletin(@PathVariable String code, @RequestParam String month,
            @RequestParam(defaultValue = "md") String format, Locale locale) {
        return downloads.bulletin(code, month, format, locale);
    }

    @GetMapping("/review")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    @Operation(summary = "The year-end review (年度攻坚成果) as md, html, pdf or docx, generated from the data; "
            + "variant=official (a 公文 with 发文机关标志, 文号, 主送, 落款; default for docx and pdf) or working "
            + "(with byline, captions and internal notes; default for md and html)")
    ResponseEntity<byte[]> review(@PathVariable String code, @RequestParam(defaultValue = "md") String format,
            @RequestParam(required = false) @Nullable String variant, Locale locale) {
        return downloads.review(code, format, variant, locale);
    }
}
