package org.gongjian.assessment.web;

import java.util.List;
import java.util.Locale;
import org.gongjian.assessment.Grade;
import org.gongjian.assessment.PeerGroup;
import org.gongjian.assessment.Period;
import org.gongjian.assessment.PeriodKind;
import org.gongjian.assessment.ProgressReport;
import org.gongjian.assessment.ProgressReports;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.LocalizedException;
import org.gongjian.shared.Pages;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The progress-report page: which reports fell due in a month, whether they came on time, and the
 * office's quality rating of each (rated in place with htmx; a full post without it).
 */
@Controller
@RequestMapping("/assessment/{code}/reports")
class ProgressReportPageController {

    static final int PAGE_SIZE = 50;

    private final ProgressReports reports;
    private final ProgrammeManagement programmes;
    private final PageSupport pages;

    ProgressReportPageController(ProgressReports reports, ProgrammeManagement programmes, PageSupport pages) {
        this.reports = reports;
        this.programmes = programmes;
        this.pages = pages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    String list(@PathVariable String code, @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String group, @RequestParam(defaultValue = "0") int page,
            Locale locale, Model model) {
        Period month = pages.period(code, period);
        PeerGroup g = group == null || group.isBlank() ? null : PeerGroup.parse(group);
        List<ProgressReport> due = reports.due(code, month).stream()
                .filter(r -> g == null || r.unit().group() == g).toList();
        model.addAttribute("programme", programmes.programme(code));
        model.addAttribute("period", month);
        model.addAttribute("periodLabel", pages.label(month, locale));
        model.addAttribute("months", pages.periods(code, locale).get(PeriodKind.MONTH));
        model.addAttribute("group", g);
        model.addAttribute("groups", PeerGroup.values());
        model.addAttribute("reports", Pages.of(due, PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("submitted", due.stream().filter(r -> r.state().submitted()).count());
        model.addAttribute("onTime", due.stream().filter(r -> r.state() == ProgressReport.ReportState.ON_TIME).count());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("office", pages.office());
        return "assessment/reports";
    }

    @PostMapping("/rating")
    @PreAuthorize("hasAuthority('assessment:ranking:manage')")
    String rate(@PathVariable String code, @RequestParam String period, @RequestParam String unit,
            @RequestParam int initiative, @RequestParam String cycle, @RequestParam(required = false) @Nullable Grade grade,
            @RequestParam(defaultValue = "") String comment,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Locale locale, Model model,
            RedirectAttributes redirect) {
        String error = null;
        try {
            if (grade == null) {
                error = pages.text("error.assessment.grade-required", locale);
            } else {
                reports.rate(code, unit, initiative, cycle, grade, comment);
            }
        } catch (LocalizedException e) {
            error = String.join(" ", pages.errors(e, locale));
        }
        Period month = Period.parse(period);
        if (htmx != null) {
            ProgressReport row = reports.due(code, month).stream()
                    .filter(r -> r.unit().code().equals(unit) && r.initiativeNumber() == initiative && r.cycle().equals(cycle))
                    .findFirst().orElseThrow();
            model.addAttribute("programme", programmes.programme(code));
            model.addAttribute("period", month);
            model.addAttribute("r", row);
            model.addAttribute("grades", Grade.values());
            model.addAttribute("office", true);
            model.addAttribute("rowError", error);
            model.addAttribute("rowSaved", error == null);
            return "assessment/reports :: row";
        }
        if (error != null) {
            redirect.addFlashAttribute("errors", List.of(error));
        } else {
            redirect.addFlashAttribute("notice", pages.text("assessment.report.rated", locale));
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/assessment/{code}/reports").queryParam("period", period)
                .buildAndExpand(code).toUriString();
    }
}
