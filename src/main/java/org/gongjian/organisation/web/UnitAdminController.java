package org.gongjian.organisation.web;

import jakarta.validation.Validator;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.organisation.UnitData;
import org.gongjian.organisation.UnitKind;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office keeps the list of units: departments, towns, committees, consortia and outside bodies. */
@Controller
class UnitAdminController {

    static final int PAGE_SIZE = 30;

    private final Organisation organisation;
    private final Validator validator;

    UnitAdminController(Organisation organisation, Validator validator) {
        this.organisation = organisation;
        this.validator = validator;
    }

    /** The unit form, field for field the unit's data, with the version it was read at. */
    public static class UnitForm {
        private String code = "";
        private String name = "";
        private @Nullable String shortName;
        private @Nullable String nameEn;
        private @Nullable UnitKind kind;
        private @Nullable String parent;
        private @Nullable String divisionCode;
        private boolean assumed;
        private @Nullable String note;
        private @Nullable Integer version;

        static UnitForm of(UnitData d, @Nullable Integer version) {
            UnitForm f = new UnitForm();
            f.code = d.code();
            f.name = d.name();
            f.shortName = d.shortName();
            f.nameEn = d.nameEn();
            f.kind = d.kind();
            f.parent = d.parent();
            f.divisionCode = d.divisionCode();
            f.assumed = d.assumed();
            f.note = d.note();
            f.version = version;
            return f;
        }

        UnitData data() {
            return new UnitData(code.trim(), name.trim(), blank(shortName), blank(nameEn), kind, blank(parent),
                    blank(divisionCode), assumed, blank(note));
        }

        private static @Nullable String blank(@Nullable String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public @Nullable String getShortName() { return shortName; }
        public void setShortName(@Nullable String v) { shortName = v; }
        public @Nullable String getNameEn() { return nameEn; }
        public void setNameEn(@Nullable String v) { nameEn = v; }
        public @Nullable UnitKind getKind() { return kind; }
        public void setKind(@Nullable UnitKind v) { kind = v; }
        public @Nullable String getParent() { return parent; }
        public void setParent(@Nullable String v) { parent = v; }
        public @Nullable String getDivisionCode() { return divisionCode; }
        public void setDivisionCode(@Nullable String v) { divisionCode = v; }
        public boolean isAssumed() { return assumed; }
        public void setAssumed(boolean v) { assumed = v; }
        public @Nullable String getNote() { return note; }
        public void setNote(@Nullable String v) { note = v; }
        public @Nullable Integer getVersion() { return version; }
        public void setVersion(@Nullable Integer v) { version = v; }
    }

    @GetMapping("/admin/units")
    @PreAuthorize("hasAuthority('organisation:unit:write')")
    String list(@RequestParam(required = false) @Nullable UnitKind kind, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var units = organisation.search(kind, q, PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("units", units);
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("parents", organisation.byIds(units.stream().map(Unit::parentId)
                .filter(java.util.Objects::nonNull).toList()));
        return "organisation/units";
    }

    @GetMapping("/admin/units/new")
    @PreAuthorize("hasAuthority('organisation:unit:write')")
    String newUnit(Model model) {
        return form(model, new UnitForm(), true);
    }

    @PostMapping("/admin/units")
    @PreAuthorize("hasAuthority('organisation:unit:write')")
    String create(@ModelAttribute("form") UnitForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        UnitData data = form.data();
        FormErrors.validate(validator, data, result);
        if (!result.hasErrors()) {
            try {
                organisation.create(data);
                redirect.addFlashAttribute("saved", data.code());
                return "redirect:/admin/units";
            } catch (InvalidInputException e) {
                FormErrors.add(result, e);
            } catch (ConflictException e) {
                result.rejectValue("code", e.messageKey(), e.args(), e.messageKey());
            }
        }
        return form(model, form, true);
    }

    @GetMapping("/admin/units/{code}/edit")
    @PreAuthorize("hasAuthority('organisation:unit:write')")
    String edit(@PathVariable String code, Model model) {
        Unit unit = organisation.unit(code);
        return form(model, UnitForm.of(UnitData.of(unit, organisation.parentCode(unit)), unit.version()), false);
    }

    @PostMapping("/admin/units/{code}")
    @PreAuthorize("hasAuthority('organisation:unit:write')")
    String update(@PathVariable String code, @ModelAttribute("form") UnitForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        form.setCode(code);
        UnitData data = form.data();
        FormErrors.validate(validator, data, result);
        if (!result.hasErrors()) {
            try {
                organisation.update(code, data, form.getVersion());
                redirect.addFlashAttribute("saved", code);
                return "redirect:/admin/units";
            } catch (InvalidInputException e) {
                FormErrors.add(result, e);
            }
        }
        return form(model, form, false);
    }

    private String form(Model model, UnitForm form, boolean isNew) {
        model.addAttribute("form", form);
        model.addAttribute("isNew", isNew);
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("parentChoices", organisation.all().stream()
                .filter(u -> !u.code().equals(form.getCode()))
                .sorted(java.util.Comparator.comparing(Unit::kind).thenComparing(Unit::code)).toList());
        return "organisation/unit-form";
    }
}
