package org.gongjian.reporting.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import org.gongjian.organisation.Accounts;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.reporting.Document;
import org.gongjian.reporting.bulletin.BulletinComposer;
import org.gongjian.reporting.excel.ErrorFiles;
import org.gongjian.reporting.excel.ExcelExports;
import org.gongjian.reporting.excel.ExcelTemplates;
import org.gongjian.reporting.excel.ImportRefused;
import org.gongjian.reporting.excel.ImportResult;
import org.gongjian.reporting.excel.ImportSettings;
import org.gongjian.reporting.excel.MeasurementImport;
import org.gongjian.reporting.render.Format;
import org.gongjian.reporting.render.Renderer;
import org.gongjian.reporting.review.ReviewComposer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
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
    private final Renderer renderer;
    private final ExcelExports exports;
    private final ExcelTemplates templates;
    private final MeasurementImport measurementImport;
    private final ErrorFiles errorFiles;
    private final Accounts accounts;
    private final ImportSettings settings;
    private final MessageSource messages;
    private final Clock clock;

    ReportPageController(ProgrammeManagement programmes, ReviewComposer reviews, BulletinComposer bulletins,
            Renderer renderer, ExcelExports exports, ExcelTemplates templates, MeasurementImport measurementImport,
            ErrorFiles errorFiles, Accounts accounts, ImportSettings settings, MessageSource messages, Clock clock) {
        this.programmes = programmes;
        this.reviews = reviews;
        this.bulletins = bulletins;
        this.renderer = renderer;
        this.exports = exports;
        this.templates = templates;
        this.measurementImport = measurementImport;
        this.errorFiles = errorFiles;
        this.accounts = accounts;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('reporting:report:read')")
    String index(Model model) {
        model.addAttribute("programmes", programmes.programmes(Pageable.unpaged()).getContent());
        model.addAttribute("maxMb", settings.maxBytes() / (1024 * 1024));
        return "reporting/index";
    }

    @GetMapping("/{code}/review")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    String review(@PathVariable String code, Model model, Locale locale) {
        model.addAttribute("doc", reviews.compose(code, locale));
        model.addAttribute("download", "/reports/" + code + "/review/download");
        model.addAttribute("month", null);
        return "reporting/view";
    }

    @GetMapping("/{code}/review/download")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    ResponseEntity<byte[]> reviewFile(@PathVariable String code, @RequestParam String format, Locale locale) {
        Format f = Format.parse(format);
        Document doc = reviews.compose(code, locale);
        return Downloads.of(doc.fileName(), f, renderer.render(doc, f, locale));
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
        Format f = Format.parse(format);
        Document doc = bulletins.compose(code, Months.parse(month), locale);
        return Downloads.of(doc.fileName(), f, renderer.render(doc, f, locale));
    }

    @GetMapping("/{code}/excel/{what}.xlsx")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    ResponseEntity<byte[]> excel(@PathVariable String code, @PathVariable String what) {
        return switch (what) {
            case "initiatives" -> Downloads.xlsx(code + "-攻坚任务", exports.initiatives(code));
            case "measurements" -> Downloads.xlsx(code + "-进展数据", exports.measurements(code));
            case "template-measurements" -> Downloads.xlsx(code + "-进展数据填报模板", templates.measurements(code));
            case "template-initiatives" -> Downloads.xlsx(code + "-攻坚任务及指标模板", templates.initiatives(code));
            default -> throw new org.gongjian.shared.NotFoundException("error.report.not-found", what);
        };
    }

    @PostMapping("/{code}/import")
    @PreAuthorize("hasAuthority('reporting:import:create')")
    String importFile(@PathVariable String code, @RequestPart("file") MultipartFile file, Model model, Locale locale) {
        model.addAttribute("programme", programmes.programme(code));
        try {
            ImportResult result = Uploads.withTempFile(file, path -> measurementImport.run(code, path, Uploads.name(file)));
            model.addAttribute("result", result);
        } catch (ImportRefused e) {
            model.addAttribute("refused", messages.getMessage(e.messageKey(), e.args(), locale));
        } catch (org.gongjian.shared.InvalidInputException e) {
            model.addAttribute("refused", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "reporting/import-result";
    }

    @GetMapping("/imports/errors/{id}.xlsx")
    @PreAuthorize("hasAuthority('reporting:import:create')")
    ResponseEntity<byte[]> errors(@PathVariable String id) {
        return Downloads.xlsx("导入错误说明", errorFiles.load(id, accounts.current().username()));
    }

    /** The last full month, within the programme's year. */
    private YearMonth defaultMonth(Programme programme) {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        YearMonth end = YearMonth.from(programme.endDate());
        YearMonth start = YearMonth.from(programme.startDate());
        return last.isAfter(end) ? end : last.isBefore(start) ? start : last;
    }
}
