package org.gongjian.reporting.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import org.gongjian.reporting.Document;
import org.gongjian.reporting.bulletin.KeyProjectBulletin;
import org.gongjian.reporting.render.Format;
import org.gongjian.reporting.render.Renderer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The monthly key-project bulletin: read on a page, downloaded as md, html, pdf or docx. */
@Controller
@RequestMapping("/reports/key-projects")
class KeyProjectReportController {

    private final KeyProjectBulletin bulletin;
    private final Renderer renderer;
    private final Clock clock;

    KeyProjectReportController(KeyProjectBulletin bulletin, Renderer renderer, Clock clock) {
        this.bulletin = bulletin;
        this.renderer = renderer;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('reporting:report:read')")
    String view(@RequestParam(required = false) @Nullable String month, Model model, Locale locale) {
        YearMonth m = month == null || month.isBlank() ? YearMonth.now(clock).minusMonths(1) : Months.parse(month);
        model.addAttribute("doc", bulletin.compose(m, locale));
        model.addAttribute("download", "/reports/key-projects/download");
        model.addAttribute("month", m.toString());
        return "reporting/view";
    }

    @GetMapping("/download")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    ResponseEntity<byte[]> download(@RequestParam String month, @RequestParam String format, Locale locale) {
        Format f = Format.parse(format);
        Document doc = bulletin.compose(Months.parse(month), locale);
        ContentDisposition disposition = (f == Format.HTML ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(doc.fileName() + "." + f.extension(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").contentType(f.mediaType()).body(renderer.render(doc, f, locale));
    }
}
