package org.gongjian.projects.web;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.enterprise.RegisterFilter;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.organisation.UserAccount;
import org.gongjian.projects.KeyProject;
import org.gongjian.projects.KeyProjects;
import org.gongjian.projects.ProjectAccess;
import org.gongjian.projects.ProjectMilestones;
import org.gongjian.projects.ProjectMilestones.MilestoneKind;
import org.gongjian.projects.web.ProjectForms.MilestoneForm;
import org.gongjian.projects.web.ProjectForms.PlanForm;
import org.gongjian.projects.web.ProjectForms.ProjectForm;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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

/**
 * The office's page forms: register and edit a key project (owner picked from the enterprise register), set a
 * year's plan with its optional cumulative monthly curve, and record a milestone. The ledger's checks answer
 * beside each field and keep what was typed; a save over someone else's change is refused above the form.
 */
@Controller
class ProjectFormsController {

    private final KeyProjects projects;
    private final ProjectMilestones steps;
    private final ProjectAccess access;
    private final Organisation organisation;
    private final Enterprises enterprises;
    private final Accounts accounts;
    private final MessageSource messages;

    ProjectFormsController(KeyProjects projects, ProjectMilestones steps, ProjectAccess access, Organisation organisation,
            Enterprises enterprises, Accounts accounts, MessageSource messages) {
        this.projects = projects;
        this.steps = steps;
        this.access = access;
        this.organisation = organisation;
        this.enterprises = enterprises;
        this.accounts = accounts;
        this.messages = messages;
    }

    // --- the project ------------------------------------------------------------------------------------

    @GetMapping("/projects/new")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String newProject(Model model) {
        ProjectForm form = new ProjectForm();
        form.setStartYear(LocalDate.now().getYear());
        form.setEndYear(LocalDate.now().getYear() + 2);
        Long unit = access.actor().unitId();   // the office's own unit answers for a project unless another is chosen
        form.setResponsibleUnit(unit == null ? "" : organisation.findById(unit).map(u -> u.code()).orElse(""));
        return projectForm(model, form, null);
    }

    @PostMapping("/projects/new")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String register(@ModelAttribute("form") ProjectForm form, BindingResult result, Model model, RedirectAttributes flash,
            Locale locale) {
        KeyProject saved = save(result, () -> projects.register(form.data(), false));
        if (saved == null) {
            return projectForm(model, form, null);
        }
        flash.addFlashAttribute("saved", messages.getMessage("projects.form.registered", new Object[] {saved.name()}, locale));
        return "redirect:/projects/" + saved.id();
    }

    @GetMapping("/projects/{id}/edit")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String editProject(@PathVariable long id, Model model) {
        return projectForm(model, ProjectForm.of(projects.byId(id)), id);
    }

    @PostMapping("/projects/{id}/edit")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String update(@PathVariable long id, @ModelAttribute("form") ProjectForm form, BindingResult result, Model model,
            RedirectAttributes flash, Locale locale) {
        KeyProject saved = save(result, () -> projects.update(id, form.data(), form.getVersion()));
        if (saved == null) {
            return projectForm(model, form, id);
        }
        flash.addFlashAttribute("saved", messages.getMessage("projects.saved", null, locale));
        return "redirect:/projects/" + id;
    }

    private String projectForm(Model model, ProjectForm form, @Nullable Long id) {
        access.requireOffice("projects-project", id == null ? "new" : String.valueOf(id));   // the office's form alone
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("levels", KeyProject.Level.values());
        model.addAttribute("categories", KeyProject.Category.values());
        model.addAttribute("natures", KeyProject.Nature.values());
        model.addAttribute("sources", KeyProject.Source.values());
        model.addAttribute("towns", organisation.townLevelUnits());
        model.addAttribute("units", organisation.all());
        model.addAttribute("leaders", leaders(form.getLeader()));
        model.addAttribute("elements", projects.all().stream().map(KeyProject::layoutElement)
                .filter(e -> e != null).distinct().sorted().toList());
        model.addAttribute("hectares", form.getLandArea() == null ? null : form.getLandArea()
                .divide(KeyProject.MU_PER_HECTARE, 4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
        String owner = form.getOwnerUscc();
        model.addAttribute("owner", owner == null || owner.isBlank() ? null : enterprises.findByUscc(owner).orElse(null));
        return "projects/project-form";
    }

    /** The people who can be 挂点领导: the leaders, and whoever the project names now. */
    private List<UserAccount> leaders(@Nullable String current) {
        return accounts.all().stream()
                .filter(a -> a.enabled() && (a.roles().contains(Role.LEADER) || a.username().equals(current))).toList();
    }

    /** Up to 20 firms of the register whose name or credit code holds what was typed, as a datalist's options. */
    @GetMapping("/projects/owner-options")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String ownerOptions(@RequestParam(name = "ownerUscc", defaultValue = "") String typed, Model model) {
        access.requireOffice("projects-project", "owner-options");
        List<Enterprise> found = typed.isBlank() ? List.of() : enterprises
                .search(new RegisterFilter(typed, null, null, null, null, null, null), PageRequest.of(0, 20)).getContent();
        model.addAttribute("firms", found);
        return "projects/fragments :: ownerOptions";
    }

    // --- the annual plan ---------------------------------------------------------------------------------

    @GetMapping("/projects/{id}/plan")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String editPlan(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year, Model model) {
        KeyProject p = projects.byId(id);
        int y = year != null ? year : Math.max(p.startYear(), Math.min(p.endYear(), LocalDate.now().getYear()));
        return planForm(model, p, PlanForm.of(y, projects.plan(id, y)));
    }

    @PostMapping("/projects/{id}/plan")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String setPlan(@PathVariable long id, @ModelAttribute("form") PlanForm form, BindingResult result, Model model,
            RedirectAttributes flash, Locale locale) {
        KeyProject p = projects.byId(id);
        if (!result.hasFieldErrors("year") && form.getYear() == null) {
            result.rejectValue("year", "projects.error.plan-year",
                    new Object[] {String.valueOf(p.startYear()), String.valueOf(p.endYear())}, null);
        }
        if (!result.hasFieldErrors("planned") && form.getPlanned() == null) {
            result.rejectValue("planned", "projects.error.planned");
        }
        KeyProjects.Plan saved = save(result, () -> projects.setPlan(id, form.getYear(), ProjectForms.yuan(form.getPlanned()),
                form.getContent(), form.curveYuan(), form.getVersion()));
        if (saved == null) {
            return planForm(model, p, form);
        }
        flash.addFlashAttribute("saved", messages.getMessage("projects.form.plan-saved",
                new Object[] {String.valueOf(saved.year())}, locale));
        return "redirect:/projects/" + id;
    }

    private String planForm(Model model, KeyProject p, PlanForm form) {
        access.requireOffice("projects-plan", p.code());
        model.addAttribute("p", p);
        model.addAttribute("form", form.withTwelveMonths());
        return "projects/plan-form";
    }

    // --- a milestone ---------------------------------------------------------------------------------------

    @GetMapping("/projects/{id}/milestones/{kind}")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String editMilestone(@PathVariable long id, @PathVariable MilestoneKind kind, Model model) {
        KeyProject p = projects.byId(id);
        ProjectMilestones.Milestone m = steps.milestones(id).stream().filter(x -> x.kind() == kind).findFirst().orElse(null);
        return milestoneForm(model, p, MilestoneForm.of(kind, m));
    }

    @PostMapping("/projects/{id}/milestones/{kind}")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String setMilestone(@PathVariable long id, @PathVariable MilestoneKind kind, @ModelAttribute("form") MilestoneForm form,
            BindingResult result, Model model, RedirectAttributes flash, Locale locale) {
        KeyProject p = projects.byId(id);
        form.setKind(kind);
        ProjectMilestones.Milestone saved = save(result,
                () -> steps.setMilestone(id, kind, form.getPlannedOn(), form.getActualOn(), form.getNote()));
        if (saved == null) {
            return milestoneForm(model, p, form);
        }
        flash.addFlashAttribute("saved", messages.getMessage("projects.form.milestone-saved",
                new Object[] {messages.getMessage("projects.milestone." + kind, null, locale)}, locale));
        return "redirect:/projects/" + id;
    }

    private String milestoneForm(Model model, KeyProject p, MilestoneForm form) {
        access.requireOffice("projects-milestone", p.code());
        model.addAttribute("p", p);
        model.addAttribute("form", form);
        return "projects/milestone-form";
    }

    /**
     * Runs a save when the form bound cleanly: the ledger's refusals go beside their fields, someone else's change
     * in between above the form. Answers what was saved, or null when the form is to be shown again.
     */
    private static <T> @Nullable T save(BindingResult result, Supplier<T> action) {
        if (result.hasErrors()) {
            return null;
        }
        try {
            return action.get();
        } catch (InvalidInputException e) {
            FormErrors.add(result, e);
        } catch (ConflictException e) {
            result.reject(e.messageKey(), e.args(), e.messageKey());
        }
        return null;
    }
}
