package org.gongjian.industry.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.enterprise.EnterpriseFigures;
import org.gongjian.enterprise.RegisterFilter;
import org.gongjian.industry.StatisticsWorkbook;
import org.gongjian.organisation.Accounts;
import org.gongjian.reporting.excel.ErrorFiles;
import org.gongjian.reporting.excel.ImportRefused;
import org.gongjian.reporting.excel.UploadedWorkbook;
import org.gongjian.shared.web.Attachments;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The statistics bureau's spreadsheet: export of the register's figures for a year, and the import (all or none)
 * from the register's page or the API, with the error workbook of a refused file.
 */
@Controller
class IndustryWorkbookController {


    /** The API's answer to an import: rows read and written, each failing row's messages, the error workbook's link. */
    record ImportAnswer(int rows, int written, Map<Integer, List<String>> errors, @Nullable String errorFile) {
    }

    private final StatisticsWorkbook workbook;
    private final EnterpriseFigures figures;
    private final ErrorFiles errorFiles;
    private final Accounts accounts;
    private final MessageSource messages;

    IndustryWorkbookController(StatisticsWorkbook workbook, EnterpriseFigures figures, ErrorFiles errorFiles,
            Accounts accounts, MessageSource messages) {
        this.workbook = workbook;
        this.figures = figures;
        this.errorFiles = errorFiles;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping({"/industry/statistics.xlsx", "/api/v1/industry/statistics.xlsx"})
    @PreAuthorize("hasAuthority('enterprise:enterprise:read')")
    @Operation(summary = "The register's firms (filtered as the list) with their figures of a year, in the bureau's layout")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) @Nullable String park, @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String cluster,
            @RequestParam(required = false) @Nullable Boolean aboveScale,
            @RequestParam(required = false) @Nullable Boolean listed) {
        int y = year != null ? year : figures.years().stream().findFirst().orElse(figures.asOf(EnterpriseFigures.LAST_YEAR).getYear());
        byte[] bytes = workbook.export(new RegisterFilter(q, town, park, industry, cluster, aboveScale, listed), y);
        return Attachments.xlsx("企业库统计数据-" + y + ".xlsx", bytes);
    }

    @PostMapping("/industry/statistics/import")
    @PreAuthorize("hasAuthority('enterprise:figure:write')")
    String importPage(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes flash,
            Locale locale) {
        try {
            StatisticsWorkbook.Result result = run(file);
            if (result.ok()) {
                flash.addFlashAttribute("saved", messages.getMessage("enterprise.import.done", new Object[] {result.written()},
                        locale));
            } else {
                List<String> lines = new ArrayList<>();
                result.errors().forEach((row, problems) -> lines.add(messages.getMessage("enterprise.import.row",
                        new Object[] {row, String.join("；", problems)}, locale)));
                flash.addFlashAttribute("errors", lines.size() > 50 ? lines.subList(0, 50) : lines);
                flash.addFlashAttribute("errorFile", result.errorFileId());
            }
        } catch (ImportRefused e) {
            flash.addFlashAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)));
        }
        return "redirect:/enterprises";
    }

    @PostMapping(path = "/api/v1/industry/statistics", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('enterprise:figure:write')")
    @ResponseBody
    @Operation(summary = "Import the statistics bureau's spreadsheet, all or none (422 with every row's errors)")
    ResponseEntity<ImportAnswer> importApi(@RequestParam(name = "file", required = false) @Nullable MultipartFile file) {
        StatisticsWorkbook.Result r = run(file);
        ImportAnswer answer = new ImportAnswer(r.rows(), r.written(), r.errors(),
                r.errorFileId() == null ? null : "/api/v1/industry/statistics/errors/" + r.errorFileId());
        return r.ok() ? ResponseEntity.ok(answer) : ResponseEntity.unprocessableContent().body(answer);
    }

    @GetMapping({"/industry/statistics/import-errors/{id}", "/api/v1/industry/statistics/errors/{id}"})
    @PreAuthorize("hasAuthority('enterprise:figure:write')")
    @Operation(summary = "The error workbook of a refused import (its uploader only)")
    ResponseEntity<byte[]> errors(@PathVariable String id) {
        return Attachments.xlsx("错误说明.xlsx", errorFiles.load(id, accounts.current().username()));
    }

    /** A refused file on the API: a problem detail saying what is wrong with it. */
    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(ImportRefused e, Locale locale) {
        HttpStatus status = "error.import.too-big".equals(e.messageKey()) ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        return ResponseEntity.status(status).body(problem);
    }

    private StatisticsWorkbook.Result run(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new ImportRefused("error.import.no-rows");
        }
        return UploadedWorkbook.asFile(file, workbook::importFile);
    }
}
