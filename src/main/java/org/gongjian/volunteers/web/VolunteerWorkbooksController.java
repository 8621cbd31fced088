package org.gongjian.volunteers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.gongjian.volunteers.VolunteerWorkbooks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A town's volunteer roster imported from Excel (all or nothing), and the hours ledger exported. */
@RestController
@Tag(name = "volunteers")
class VolunteerWorkbooksController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final VolunteerWorkbooks workbooks;

    VolunteerWorkbooksController(VolunteerWorkbooks workbooks) {
        this.workbooks = workbooks;
    }

    @Operation(summary = "Import a roster (.xlsx; columns 姓名, 身份证号, 手机号, 镇街, 社区/村, 特长, 队伍编号): all rows or "
            + "none; 422 with every row's errors and errorFileId, the file with an 错误说明 column")
    @PostMapping(path = "/api/v1/volunteers/roster-import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('volunteers:ledger:manage')")
    ResponseEntity<VolunteerWorkbooks.Result> importRoster(@RequestParam("file") MultipartFile file) throws IOException {
        Path tmp = Files.createTempFile("volunteers-roster", ".xlsx");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            VolunteerWorkbooks.Result r = workbooks.importRoster(tmp);
            return ResponseEntity.status(r.errors().isEmpty() && r.registered() > 0 ? HttpStatus.CREATED
                    : HttpStatus.UNPROCESSABLE_CONTENT).body(r);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Operation(summary = "A refused roster given back with an 错误说明 column (its uploader only, for a day)")
    @GetMapping({"/api/v1/volunteers/roster-import/errors/{id}", "/volunteers/roster/errors/{id}.xlsx"})
    @PreAuthorize("hasAuthority('volunteers:ledger:manage')")
    ResponseEntity<byte[]> rosterErrors(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("花名册-错误说明.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(workbooks.errorFile(id));
    }

    @Operation(summary = "The current hours ledger (of a town, or all) as .xlsx")
    @GetMapping({"/api/v1/volunteers/hours-export", "/volunteers/hours.xlsx"})
    @PreAuthorize("hasAuthority('reporting:report:read')")
    ResponseEntity<byte[]> exportHours(@RequestParam(required = false) @Nullable String town) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"volunteer-hours.xlsx\"")
                .body(workbooks.exportHours(town));
    }
}
