package org.gongjian.forms.web;

import java.util.List;
import java.util.Map;
import org.gongjian.forms.FieldType;
import org.gongjian.forms.Form;
import org.gongjian.forms.FormDefinition;
import org.gongjian.forms.Forms;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.UnitOfMeasure;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The form designer (office only): a field-by-field builder ({@code static/js/forms-designer.js}) that
 * writes the same definition the API takes into the page's JSON box (which stays as the advanced view),
 * a preview of the form as a filler sees it, and saving as version 1's draft of a new form, as a changed
 * draft or as the next version of an existing one, with every problem shown at the field it concerns.
 */
@Controller
class FormDesignerController {

    private final Forms forms;
    private final JsonMapper json;
    private final MessageSource messages;

    FormDesignerController(Forms forms, JsonMapper json, MessageSource messages) {
        this.forms = forms;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/forms/new")
    @PreAuthorize("hasAuthority('forms:form:design')")
    String designer(Model model, java.util.Locale locale) {
        String section = messages.getMessage("forms.builder.first-section", null, locale);
        String blank = json.writeValueAsString(Map.of("title", "", "sections", List.of(Map.of("title", section,
                "fields", List.of()))));
        return page(model, "", blank, List.of());
    }

    /**
     * The builder on an existing form: its draft version to change, or, when the latest is published, a new
     * version starting from it (it applies from the next period, ADR 0070).
     */
    @GetMapping("/forms/{form}/design")
    @PreAuthorize("hasAuthority('forms:form:design')")
    String redesign(@PathVariable String form, Model model) {
        Form f = forms.form(form);
        return page(model, f, json.writeValueAsString(f.latest().definition()), List.of());
    }

    @PostMapping("/forms/{form}/design")
    @PreAuthorize("hasAuthority('forms:form:design')")
    String saveDesign(@PathVariable String form, @RequestParam String definition, @RequestParam int rowVersion,
            Model model, RedirectAttributes flash) {
        Form f = forms.form(form);
        try {
            FormDefinition read = read(definition);
            Form.Version latest = f.latest();
            if (latest.status() == Form.VersionStatus.DRAFT) {
                forms.updateDraft(form, latest.number(), read, rowVersion);
            } else {
                forms.newVersion(form, read);
            }
            flash.addFlashAttribute("message", "forms.page.design-saved");
            return "redirect:/forms/" + form;
        } catch (InvalidInputException e) {
            return page(model, f, definition, e.violations());
        }
    }

    @PostMapping("/forms/new")
    @PreAuthorize("hasAuthority('forms:form:design')")
    String create(@RequestParam String code, @RequestParam String definition, Model model) {
        try {
            Form form = forms.create(code.trim(), read(definition), false);
            return "redirect:/forms/" + form.code();
        } catch (InvalidInputException e) {
            return page(model, code, definition, e.violations());
        }
    }

    /** The form as a filler will see it (an htmx fragment), or what stops it from being saved. */
    @PostMapping("/forms/designer/preview")
    @PreAuthorize("hasAuthority('forms:form:design')")
    String preview(@RequestParam String definition, Model model) {
        List<Violation> problems;
        FormDefinition parsed = null;
        try {
            parsed = read(definition);
            problems = parsed.problems();
        } catch (InvalidInputException e) {
            problems = e.violations();
        }
        model.addAttribute("errors", problems);
        if (problems.isEmpty() && parsed != null) {
            model.addAttribute("definition", parsed);
            model.addAttribute("values", Map.of());
            model.addAttribute("tables", FormsPageController.tables(parsed, Map.of()));
            model.addAttribute("fieldErrors", Map.of());
        }
        return "forms/designer :: preview";
    }

    private FormDefinition read(String definition) {
        try {
            return json.readValue(definition, FormDefinition.class);
        } catch (JacksonException e) {
            throw new InvalidInputException(List.of(new Violation("definition", "forms.page.json-error",
                    e.getOriginalMessage())));
        }
    }

    private static String page(Model model, Form form, String definition, List<Violation> errors) {
        Form.Version latest = form.latest();
        boolean draft = latest.status() == Form.VersionStatus.DRAFT;
        model.addAttribute("form", form);
        model.addAttribute("versionNumber", draft ? latest.number() : latest.number() + 1);
        model.addAttribute("rowVersion", draft ? latest.rowVersion() : 0);
        return page(model, form.code(), definition, errors);
    }

    private static String page(Model model, String code, String definition, List<Violation> errors) {
        model.addAttribute("code", code);
        model.addAttribute("definition", definition);
        model.addAttribute("errors", errors);
        model.addAttribute("types", FieldType.values());
        model.addAttribute("units", UnitOfMeasure.values());
        return "forms/designer";
    }
}
