package org.gongjian.programme.web;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.Comparator;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.InitiativeData;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeData;
import org.gongjian.programme.ProgrammeManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme office shapes programmes and their initiatives. Unit staff of a responsible unit may
 * open an initiative's form to update what they report (summary, declared stage); who leads it stays
 * the office's, and the service refuses (and audits) anything else.
 */
@Controller
class ProgrammeAdminController {

    private final ProgrammeManagement programmes;
    private final Organisation organisation;
    private final Validator validator;

    ProgrammeAdminController(ProgrammeManagement programmes, Organisation organisation, Validator validator) {
        this.programmes = programmes;
        this.organisation = organisation;
        this.validator = validator;
    }

    @GetMapping("/admin/programmes")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    String list(Model model) {
        model.addAttribute("programmes", programmes.programmes(Pageable.unpaged()).getContent());
        return "programme/admin/programmes";
    }

    @GetMapping("/admin/programmes/new")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    String newProgramme(Model model) {
        return programmeForm(model, new ProgrammeForm().withSpareRows(), null);
    }

    @PostMapping("/admin/programmes")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    String create(@Valid @ModelAttribute("form") ProgrammeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        ProgrammeData data = form.data();
        if (Forms.save(validator, data, result, () -> programmes.createProgramme(data))) {
            redirect.addFlashAttribute("saved", data.title());
            return "redirect:/admin/programmes/" + data.code() + "/edit";
        }
        return programmeForm(model, form.withSpareRows(), null);
    }

    @GetMapping("/admin/programmes/{code}/edit")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    String edit(@PathVariable String code, Model model) {
        Programme programme = programmes.programme(code);
        return programmeForm(model, ProgrammeForm.of(programme.data(), programme.version()).withSpareRows(), programme);
    }

    @PostMapping("/admin/programmes/{code}")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    String update(@PathVariable String code, @Valid @ModelAttribute("form") ProgrammeForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Programme programme = programmes.programme(code);
        form.setCode(code);
        ProgrammeData data = form.data();
        if (Forms.save(validator, data, result, () -> programmes.updateProgramme(code, data, form.getVersion()))) {
            redirect.addFlashAttribute("saved", data.title());
            return "redirect:/admin/programmes/" + code + "/edit";
        }
        return programmeForm(model, form.withSpareRows(), programme);
    }

    @GetMapping("/admin/programmes/{code}/initiatives/new")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    String newInitiative(@PathVariable String code, Model model) {
        Programme programme = programmes.programme(code);
        InitiativeForm form = new InitiativeForm();
        form.setNumber(programmes.initiatives(programme).stream().mapToInt(Initiative::number).max().orElse(0) + 1);
        form.setStartDate(programme.startDate());
        form.setEndDate(programme.endDate());
        return initiativeForm(model, programme, form, null);
    }

    @PostMapping("/admin/programmes/{code}/initiatives")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    String createInitiative(@PathVariable String code, @Valid @ModelAttribute("form") InitiativeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Programme programme = programmes.programme(code);
        InitiativeData data = form.data(null);
        if (Forms.save(validator, data, result, () -> programmes.createInitiative(code, data))) {
            redirect.addFlashAttribute("saved", data.title());
            return "redirect:/programmes/" + code + "/initiatives/" + data.number();
        }
        return initiativeForm(model, programme, form, null);
    }

    @GetMapping("/admin/programmes/{code}/initiatives/{number}/edit")
    @PreAuthorize("hasAuthority('programme:initiative:write')")
    String editInitiative(@PathVariable String code, @PathVariable int number, Model model) {
        Programme programme = programmes.programme(code);
        Initiative initiative = programmes.initiative(programme, number);
        programmes.requireMayEditInitiative(initiative);
        return initiativeForm(model, programme, InitiativeForm.of(programmes.data(initiative), initiative.version()), initiative);
    }

    @PostMapping("/admin/programmes/{code}/initiatives/{number}")
    @PreAuthorize("hasAuthority('programme:initiative:write')")
    String updateInitiative(@PathVariable String code, @PathVariable int number,
            @Valid @ModelAttribute("form") InitiativeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Programme programme = programmes.programme(code);
        Initiative initiative = programmes.initiative(programme, number);
        programmes.requireMayEditInitiative(initiative);
        InitiativeData existing = programmes.data(initiative);
        if (!programmes.isOffice()) {
            form.keepAssignmentOf(existing);
        }
        InitiativeData data = form.data(existing);
        if (Forms.save(validator, data, result, () -> programmes.updateInitiative(code, number, data, form.getVersion()))) {
            redirect.addFlashAttribute("saved", data.title());
            return "redirect:/programmes/" + code + "/initiatives/" + data.number();
        }
        return initiativeForm(model, programme, form, initiative);
    }

    private String programmeForm(Model model, ProgrammeForm form, @Nullable Programme programme) {
        model.addAttribute("form", form);
        model.addAttribute("edited", programme);
        if (programme != null) {
            model.addAttribute("initiatives", programmes.initiatives(programme));
        }
        return "programme/admin/programme-form";
    }

    private String initiativeForm(Model model, Programme programme, InitiativeForm form, @Nullable Initiative initiative) {
        model.addAttribute("programme", programme);
        model.addAttribute("form", form);
        model.addAttribute("initiative", initiative);
        model.addAttribute("isOffice", programmes.isOffice());
        model.addAttribute("statuses", InitiativeStatus.values());
        model.addAttribute("tagKinds", org.gongjian.programme.TagKind.values());
        model.addAttribute("unitChoices", organisation.all().stream()
                .sorted(Comparator.comparing(Unit::kind).thenComparing(Unit::code)).toList());
        return "programme/admin/initiative-form";
    }
}
