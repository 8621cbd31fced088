package org.gongjian.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gongjian.organisation.Accounts;
import org.gongjian.reporting.excel.ErrorFiles;
import org.gongjian.reporting.excel.ExcelExports;
import org.gongjian.reporting.excel.ExcelTemplates;
import org.gongjian.reporting.excel.ImportResult;
import org.gongjian.reporting.excel.MeasurementImport;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Excel in and out: exports of the lists, import templates, and imports that write all rows or none. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "excel", description = "Excel 导出、模板与导入")
class ExcelApiController {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ExcelExports exports;
    private final ExcelTemplates templates;
    private final MeasurementImport measurementImport;
    private final ErrorFiles errorFiles;
    private final Accounts accounts;

    ExcelApiController(ExcelExports exports, ExcelTemplates templates, MeasurementImport measurementImport,
            ErrorFiles errorFiles, Accounts accounts) {
        this.exports = exports;
        this.templates = templates;
        this.measurementImport = measurementImport;
        this.errorFiles = errorFiles;
        this.accounts = accounts;
    }

    @GetMapping("/programmes/{code}/initiatives.xlsx")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    @Operation(summary = "The initiatives and their targets (latest value, completion) as .xlsx")
    ResponseEntity<byte[]> initiatives(@PathVariable String code) {
        return Downloads.xlsx(code + "-攻坚任务", exports.initiatives(code));
    }

    @GetMapping("/programmes/{code}/measurements.xlsx")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    @Operation(summary = "Every measurement of the programme as .xlsx")
    ResponseEntity<byte[]> measurements(@PathVariable String code) {
        return Downloads.xlsx(code + "-进展数据", exports.measurements(code));
    }

    @GetMapping("/audit.xlsx")
    @PreAuthorize("hasAuthority('audit:entry:read')")
    @Operation(summary = "The audit trail between two dates (default: the last 30 days) as .xlsx")
    ResponseEntity<byte[]> audit(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String entityType) {
        LocalDate end = to == null ? LocalDate.now(ZONE) : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        Instant a = start.atStartOfDay(ZONE).toInstant();
        Instant b = end.plusDays(1).atStartOfDay(ZONE).toInstant();
        return Downloads.xlsx("操作日志-" + start + "-" + end, exports.audit(a, b, entityType));
    }

    @GetMapping("/programmes/{code}/templates/measurements.xlsx")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    @Operation(summary = "The measurement template, pre-filled with the targets the user may report")
    ResponseEntity<byte[]> measurementTemplate(@PathVariable String code) {
        return Downloads.xlsx(code + "-进展数据填报模板", templates.measurements(code));
    }

    @GetMapping("/programmes/{code}/templates/initiatives.xlsx")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    @Operation(summary = "The initiatives-with-targets template")
    ResponseEntity<byte[]> initiativeTemplate(@PathVariable String code) {
        return Downloads.xlsx(code + "-攻坚任务及指标模板", templates.initiatives(code));
    }

    @PostMapping(path = "/programmes/{code}/imports/measurements", consumes = "multipart/form-data")
    @PreAuthorize("hasAuthority('reporting:import:create')")
    @Operation(summary = "Import measurements from .xlsx: all rows or none; 422 with every row's errors otherwise")
    ResponseEntity<ImportResult> importMeasurements(@PathVariable String code, @RequestPart("file") MultipartFile file) {
        ImportResult result = Uploads.withTempFile(file, path -> measurementImport.run(code, path, Uploads.name(file)));
        return ResponseEntity.status(result.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(result);
    }

    @GetMapping("/imports/errors/{id}.xlsx")
    @PreAuthorize("hasAuthority('reporting:import:create')")
    @Operation(summary = "The refused file with an 错误说明 column; only its uploader may fetch it, for a day")
    ResponseEntity<byte[]> errors(@PathVariable String id) {
        return Downloads.xlsx("导入错误说明", errorFiles.load(id, accounts.current().username()));
    }
}
