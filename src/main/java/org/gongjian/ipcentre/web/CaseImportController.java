package org.gongjian.ipcentre.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gongjian.ipcentre.CaseImport;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The design-case import over the API (all rows or none: 201 with the count, or 422 problem details with every
 * row's errors and the address of the error workbook), and the error workbook itself, for its uploader only.
 */
@RestController
@Tag(name = "ipcentre")
class CaseImportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CaseImport caseImport;
    private final MessageSource messages;

    CaseImportController(CaseImport caseImport, MessageSource messages) {
        this.caseImport = caseImport;
        this.messages = messages;
    }

    /** What an accepted import answers. */
    record Imported(int rows, int imported) {
    }

    @Operation(summary = "Import design cases (.xlsx, the template's columns): all rows or none; 201 with the count, "
            + "or 422 problem details with errors [{row, messages}] and errorFile, the file with an 错误说明 column")
    @PostMapping(path = "/api/v1/ipcentre/cases/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    ResponseEntity<?> importCases(@RequestPart(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "error.import.empty");
        }
        Path tmp = Files.createTempFile("ipcentre-import", ".xlsx");
        try {
            file.transferTo(tmp);
            CaseImport.Result result = caseImport.run(tmp);
            if (result.rows() == 0) {
                throw new InvalidInputException("file", "ipcentre.import.no-rows");
            }
            if (result.ok()) {
                return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(result.rows(), result.imported()));
            }
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    message("ipcentre.import.failed", result.errors().size()));
            problem.setTitle(message("problem.invalid"));
            problem.setProperty("rows", result.rows());
            problem.setProperty("errors", result.errors().stream()
                    .map(e -> Map.of("row", e.row(), "messages", e.messages())).toList());
            problem.setProperty("errorFile", "/api/v1/ipcentre/cases/import/errors/" + result.errorFileId());
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Operation(summary = "A refused import's file with an 错误说明 column (its uploader only, for a day)")
    @GetMapping({"/api/v1/ipcentre/cases/import/errors/{id}", "/ipcentre/cases/import-errors/{id}.xlsx"})
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    ResponseEntity<byte[]> errorFile(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("案件导入-错误说明.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(caseImport.errorFile(id));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
