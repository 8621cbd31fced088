package org.gongjian.forms.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gongjian.forms.Form;
import org.gongjian.forms.FormDefinition;
import org.gongjian.forms.FormReturn;
import org.gongjian.forms.FormReturns;
import org.gongjian.forms.FormWorkbooks;
import org.gongjian.forms.Forms;
import org.gongjian.forms.ReturnStatus;
import org.gongjian.shared.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Data collection forms as JSON: forms, versions, assignments, returns and their review. */
@RestController
@RequestMapping("/api/v1/forms")
@Tag(name = "forms", description = "数据填报：表单设计、分配、填报与审核")
class FormsApiController {

    private final Forms forms;
    private final FormReturns returns;

    private final FormWorkbooks workbooks;
    private final org.gongjian.forms.FormFiles files;

    FormsApiController(Forms forms, FormReturns returns, FormWorkbooks workbooks, org.gongjian.forms.FormFiles files) {
        this.forms = forms;
        this.returns = returns;
        this.workbooks = workbooks;
        this.files = files;
    }

    @PostMapping(path = "/returns/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('forms:return:fill')")
    @Operation(summary = "Upload an evidence file (PDF, PNG, JPEG by content) to a return; a FILE field then names its id")
    ResponseEntity<org.gongjian.forms.FormFiles.StoredFile> uploadFile(@PathVariable long id,
            @RequestParam("file") MultipartFile file) throws java.io.IOException {
        try (java.io.InputStream in = file.getInputStream()) {
            var stored = files.upload(id, file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(), in);
            return ResponseEntity.created(URI.create("/api/v1/forms/files/" + stored.id())).body(stored);
        }
    }

    @GetMapping("/files/{id}")
    @PreAuthorize("hasAuthority('forms:form:read')")
    @Operation(summary = "An evidence file of a return the caller may see")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        var f = files.file(id);
        return org.gongjian.shared.web.Attachments.download(f.fileName(), f.contentType(), files.content(f));
    }

    /** A new form: its code and first definition (version 1, a draft). */
    record NewForm(String code, FormDefinition definition) {
    }

    /** A definition for a new or draft version. */
    record DefinitionBody(FormDefinition definition) {
    }

    /** A form in a list. */
    record FormSummary(String code, String title, boolean demo, int versions, @Nullable Integer published,
            List<Form.Assignment> assignments) {
        static FormSummary of(Form f) {
            return new FormSummary(f.code(), f.title(), f.demo(), f.versions().size(),
                    f.latestPublished().map(Form.Version::number).orElse(null), f.assignments());
        }
    }

    /** Values of a return, by field code (a table: a list of rows; a multiple choice: a list). */
    record ValuesBody(@Nullable Map<String, Object> values) {
        Map<String, Object> valuesOrEmpty() {
            return values == null ? Map.of() : values;
        }
    }

    record ReasonBody(@Nullable String reason) {
    }

    /** A return with the definition it is filled against. */
    record ReturnView(FormReturn ret, FormDefinition definition) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('forms:form:read')")
    @Operation(summary = "Forms, by code")
    Page<FormSummary> list(@PageableDefault(size = 20) Pageable pageable) {
        return forms.list(pageable).map(FormSummary::of);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('forms:form:design')")
    @Operation(summary = "Create a form (office); its definition becomes version 1, a draft")
    ResponseEntity<Form> create(@RequestBody NewForm body) {
        Form form = forms.create(body.code(), body.definition(), false);
        return ResponseEntity.created(URI.create("/api/v1/forms/" + form.code())).body(form);
    }

    @GetMapping("/{form}")
    @PreAuthorize("hasAuthority('forms:form:read')")
    @Operation(summary = "A form with every version's definition and its assignments")
    Form form(@PathVariable String form) {
        return forms.form(form);
    }

    @PostMapping("/{form}/versions")
    @PreAuthorize("hasAuthority('forms:form:design')")
    @Operation(summary = "A new draft version (applies from the next period once published)")
    ResponseEntity<Form.Version> newVersion(@PathVariable String form, @RequestBody DefinitionBody body) {
        Form.Version v = forms.newVersion(form, body.definition());
        return ResponseEntity.created(URI.create("/api/v1/forms/" + form + "/versions/" + v.number()))
                .eTag(Versions.etag(v.rowVersion())).body(v);
    }

    @GetMapping("/{form}/versions/{number}")
    @PreAuthorize("hasAuthority('forms:form:read')")
    @Operation(summary = "A version; its ETag is needed to change a draft")
    ResponseEntity<Form.Version> version(@PathVariable String form, @PathVariable int number) {
        Form.Version v = forms.form(form).version(number);
        return ResponseEntity.ok().eTag(Versions.etag(v.rowVersion())).body(v);
    }

    @PutMapping("/{form}/versions/{number}")
    @PreAuthorize("hasAuthority('forms:form:design')")
    @Operation(summary = "Replace a draft version's definition (a published one is refused with 409)")
    ResponseEntity<Form.Version> updateDraft(@PathVariable String form, @PathVariable int number,
            @RequestBody DefinitionBody body, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Form.Version v = forms.updateDraft(form, number, body.definition(), Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(v.rowVersion())).body(v);
    }

    @PostMapping("/{form}/versions/{number}/publish")
    @PreAuthorize("hasAuthority('forms:form:design')")
    @Operation(summary = "Publish a draft version; from then on it never changes")
    Form.Version publish(@PathVariable String form, @PathVariable int number) {
        return forms.publish(form, number);
    }

    @PostMapping("/{form}/assignments")
    @PreAuthorize("hasAuthority('forms:form:design')")
    @Operation(summary = "Assign a form to units (or a unit kind, TOWN_LEVEL for all towns) on a cycle")
    ResponseEntity<Form.Assignment> assign(@PathVariable String form, @RequestBody Forms.AssignmentData body) {
        Form.Assignment a = forms.assign(form, body);
        return ResponseEntity.created(URI.create("/api/v1/forms/" + form)).body(a);
    }

    @GetMapping("/returns")
    @PreAuthorize("hasAuthority('forms:form:read')")
    @Operation(summary = "Returns the caller may see (unit staff: their own unit's), newest period first")
    Page<FormReturn> returns(@RequestParam(required = false) @Nullable String form,
            @RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable ReturnStatus status, @PageableDefault(size = 50) Pageable pageable) {
        return returns.list(new FormReturns.Filter(form, unit, period, status), pageable);
    }

    @GetMapping("/returns/{id}")
    @PreAuthorize("hasAuthority('forms:form:read')")
    @Operation(summary = "A return with its definition; another unit's return is 404 for unit staff")
    ResponseEntity<ReturnView> ret(@PathVariable long id) {
        FormReturn r = returns.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(r.rowVersion())).body(new ReturnView(r, returns.definition(r)));
    }

    @GetMapping("/returns/{id}/history")
    @PreAuthorize("hasAuthority('forms:form:read')")
    @Operation(summary = "Every save, submission and decision of a return, oldest first")
    List<FormReturn.Event> history(@PathVariable long id) {
        return returns.history(id);
    }

    @PutMapping("/returns/{id}")
    @PreAuthorize("hasAuthority('forms:return:fill')")
    @Operation(summary = "Save a draft (types and ranges checked; required fields only on submission)")
    ResponseEntity<FormReturn> save(@PathVariable long id, @RequestBody ValuesBody body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        FormReturn r = returns.save(id, body.valuesOrEmpty(), Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(r.rowVersion())).body(r);
    }

    @PostMapping("/returns/{id}/submit")
    @PreAuthorize("hasAuthority('forms:return:fill')")
    @Operation(summary = "Submit a return with its values (every rule applies)")
    ResponseEntity<FormReturn> submit(@PathVariable long id, @RequestBody ValuesBody body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        FormReturn r = returns.submit(id, body.valuesOrEmpty(), Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(r.rowVersion())).body(r);
    }

    @PostMapping("/returns/{id}/accept")
    @PreAuthorize("hasAuthority('forms:return:review')")
    @Operation(summary = "Accept a submitted return (office); its figures feed the bound targets")
    FormReturn accept(@PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return returns.accept(id, Versions.fromIfMatch(ifMatch));
    }

    @PostMapping("/returns/{id}/return")
    @PreAuthorize("hasAuthority('forms:return:review')")
    @Operation(summary = "Return a submitted return to its unit with a reason (office)")
    FormReturn sendBack(@PathVariable long id, @RequestBody ReasonBody body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return returns.sendBack(id, body.reason(), Versions.fromIfMatch(ifMatch));
    }

    @GetMapping("/returns/{id}/template.xlsx")
    @PreAuthorize("hasAuthority('forms:form:read')")
    @Operation(summary = "The return as an Excel template to fill (sheet 填报, and a sheet per table)")
    ResponseEntity<byte[]> template(@PathVariable long id) {
        return xlsx(workbooks.template(id), "return-" + id + ".xlsx");
    }

    @PostMapping(path = "/returns/{id}/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('forms:return:fill')")
    @Operation(summary = "Upload the filled template: saved as a draft, all of it or nothing (errors by sheet and row)")
    FormReturn upload(@PathVariable long id, @RequestParam("file") MultipartFile file) throws java.io.IOException {
        try (java.io.InputStream in = file.getInputStream()) {
            return workbooks.upload(id, in);
        }
    }

    @GetMapping("/{form}/periods/{period}/export.xlsx")
    @PreAuthorize("hasAuthority('forms:form:read')")
    @Operation(summary = "Every return of a period that the caller may see, in one workbook")
    ResponseEntity<byte[]> export(@PathVariable String form, @PathVariable String period) {
        return xlsx(workbooks.export(form, period), form + "-" + period + ".xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] content, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(FormWorkbooks.XLSX)).body(content);
    }
}
