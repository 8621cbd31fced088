package org.gongjian.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.reporting.bulletin.BulletinComposer;
import org.gongjian.reporting.excel.ImportSettings;
import org.gongjian.reporting.review.ReviewComposer;
import org.gongjian.reporting.review.ReviewVariant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/** 报表中心: the review and bulletins to read, print and download; Excel exports, templates and import. */
@Controller
@RequestMapping("/reports")
class ReportPageController {

    private final ProgrammeManagement programmes;
    private final ReviewComposer reviews;
    private final BulletinComposer bulletins;
    private final Downloads downloads;
    private final Uploads uploads;
    private final ImportSettings settings;
    private final MessageSource messages;
    private final Clock clock;

    ReportPageController(ProgrammeManagement programmes, ReviewComposer reviews, BulletinComposer bulletins,
            Downloads downloads, Uploads uploads, ImportSettings settings, MessageSource messages, Clock clock) {
        this.programmes = programmes;
        this.reviews = reviews;
        this.bulletins = bulletins;
        this.downloads = downloads;
        this.uploads = uploads;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('reporting:report:read')")
    String index(@RequestParam(required = false) @Nullable String refused, Model model, Locale locale) {
        if ("too-big".equals(refused)) {   // an upload over the limit, sent back here by UploadLimitFilter
            model.addAttribute("refused", messages.getMessage("error.import.too-big",
                    new Object[] {String.valueOf(settings.maxBytes() / (1024 * 1024))}, locale));
        }
        model.addAttribute("programmes", programmes.programmes(Pageable.unpaged()).getContent());
        model.addAttribute("maxMb", settings.maxBytes() / (1024 * 1024));
        model.addAttribute("maxBytes", settings.maxBytes());
        return "reporting/index";
    }

    @GetMapping("/{code}/review")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    String review(@PathVariable String code, @RequestParam(required = false) @Nullable String variant, Model model,
            Locale locale) {
        ReviewVariant v = ReviewVariant.parse(variant, ReviewVariant.WORKING);
        model.addAttribute("doc", reviews.compose(code, locale, v));
        model.addAttribute("variant", v.name().toLowerCase(Locale.ROOT));
        model.addAttribute("settingsLink", "/reports/" + code + "/review/settings");
        model.addAttribute("download", "/reports/" + code + "/review/download");
        model.addAttribute("month", null);
        return "reporting/view";
    }

    @GetMapping("/{code}/review/download")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    ResponseEntity<byte[]> reviewFile(@PathVariable String code, @RequestParam String format,
            @RequestParam(required = false) @Nullable String variant, Locale locale) {
        return downloads.review(code, format, variant, locale);
    }

    @GetMapping("/{code}/bulletin")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    String bulletin(@PathVariable String code, @RequestParam(required = false) @Nullable String month, Model model,
            Locale locale) {
        YearMonth m = month == null || month.isBlank() ? defaultMonth(programmes.programme(code)) : Months.parse(month);
        model.addAttribute("doc", bulletins.compose(code, m, locale));
        model.addAttribute("download", "/reports/" + code + "/bulletin/download");
        model.addAttribute("month", m.toString());
        return "reporting/view";
    }

    @GetMapping("/{code}/bulletin/download")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    ResponseEntity<byte[]> bulletinFile(@PathVariable String code, @RequestParam String month, @RequestParam String format,
            Locale locale) {
        return downloads.bulletin(code, month, format, locale);
    }

    @GetMapping("/{code}/excel/{what}.xlsx")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    ResponseEntity<byte[]> excel(@PathVariable String code, @PathVariable String what) {
        return downloads.excel(code, what);
    }

    @GetMapping("/audit.xlsx")
    @PreAuthorize("hasAuthority('audit:entry:read')")
    ResponseEntity<byte[]> audit(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return downloads.audit(from, to, null);
    }

    /** The import's outcome page; a refused file is shown there too, by {@link ReportPageErrors}. */
    @PostMapping("/{code}/import")
    @PreAuthorize("hasAuthority('reporting:import:create')")
    String importFile(@PathVariable String code, @RequestParam(defaultValue = Uploads.MEASUREMENTS) String kind,
            @RequestPart("file") MultipartFile file, Model model, Locale locale, HttpServletResponse response) {
        model.addAttribute("programme", programmes.programme(code));
        try {
            model.addAttribute("result", uploads.run(code, kind, file));
        } catch (AccessDeniedException e) {   // audited by the programme's guard
            model.addAttribute("refused", messages.getMessage("error.import.office-only", null, locale));
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        return "reporting/import-result";
    }

    @GetMapping("/templates/accounts.xlsx")
    @PreAuthorize("hasAuthority('organisation:user:admin')")
    ResponseEntity<byte[]> accountsTemplate() {
        return downloads.accountsTemplate(uploads.accountsTemplate());
    }

    /** The accounts import's outcome page (the office). */
    @PostMapping("/accounts/import")
    @PreAuthorize("hasAuthority('organisation:user:admin')")
    String importAccounts(@RequestPart("file") MultipartFile file, Model model) {
        model.addAttribute("programme", null);
        model.addAttribute("result", uploads.accounts(file));
        return "reporting/import-result";
    }

    @GetMapping("/imports/errors/{id}.xlsx")
    @PreAuthorize("hasAuthority('reporting:import:create')")
    ResponseEntity<byte[]> errors(@PathVariable String id) {
        return downloads.errorFile(id);
    }

    /** The last full month, within the programme's year. */
    private YearMonth defaultMonth(Programme programme) {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        YearMonth end = YearMonth.from(programme.endDate());
        YearMonth start = YearMonth.from(programme.startDate());
        return last.isAfter(end) ? end : last.isBefore(start) ? start : last;
    }
}
