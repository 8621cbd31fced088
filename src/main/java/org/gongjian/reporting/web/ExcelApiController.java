package org.gongjian.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.gongjian.reporting.excel.ImportResult;
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

    private final Downloads downloads;
    private final Uploads uploads;

    ExcelApiController(Downloads downloads, Uploads uploads) {
        this.downloads = downloads;
        this.uploads = uploads;
    }

    @GetMapping("/programmes/{code}/{what:initiatives|measurements|notices}.xlsx")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    @Operation(summary = "The initiatives with their targets (latest value, completion, status), every measurement, "
            + "or the supervision notices the reader may see, as .xlsx")
    ResponseEntity<byte[]> export(@PathVariable String code, @PathVariable String what) {
        return downloads.excel(code, what);
    }

    @GetMapping("/programmes/{code}/templates/{what:initiatives|measurements}.xlsx")
    @PreAuthorize("hasAuthority('reporting:report:read')")
    @Operation(summary = "An import template: measurements (pre-filled with the targets the user may report), "
            + "or initiatives with their targets")
    ResponseEntity<byte[]> template(@PathVariable String code, @PathVariable String what) {
        return downloads.excel(code, "template-" + what);
    }

    @GetMapping("/audit.xlsx")
    @PreAuthorize("hasAuthority('audit:entry:read')")
    @Operation(summary = "The audit trail between two dates (default: the last 30 days) as .xlsx")
    ResponseEntity<byte[]> audit(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String entityType) {
        return downloads.audit(from, to, entityType);
    }

    @PostMapping(path = "/programmes/{code}/imports/{kind}", consumes = "multipart/form-data")
    @PreAuthorize("hasAuthority('reporting:import:create')")
    @Operation(summary = "Import measurements, or (programme office) initiatives with their targets, from .xlsx: "
            + "all rows or none; 422 with every row's errors and a marked-up copy otherwise")
    ResponseEntity<ImportResult> importFile(@PathVariable String code, @PathVariable String kind,
            @RequestPart("file") MultipartFile file,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean confirm) {
        ImportResult result = uploads.run(code, kind, file, confirm);
        return ResponseEntity.status(result.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(result);
    }

    @GetMapping("/templates/accounts.xlsx")
    @PreAuthorize("hasAuthority('organisation:user:admin')")
    @Operation(summary = "The accounts import template (the office)")
    ResponseEntity<byte[]> accountsTemplate() {
        return downloads.accountsTemplate(uploads.accountsTemplate());
    }

    @PostMapping(path = "/imports/accounts", consumes = "multipart/form-data")
    @PreAuthorize("hasAuthority('organisation:user:admin')")
    @Operation(summary = "Import accounts from .xlsx (the office): all rows or none, each to change its first "
            + "password at first login; 422 with every row's errors and a marked-up copy otherwise")
    ResponseEntity<ImportResult> importAccounts(@RequestPart("file") MultipartFile file) {
        ImportResult result = uploads.accounts(file);
        return ResponseEntity.status(result.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(result);
    }

    @GetMapping("/imports/errors/{id}.xlsx")
    @PreAuthorize("hasAuthority('reporting:import:create')")
    @Operation(summary = "The refused file with an 错误说明 column; only its uploader may fetch it, for a day")
    ResponseEntity<byte[]> errors(@PathVariable String id) {
        return downloads.errorFile(id);
    }
}
