package org.gongjian.projects.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.projects.KeyProject;
import org.gongjian.projects.KeyProjects;
import org.gongjian.projects.ProgressReports;
import org.gongjian.projects.ProjectAccess;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The phone page of a month's progress report (390 px wide, no horizontal scrolling): investment this month in
 * 万元, 形象进度 with photos, problems and next steps; saved as a draft or submitted for the office's review.
 * A form with errors comes back with each field's message and what was typed.
 */
@Controller
class ProjectReportPageController {

    private final KeyProjects projects;
    private final ProgressReports reports;
    private final ProjectAccess access;
    private final ProjectRows rows;
    private final MessageSource messages;

    ProjectReportPageController(KeyProjects projects, ProgressReports reports, ProjectAccess access, ProjectRows rows,
            MessageSource messages) {
        this.projects = projects;
        this.reports = reports;
        this.access = access;
        this.rows = rows;
        this.messages = messages;
    }

    /** What the form holds: as typed, so that a refused form shows it again. */
    record ReportForm(String month, String thisMonthWan, String imageProgress, String problems, String nextSteps) {
    }

    @GetMapping("/projects/{id}/report")
    @PreAuthorize("hasAuthority('projects:report:fill')")
    String form(@PathVariable long id, @RequestParam(required = false) @Nullable String month, Model model) {
        KeyProject p = projects.byId(id);
        access.requireReporter(p);
        YearMonth m = ProjectRows.month(month, rows.lastMonth());
        ProgressReports.Report r = reports.report(id, m);
        ReportForm form = r == null ? new ReportForm(m.toString(), "", "", "", "")
                : new ReportForm(m.toString(), Amounts.INSTANCE.wan(r.thisMonth()), r.imageProgress(),
                        r.problems() == null ? "" : r.problems(), r.nextSteps() == null ? "" : r.nextSteps());
        return page(p, m, form, Map.of(), model);
    }

    @PostMapping("/projects/{id}/report")
    @PreAuthorize("hasAuthority('projects:report:fill')")
    String save(@PathVariable long id, @RequestParam(defaultValue = "") String month,
            @RequestParam(defaultValue = "") String thisMonthWan, @RequestParam(defaultValue = "") String imageProgress,
            @RequestParam(defaultValue = "") String problems, @RequestParam(defaultValue = "") String nextSteps,
            @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
            @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes flash, Locale locale) {
        KeyProject p = projects.byId(id);
        ReportForm form = new ReportForm(month, thisMonthWan, imageProgress, problems, nextSteps);
        YearMonth m = ProjectRows.month(month, rows.lastMonth());
        BigDecimal wan;
        try {
            wan = new BigDecimal(thisMonthWan.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return page(p, m, form, Map.of("thisMonth", messages.getMessage("projects.error.this-month", null, locale)), model);
        }
        boolean submit = "submit".equals(action);
        try {
            reports.save(id, m, new ProgressReports.Entry(Amounts.fromWan(wan), imageProgress, problems, nextSteps),
                    uploads(photos), submit);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.merge(v.field(), messages.getMessage(v.messageKey(), v.args(), locale),
                    (a, b) -> a + " " + b));
            return page(p, m, form, errors, model);
        }
        flash.addFlashAttribute("saved", messages.getMessage(submit ? "projects.phone.submitted" : "projects.phone.saved",
                null, locale));
        return "redirect:/projects/" + id + "/report?month=" + m;
    }

    private String page(KeyProject p, YearMonth m, ReportForm form, Map<String, String> errors, Model model) {
        ProgressReports.Report r = reports.report(p.id(), m);
        model.addAttribute("p", p);
        model.addAttribute("month", m);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("report", r);
        model.addAttribute("photos", r == null ? List.of() : reports.photos(r.id()));
        model.addAttribute("progress", reports.progress(p, m));
        model.addAttribute("months", recentMonths());
        model.addAttribute("fmt", Amounts.INSTANCE);
        return "projects/report";
    }

    /** The months one may report: the last twelve, latest first. */
    private List<String> recentMonths() {
        List<String> months = new ArrayList<>();
        YearMonth m = rows.lastMonth().plusMonths(1);
        for (int i = 0; i < 12; i++, m = m.minusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    private static List<ProgressReports.PhotoUpload> uploads(@Nullable List<MultipartFile> files) {
        List<ProgressReports.PhotoUpload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile f : files) {
            if (f.isEmpty()) {
                continue;
            }
            try {
                uploads.add(new ProgressReports.PhotoUpload(f.getOriginalFilename() == null ? "photo" : f.getOriginalFilename(),
                        f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }
}
