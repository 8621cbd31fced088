package org.gongjian.projects.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.organisation.Organisation;
import org.gongjian.projects.CoordinationProblems;
import org.gongjian.projects.KeyProject;
import org.gongjian.projects.KeyProjects;
import org.gongjian.projects.ProgressReports;
import org.gongjian.projects.ProjectAccess;
import org.gongjian.projects.ProjectMilestones;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The key-project pages: the list with schedule colours and words, a leader's 我的项目 filter and the reports
 * awaiting the office; a project's page with its plan curve against actual investment, milestones, monthly
 * reports with photos and coordination problems, where the office reviews, publishes or returns reports.
 */
@Controller
class ProjectPagesController {

    private final KeyProjects projects;
    private final ProgressReports reports;
    private final ProjectMilestones steps;
    private final CoordinationProblems problems;
    private final ProjectAccess access;
    private final ProjectRows rows;
    private final Organisation organisation;
    private final Enterprises enterprises;
    private final MessageSource messages;

    ProjectPagesController(KeyProjects projects, ProgressReports reports, ProjectMilestones steps, CoordinationProblems problems,
            ProjectAccess access, ProjectRows rows, Organisation organisation, Enterprises enterprises,
            MessageSource messages) {
        this.projects = projects;
        this.reports = reports;
        this.steps = steps;
        this.problems = problems;
        this.access = access;
        this.rows = rows;
        this.organisation = organisation;
        this.enterprises = enterprises;
        this.messages = messages;
    }

    @GetMapping("/projects")
    @PreAuthorize("hasAuthority('projects:project:read')")
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) KeyProject.@Nullable Category category,
            @RequestParam(required = false) KeyProject.@Nullable Nature nature,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) @Nullable String month,
            @RequestParam(defaultValue = "0") int page, Model model) {
        YearMonth m = ProjectRows.month(month, rows.lastMonth());
        KeyProjects.Filter filter = new KeyProjects.Filter(q, town, category, nature,
                mine ? access.actor().username() : null, null);
        var result = rows.page(filter, m, PageRequest.of(Math.max(0, page), 20));
        model.addAttribute("page", result);
        model.addAttribute("q", q);
        model.addAttribute("town", town);
        model.addAttribute("category", category);
        model.addAttribute("nature", nature);
        model.addAttribute("mine", mine);
        model.addAttribute("month", m);
        model.addAttribute("towns", organisation.townLevelUnits());
        model.addAttribute("categories", KeyProject.Category.values());
        model.addAttribute("natures", KeyProject.Nature.values());
        model.addAttribute("office", access.office());
        model.addAttribute("awaiting", access.office() ? reports.awaitingOffice().size() : 0);
        model.addAttribute("overdue", rows.page(KeyProjects.Filter.none(), m, PageRequest.of(0, Integer.MAX_VALUE))
                .getContent().stream().filter(ProjectRows.Row::reportOverdue).count());
        model.addAttribute("fmt", Amounts.INSTANCE);
        return "projects/list";
    }

    @GetMapping("/projects/{id}")
    @PreAuthorize("hasAuthority('projects:project:read')")
    String project(@PathVariable long id, @RequestParam(required = false) @Nullable String month, Model model,
            Locale locale) {
        KeyProject p = projects.byId(id);
        YearMonth m = ProjectRows.month(month, rows.lastMonth());
        Map<String, String> units = new HashMap<>();
        organisation.all().forEach(u -> units.put(u.code(), u.shortName()));
        List<ProgressReports.Report> all = reports.reports(id);
        Map<Long, List<ProgressReports.Photo>> photos = new HashMap<>();
        all.forEach(r -> photos.put(r.id(), reports.photos(r.id())));
        List<ProgressReports.CurvePoint> curve = reports.curve(p, m.getYear());
        model.addAttribute("p", p);
        model.addAttribute("month", m);
        model.addAttribute("progress", reports.progress(p, m));
        model.addAttribute("curve", curve);
        model.addAttribute("curveMonths", curve.stream().map(c -> messages.getMessage("projects.curve.month",
                new Object[] {c.month()}, locale)).collect(Collectors.joining(",")));
        model.addAttribute("curvePlanned", curve.stream().map(c -> Amounts.INSTANCE.yi(c.planned())).collect(Collectors.joining(",")));
        model.addAttribute("curveActual", curve.stream().map(c -> c.actual() == null ? "" : Amounts.INSTANCE.yi(c.actual()))
                .collect(Collectors.joining(",")));
        model.addAttribute("milestones", milestones(id));
        model.addAttribute("reports", all);
        model.addAttribute("photos", photos);
        model.addAttribute("problems", problems.problems(id));
        model.addAttribute("units", units);
        model.addAttribute("allUnits", organisation.all());
        model.addAttribute("owner", p.ownerUscc() == null ? null : enterprises.findByUscc(p.ownerUscc()).orElse(null));
        model.addAttribute("office", access.office());
        model.addAttribute("mayReport", access.mayReport(access.actor(), p));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("fmt", Amounts.INSTANCE);
        return "projects/project";
    }

    /** Every milestone kind in order, with what is recorded for it (or nothing). */
    private List<Map.Entry<ProjectMilestones.MilestoneKind, ProjectMilestones.@Nullable Milestone>> milestones(long id) {
        Map<ProjectMilestones.MilestoneKind, ProjectMilestones.Milestone> recorded = new HashMap<>();
        steps.milestones(id).forEach(m -> recorded.put(m.kind(), m));
        List<Map.Entry<ProjectMilestones.MilestoneKind, ProjectMilestones.@Nullable Milestone>> all = new ArrayList<>();
        for (ProjectMilestones.MilestoneKind k : ProjectMilestones.MilestoneKind.values()) {
            all.add(new java.util.AbstractMap.SimpleImmutableEntry<>(k, recorded.get(k)));
        }
        return all;
    }

    @GetMapping("/projects/photos/{photoId}")
    @PreAuthorize("hasAuthority('projects:project:read')")
    ResponseEntity<byte[]> photo(@PathVariable long photoId) {
        ProgressReports.Photo photo = reports.photo(photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore()).body(reports.photoContent(photoId));
    }

    @PostMapping("/projects/reports/{reportId}/review")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String review(@PathVariable long reportId, RedirectAttributes flash, Locale locale) {
        return back(reports.review(reportId, null), flash, locale);
    }

    @PostMapping("/projects/reports/{reportId}/publish")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String publish(@PathVariable long reportId, RedirectAttributes flash, Locale locale) {
        return back(reports.publish(reportId, null), flash, locale);
    }

    @PostMapping("/projects/reports/{reportId}/return")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String sendBack(@PathVariable long reportId, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash,
            Locale locale) {
        return back(reports.sendBack(reportId, reason, null), flash, locale);
    }

    private String back(ProgressReports.Report r, RedirectAttributes flash, Locale locale) {
        flash.addFlashAttribute("saved", messages.getMessage("projects.saved", null, locale));
        return "redirect:/projects/" + r.projectId();
    }

    @PostMapping("/projects/{id}/problems")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String raise(@PathVariable long id, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String responsibleUnit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn,
            RedirectAttributes flash, Locale locale) {
        problems.raise(id, description, responsibleUnit, dueOn);
        flash.addFlashAttribute("saved", messages.getMessage("projects.saved", null, locale));
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/problems/{problemId}/resolve")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String resolve(@PathVariable long problemId, @RequestParam(defaultValue = "") String resolution, RedirectAttributes flash,
            Locale locale) {
        CoordinationProblems.Problem p = problems.resolve(problemId, resolution, null);
        flash.addFlashAttribute("saved", messages.getMessage("projects.saved", null, locale));
        return "redirect:/projects/" + p.projectId();
    }
}
