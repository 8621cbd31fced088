package org.gongjian.forms.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.forms.Cycle;
import org.gongjian.forms.FieldType;
import org.gongjian.forms.Form;
import org.gongjian.forms.FormDefinition;
import org.gongjian.forms.FormReturn;
import org.gongjian.forms.FormReturns;
import org.gongjian.forms.FormWorkbooks;
import org.gongjian.forms.Forms;
import org.gongjian.forms.ReturnStatus;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages of forms: the list, a form with its versions and assignments (the office publishes and
 * assigns there), the returns a user may see, and the return page a unit fills on a phone.
 */
@Controller
class FormsPageController {

    private final Forms forms;
    private final FormReturns returns;
    private final Organisation organisation;
    private final JsonMapper json;
    private final FormWorkbooks workbooks;
    private final org.gongjian.forms.FormFiles files;

    FormsPageController(Forms forms, FormReturns returns, Organisation organisation, JsonMapper json,
            FormWorkbooks workbooks, org.gongjian.forms.FormFiles files) {
        this.files = files;
        this.forms = forms;
        this.returns = returns;
        this.organisation = organisation;
        this.json = json;
        this.workbooks = workbooks;
    }

    @GetMapping("/forms/returns/{id}/template.xlsx")
    @PreAuthorize("hasAuthority('forms:form:read')")
    org.springframework.http.ResponseEntity<byte[]> template(@PathVariable long id) {
        return FormsApiController.xlsx(workbooks.template(id), "return-" + id + ".xlsx");
    }

    @PostMapping(path = "/forms/returns/{id}/files", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('forms:return:fill')")
    String uploadFile(@PathVariable long id, @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            Model model, RedirectAttributes flash) throws java.io.IOException {
        FormReturn r = returns.get(id);
        try (java.io.InputStream in = file.getInputStream()) {
            var stored = files.upload(id, file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(), in);
            flash.addFlashAttribute("fileMessage", stored.id());
        } catch (InvalidInputException e) {
            return fill(r, r.values(), e.violations(), model);
        }
        return "redirect:/forms/returns/" + id;
    }

    @GetMapping("/forms/files/{id}")
    @PreAuthorize("hasAuthority('forms:form:read')")
    org.springframework.http.ResponseEntity<byte[]> file(@PathVariable long id) {
        var f = files.file(id);
        return org.gongjian.shared.web.Attachments.download(f.fileName(), f.contentType(), files.content(f));
    }

    @GetMapping("/forms/{form}/periods/{period}/export.xlsx")
    @PreAuthorize("hasAuthority('forms:form:read')")
    org.springframework.http.ResponseEntity<byte[]> export(@PathVariable String form, @PathVariable String period) {
        return FormsApiController.xlsx(workbooks.export(form, period), form + "-" + period + ".xlsx");
    }

    @PostMapping(path = "/forms/returns/{id}/upload", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('forms:return:fill')")
    String upload(@PathVariable long id, @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            Model model, RedirectAttributes flash) throws java.io.IOException {
        FormReturn r = returns.get(id);
        try (java.io.InputStream in = file.getInputStream()) {
            workbooks.upload(id, in);
        } catch (InvalidInputException e) {
            return fill(r, r.values(), e.violations(), model);
        } catch (org.gongjian.reporting.excel.ImportRefused e) {
            return fill(r, r.values(), List.of(new InvalidInputException.Violation("file", e.messageKey(), e.args())), model);
        }
        flash.addFlashAttribute("message", "forms.excel.uploaded");
        return "redirect:/forms/returns/" + id;
    }

    @GetMapping("/forms")
    @PreAuthorize("hasAuthority('forms:form:read')")
    String list(Model model) {
        model.addAttribute("forms", forms.list(PageRequest.of(0, 200)).getContent());
        model.addAttribute("mayDesign", forms.mayDesign());
        return "forms/list";
    }

    @GetMapping("/forms/{form}")
    @PreAuthorize("hasAuthority('forms:form:read')")
    String form(@PathVariable String form, Model model) {
        Form f = forms.form(form);
        model.addAttribute("form", f);
        model.addAttribute("version", f.latest());
        model.addAttribute("mayDesign", forms.mayDesign());
        model.addAttribute("cycles", Cycle.values());
        model.addAttribute("towns", organisation.townLevelUnits().stream().map(Unit::code).sorted().toList());
        model.addAttribute("names", names());
        model.addAttribute("definitionJson", json.writerWithDefaultPrettyPrinter().writeValueAsString(f.latest().definition()));
        return "forms/form";
    }

    @PostMapping("/forms/{form}/versions/{number}/publish")
    @PreAuthorize("hasAuthority('forms:form:design')")
    String publish(@PathVariable String form, @PathVariable int number, RedirectAttributes flash) {
        forms.publish(form, number);
        flash.addFlashAttribute("message", "forms.page.published");
        return "redirect:/forms/" + form;
    }

    @PostMapping("/forms/{form}/assignments")
    @PreAuthorize("hasAuthority('forms:form:design')")
    String assign(@PathVariable String form, @RequestParam(required = false) @Nullable String unitKind,
            @RequestParam(required = false) @Nullable String unitCodes, @RequestParam Cycle cycle,
            @RequestParam(defaultValue = "0") int dueDays, @RequestParam(defaultValue = "3") int reminderDays,
            @RequestParam(required = false) @Nullable LocalDate startsOn, @RequestParam(required = false) @Nullable LocalDate endsOn,
            RedirectAttributes flash) {
        List<String> codes = unitCodes == null ? List.of() : List.of(unitCodes.split("[,，、\\s]+"));
        forms.assign(form, new Forms.AssignmentData(codes, unitKind == null || unitKind.isBlank() ? null : unitKind, cycle,
                dueDays, reminderDays, startsOn, endsOn));
        flash.addFlashAttribute("message", "forms.page.assigned");
        return "redirect:/forms/" + form;
    }

    @GetMapping("/forms/returns")
    @PreAuthorize("hasAuthority('forms:form:read')")
    String returnsPage(@RequestParam(required = false) @Nullable String form,
            @RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable ReturnStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", returns.list(new FormReturns.Filter(blank(form), null, blank(period), status),
                PageRequest.of(Math.max(0, page), 50)));
        model.addAttribute("names", names());
        model.addAttribute("statuses", ReturnStatus.values());
        model.addAttribute("form", form);
        model.addAttribute("period", period);
        model.addAttribute("status", status);
        model.addAttribute("today", LocalDate.now());
        return "forms/returns";
    }

    @GetMapping("/forms/returns/{id}")
    @PreAuthorize("hasAuthority('forms:form:read')")
    String returnPage(@PathVariable long id, Model model) {
        FormReturn r = returns.get(id);
        return fill(r, r.values(), List.of(), model);
    }

    @PostMapping("/forms/returns/{id}")
    @PreAuthorize("hasAuthority('forms:return:fill')")
    String saveOrSubmit(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
            @RequestParam(defaultValue = "save") String action, @RequestParam(required = false) @Nullable Integer rowVersion,
            Model model, RedirectAttributes flash) {
        FormReturn r = returns.get(id);
        FormDefinition definition = returns.definition(r);
        Map<String, Object> values = values(definition, params);
        try {
            if ("submit".equals(action)) {
                returns.submit(id, values, rowVersion);
                flash.addFlashAttribute("message", "forms.page.submitted");
            } else {
                returns.save(id, values, rowVersion);
                flash.addFlashAttribute("message", "forms.page.saved");
            }
        } catch (InvalidInputException e) {
            return fill(r, values, e.violations(), model);
        }
        return "redirect:/forms/returns/" + id;
    }

    @PostMapping("/forms/returns/{id}/review")
    @PreAuthorize("hasAuthority('forms:return:review')")
    String review(@PathVariable long id, @RequestParam String decision, @RequestParam(required = false) @Nullable String reason,
            Model model, RedirectAttributes flash) {
        FormReturn r = returns.get(id);
        try {
            if ("accept".equals(decision)) {
                returns.accept(id, null);
                flash.addFlashAttribute("message", "forms.page.accepted");
            } else {
                returns.sendBack(id, reason, null);
                flash.addFlashAttribute("message", "forms.page.returned");
            }
        } catch (InvalidInputException e) {
            return fill(r, r.values(), e.violations(), model);
        }
        return "redirect:/forms/returns/" + id;
    }

    private String fill(FormReturn r, Map<String, Object> values, List<InvalidInputException.Violation> errors, Model model) {
        FormDefinition definition = returns.definition(r);
        model.addAttribute("ret", r);
        model.addAttribute("definition", definition);
        model.addAttribute("values", values);
        model.addAttribute("tables", tables(definition, values));
        Map<String, List<InvalidInputException.Violation>> byField = new LinkedHashMap<>();
        errors.forEach(v -> byField.computeIfAbsent(v.field(), k -> new ArrayList<>()).add(v));
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", byField);
        model.addAttribute("mayFill", returns.mayFill(r));
        model.addAttribute("mayReview", returns.mayReview(r));
        model.addAttribute("history", returns.history(r.id()));
        model.addAttribute("files", files.of(r.id()));
        model.addAttribute("unitName", names().getOrDefault(r.unitCode(), r.unitCode()));
        model.addAttribute("late", r.late(LocalDate.now()));
        return "forms/return";
    }

    /** Table rows to show: the saved ones and three blank ones to add. */
    static Map<String, List<Map<String, Object>>> tables(FormDefinition definition, Map<String, Object> values) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (FormDefinition.Field f : definition.fields()) {
            if (f.type() == FieldType.TABLE) {
                List<Map<String, Object>> rows = new ArrayList<>();
                if (values.get(f.code()) instanceof List<?> list) {
                    list.forEach(o -> {
                        if (o instanceof Map<?, ?> m) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            m.forEach((k, v) -> row.put(String.valueOf(k), v));
                            rows.add(row);
                        }
                    });
                }
                for (int i = 0; i < 3; i++) {
                    rows.add(new LinkedHashMap<>());
                }
                tables.put(f.code(), rows);
            }
        }
        return tables;
    }

    /** The posted form as values: {@code v.code} for a field, {@code t.table.row.column} for a table cell. */
    static Map<String, Object> values(FormDefinition definition, MultiValueMap<String, String> params) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormDefinition.Field f : definition.fields()) {
            if (f.type() == FieldType.TABLE) {
                Map<Integer, Map<String, Object>> rows = new java.util.TreeMap<>();
                String prefix = "t." + f.code() + ".";
                params.forEach((name, list) -> {
                    if (name.startsWith(prefix) && list != null && !list.isEmpty()) {
                        String[] parts = name.substring(prefix.length()).split("\\.", 2);
                        if (parts.length == 2 && parts[0].matches("[0-9]{1,3}") && list.get(0) != null && !list.get(0).isBlank()) {
                            rows.computeIfAbsent(Integer.parseInt(parts[0]), k -> new LinkedHashMap<>()).put(parts[1], list.get(0));
                        }
                    }
                });
                if (!rows.isEmpty()) {
                    values.put(f.code(), new ArrayList<>(rows.values()));
                }
            } else if (f.type() == FieldType.MULTI_CHOICE) {
                List<String> picked = params.get("v." + f.code());
                if (picked != null && !picked.isEmpty()) {
                    values.put(f.code(), picked);
                }
            } else {
                String v = params.getFirst("v." + f.code());
                if (v != null && !v.isBlank()) {
                    values.put(f.code(), v);
                }
            }
        }
        return values;
    }

    private Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        organisation.all().forEach(u -> names.put(u.code(), u.shortName()));
        return names;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
