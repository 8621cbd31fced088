package org.gongjian.projects.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.gongjian.projects.CoordinationProblems;
import org.gongjian.projects.KeyProject;
import org.gongjian.projects.KeyProjects;
import org.gongjian.projects.ProgressReports;
import org.gongjian.projects.Progress;
import org.gongjian.projects.ProjectAccess;
import org.gongjian.projects.ProjectMilestones;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
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

/** The key-projects ledger as JSON: the list with each project's progress, plans, milestones, monthly reports, problems. */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "projects", description = "重点项目台账")
class ProjectsApiController {

    private final KeyProjects projects;
    private final ProgressReports reports;
    private final ProjectMilestones steps;
    private final CoordinationProblems problems;
    private final ProjectAccess access;
    private final ProjectRows rows;

    ProjectsApiController(KeyProjects projects, ProgressReports reports, ProjectMilestones steps,
            CoordinationProblems problems, ProjectAccess access, ProjectRows rows) {
        this.projects = projects;
        this.reports = reports;
        this.steps = steps;
        this.problems = problems;
        this.access = access;
        this.rows = rows;
    }

    record PlanBody(@Nullable BigDecimal planned, @Nullable String content, @Nullable List<BigDecimal> curve) {
    }

    record MilestoneBody(@Nullable LocalDate plannedOn, @Nullable LocalDate actualOn, @Nullable String note) {
    }

    record ReportBody(@Nullable BigDecimal thisMonth, @Nullable String imageProgress, @Nullable String problems,
            @Nullable String nextSteps, boolean submit) {
    }

    record ReturnBody(@Nullable String reason) {
    }

    record ProblemBody(@Nullable String description, @Nullable String responsibleUnit, @Nullable LocalDate dueOn) {
    }

    record ResolveBody(@Nullable String resolution) {
    }

    @Operation(summary = "The key-project list with each project's progress at a month's end (default: last month)",
            description = "Filters: q (name or code), town, category, nature, element (layout element), mine=true (the caller's 挂点 projects)")
    @GetMapping
    @PreAuthorize("hasAuthority('projects:project:read')")
    Page<ProjectRows.Row> list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) KeyProject.@Nullable Category category,
            @RequestParam(required = false) KeyProject.@Nullable Nature nature,
            @RequestParam(required = false) @Nullable String element, @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) @Nullable String month, @PageableDefault(size = 20) Pageable pageable) {
        KeyProjects.Filter filter = new KeyProjects.Filter(q, town, category, nature, mine ? access.actor().username() : null,
                element);
        return rows.page(filter, ProjectRows.month(month, rows.lastMonth()), pageable);
    }

    @Operation(summary = "Registers a project (the office); the national code is checked")
    @PostMapping
    @PreAuthorize("hasAuthority('projects:project:manage')")
    ResponseEntity<KeyProject> register(@RequestBody KeyProjects.NewProject body) {
        KeyProject p = projects.register(body, false);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + p.id())).eTag(Versions.etag(p.version())).body(p);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('projects:project:read')")
    ResponseEntity<KeyProject> project(@PathVariable long id) {
        KeyProject p = projects.byId(id);
        return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p);
    }

    @Operation(summary = "Changes a project (the office); send the ETag back in If-Match")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    ResponseEntity<KeyProject> update(@PathVariable long id, @RequestBody KeyProjects.NewProject body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        KeyProject p = projects.update(id, body, Versions.requireIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p);
    }

    @Operation(summary = "Sets a year's plan, with an optional cumulative monthly curve of 12 values ending at the plan",
            description = "Optional If-Match: the plan's version as read (its ETag), or \"-1\" when there was no plan yet; "
                    + "a plan changed meanwhile is refused with 409")
    @PutMapping("/{id}/plans/{year}")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    ResponseEntity<KeyProjects.Plan> plan(@PathVariable long id, @PathVariable int year, @RequestBody PlanBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        if (body.planned() == null) {
            throw new InvalidInputException("planned", "projects.error.planned");
        }
        KeyProjects.Plan plan = projects.setPlan(id, year, body.planned(), body.content(),
                body.curve() == null ? List.of() : body.curve(), Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(plan.version())).body(plan);
    }

    @GetMapping("/{id}/milestones")
    @PreAuthorize("hasAuthority('projects:project:read')")
    List<ProjectMilestones.Milestone> milestones(@PathVariable long id) {
        return steps.milestones(projects.byId(id).id());
    }

    @Operation(summary = "Records a milestone's planned and actual day (the office)")
    @PutMapping("/{id}/milestones/{kind}")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    ProjectMilestones.Milestone milestone(@PathVariable long id, @PathVariable ProjectMilestones.MilestoneKind kind,
            @RequestBody MilestoneBody body) {
        return steps.setMilestone(id, kind, body.plannedOn(), body.actualOn(), body.note());
    }

    @Operation(summary = "Progress at a month's end: this month, year to date (% of plan), since start (% of total), schedule")
    @GetMapping("/{id}/progress")
    @PreAuthorize("hasAuthority('projects:project:read')")
    Progress progress(@PathVariable long id, @RequestParam(required = false) @Nullable String month) {
        return reports.progress(projects.byId(id), ProjectRows.month(month, rows.lastMonth()));
    }

    @Operation(summary = "The plan curve against actual (counted) investment of a year, cumulative by month")
    @GetMapping("/{id}/curve")
    @PreAuthorize("hasAuthority('projects:project:read')")
    List<ProgressReports.CurvePoint> curve(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
        return reports.curve(projects.byId(id), year == null ? rows.lastMonth().getYear() : year);
    }

    @GetMapping("/{id}/reports")
    @PreAuthorize("hasAuthority('projects:project:read')")
    List<ProgressReports.Report> reports(@PathVariable long id) {
        return reports.reports(projects.byId(id).id());
    }

    @Operation(summary = "Saves a month's report as a draft, or submits it (the project's units); month as 2024-09")
    @PutMapping("/{id}/reports/{month}")
    @PreAuthorize("hasAuthority('projects:report:fill')")
    ProgressReports.Report saveReport(@PathVariable long id, @PathVariable String month, @RequestBody ReportBody body) {
        return reports.save(id, ProjectRows.month(month, rows.lastMonth()),
                new ProgressReports.Entry(body.thisMonth() == null ? BigDecimal.valueOf(-1) : body.thisMonth(),
                        body.imageProgress() == null ? "" : body.imageProgress(), body.problems(), body.nextSteps()),
                List.of(), body.submit());
    }

    @Operation(summary = "Reviews a submitted report (the office): from now on it counts")
    @PostMapping("/reports/{reportId}/review")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    ProgressReports.Report review(@PathVariable long reportId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return reports.review(reportId, Versions.fromIfMatch(ifMatch));
    }

    @Operation(summary = "Publishes a reviewed report (the office)")
    @PostMapping("/reports/{reportId}/publish")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    ProgressReports.Report publish(@PathVariable long reportId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return reports.publish(reportId, Versions.fromIfMatch(ifMatch));
    }

    @Operation(summary = "Returns a submitted or reviewed report with its reason (the office): it no longer counts")
    @PostMapping("/reports/{reportId}/return")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    ProgressReports.Report sendBack(@PathVariable long reportId, @RequestBody ReturnBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return reports.sendBack(reportId, body.reason() == null ? "" : body.reason(), Versions.fromIfMatch(ifMatch));
    }

    @GetMapping("/{id}/problems")
    @PreAuthorize("hasAuthority('projects:project:read')")
    List<CoordinationProblems.Problem> problems(@PathVariable long id) {
        return problems.problems(projects.byId(id).id());
    }

    @Operation(summary = "Raises a coordination problem with its responsible unit and deadline (the office)")
    @PostMapping("/{id}/problems")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    CoordinationProblems.Problem raise(@PathVariable long id, @RequestBody ProblemBody body) {
        return problems.raise(id, body.description() == null ? "" : body.description(),
                body.responsibleUnit() == null ? "" : body.responsibleUnit(), body.dueOn());
    }

    @Operation(summary = "Resolves a coordination problem (the office)")
    @PostMapping("/problems/{problemId}/resolve")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    CoordinationProblems.Problem resolve(@PathVariable long problemId, @RequestBody ResolveBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return problems.resolve(problemId, body.resolution() == null ? "" : body.resolution(), Versions.fromIfMatch(ifMatch));
    }
}
