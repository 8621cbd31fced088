package org.gongjian.programme.web;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.Comparator;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Direction;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.Milestone;
import org.gongjian.programme.MilestoneData;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeRecords;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetData;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
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
 * Targets (the office's) and milestones (the office's, and a responsible unit's to add its own nodes
 * and record that one was started or completed) of an initiative.
 */
@Controller
class TargetAdminController {

    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final ProgrammeRecords records;
    private final Organisation organisation;
    private final Validator validator;

    TargetAdminController(ProgrammeManagement programmes, TargetManagement targets, ProgrammeRecords records,
            Organisation organisation, Validator validator) {
        this.programmes = programmes;
        this.targets = targets;
        this.records = records;
        this.organisation = organisation;
        this.validator = validator;
    }

    @GetMapping("/admin/programmes/{code}/initiatives/{number}/targets/new")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    String newTarget(@PathVariable String code, @PathVariable int number, Model model) {
        Programme programme = programmes.programme(code);
        Initiative initiative = programmes.initiative(programme, number);
        TargetForm form = new TargetForm();
        form.setDeadline(initiative.endDate());
        return targetForm(model, programme, initiative, form, null);
    }

    @PostMapping("/admin/programmes/{code}/initiatives/{number}/targets")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    String createTarget(@PathVariable String code, @PathVariable int number, @Valid @ModelAttribute("form") TargetForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Programme programme = programmes.programme(code);
        Initiative initiative = programmes.initiative(programme, number);
        TargetData data = form.data(result);
        if (Forms.save(validator, data, result, () -> targets.create(code, number, data))) {
            redirect.addFlashAttribute("saved", data.name());
            return "redirect:/programmes/" + code + "/initiatives/" + number + "#target-" + data.code();
        }
        return targetForm(model, programme, initiative, form, null);
    }

    @GetMapping("/admin/programmes/{code}/targets/{target}/edit")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    String editTarget(@PathVariable String code, @PathVariable("target") String targetCode, Model model) {
        Programme programme = programmes.programme(code);
        Target target = targets.target(programme, targetCode);
        return targetForm(model, programme, programmes.initiative(target.initiativeId()),
                TargetForm.of(targets.data(target), target.version()), target);
    }

    @PostMapping("/admin/programmes/{code}/targets/{target}")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    String updateTarget(@PathVariable String code, @PathVariable("target") String targetCode,
            @Valid @ModelAttribute("form") TargetForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Programme programme = programmes.programme(code);
        Target target = targets.target(programme, targetCode);
        Initiative initiative = programmes.initiative(target.initiativeId());
        form.setCode(targetCode);
        TargetData data = form.data(result);
        if (Forms.save(validator, data, result, () -> targets.update(code, targetCode, data, form.getVersion()))) {
            redirect.addFlashAttribute("saved", data.name());
            return "redirect:/programmes/" + code + "/initiatives/" + initiative.number() + "#target-" + targetCode;
        }
        return targetForm(model, programme, initiative, form, target);
    }

    @GetMapping("/admin/programmes/{code}/initiatives/{number}/milestones/new")
    @PreAuthorize("hasAuthority('programme:initiative:write')")
    String newMilestone(@PathVariable String code, @PathVariable int number, Model model) {
        Programme programme = programmes.programme(code);
        Initiative initiative = programmes.initiative(programme, number);
        programmes.requireMayActFor(initiative, Permissions.INITIATIVE_WRITE);
        MilestoneForm form = new MilestoneForm();
        form.setDueDate(initiative.endDate());
        return milestoneForm(model, programme, initiative, form, null);
    }

    @PostMapping("/admin/programmes/{code}/initiatives/{number}/milestones")
    @PreAuthorize("hasAuthority('programme:initiative:write')")
    String createMilestone(@PathVariable String code, @PathVariable int number,
            @Valid @ModelAttribute("form") MilestoneForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Programme programme = programmes.programme(code);
        Initiative initiative = programmes.initiative(programme, number);
        MilestoneData data = form.data();
        if (Forms.save(validator, data, result, () -> records.createMilestone(code, number, data))) {
            redirect.addFlashAttribute("saved", data.title());
            return "redirect:/programmes/" + code + "/initiatives/" + number;
        }
        return milestoneForm(model, programme, initiative, form, null);
    }

    @GetMapping("/admin/programmes/{code}/milestones/{id}/edit")
    @PreAuthorize("hasAuthority('programme:initiative:write')")
    String editMilestone(@PathVariable String code, @PathVariable long id, Model model) {
        Programme programme = programmes.programme(code);
        Milestone milestone = records.milestone(programme, id);
        Initiative initiative = programmes.initiative(milestone.initiativeId());
        programmes.requireMayActFor(initiative, Permissions.INITIATIVE_WRITE);
        return milestoneForm(model, programme, initiative, MilestoneForm.of(milestone.data(), milestone.version()), milestone);
    }

    @PostMapping("/admin/programmes/{code}/milestones/{id}")
    @PreAuthorize("hasAuthority('programme:initiative:write')")
    String updateMilestone(@PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("form") MilestoneForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Programme programme = programmes.programme(code);
        Milestone milestone = records.milestone(programme, id);
        Initiative initiative = programmes.initiative(milestone.initiativeId());
        MilestoneData data = form.data();
        if (Forms.save(validator, data, result, () -> records.updateMilestone(code, id, data, form.getVersion()))) {
            redirect.addFlashAttribute("saved", data.title());
            return "redirect:/programmes/" + code + "/initiatives/" + initiative.number();
        }
        return milestoneForm(model, programme, initiative, form, milestone);
    }

    private String targetForm(Model model, Programme programme, Initiative initiative, TargetForm form,
            @Nullable Target target) {
        model.addAttribute("programme", programme);
        model.addAttribute("initiative", initiative);
        model.addAttribute("form", form);
        model.addAttribute("target", target);
        model.addAttribute("unitsOfMeasure", UnitOfMeasure.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("qualifiers", Qualifier.values());
        model.addAttribute("indicators", targets.indicators());
        model.addAttribute("unitChoices", organisation.all().stream()
                .sorted(Comparator.comparing(Unit::kind).thenComparing(Unit::code)).toList());
        return "programme/admin/target-form";
    }

    private String milestoneForm(Model model, Programme programme, Initiative initiative, MilestoneForm form,
            @Nullable Milestone milestone) {
        model.addAttribute("programme", programme);
        model.addAttribute("initiative", initiative);
        model.addAttribute("form", form);
        model.addAttribute("milestone", milestone);
        model.addAttribute("isOffice", programmes.isOffice());
        return "programme/admin/milestone-form";
    }
}
