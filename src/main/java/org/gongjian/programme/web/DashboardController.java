package org.gongjian.programme.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.web.Overviews.InitiativeRow;
import org.gongjian.programme.web.Overviews.Overview;
import org.gongjian.shared.Pages;
import org.gongjian.shared.web.Htmx;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The programme dashboard (驾驶舱): every initiative with its lead unit, category, each target's progress
 * against its deadline, its next milestone and its declared stage; filtered by category and unit; with
 * charts of progress by category and of initiatives by stage. One template serves the page and, for
 * htmx, just its results.
 */
@Controller
class DashboardController {

    static final int PAGE_SIZE = 50;

    private final ProgrammeManagement programmes;
    private final Overviews overviews;
    private final PageCharts charts;
    private final Organisation organisation;

    DashboardController(ProgrammeManagement programmes, Overviews overviews, PageCharts charts, Organisation organisation) {
        this.programmes = programmes;
        this.overviews = overviews;
        this.charts = charts;
        this.organisation = organisation;
    }

    @GetMapping("/programmes/{code}")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    String dashboard(@PathVariable String code, @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String unit, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Programme programme = programmes.programme(code);
        String categoryFilter = blank(category) ? null : category;
        Unit unitFilter = blank(unit) ? null : organisation.unit(unit);
        Predicate<Initiative> which = i -> (categoryFilter == null || categoryFilter.equals(i.categoryCode()))
                && (unitFilter == null || i.responsibleUnitIds().contains(unitFilter.id()));
        Overview overview = overviews.overview(programme, which);
        Page<InitiativeRow> rows = Pages.of(overview.rows(), PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("programme", programme);
        model.addAttribute("overview", overview);
        model.addAttribute("rows", rows);
        model.addAttribute("category", categoryFilter);
        model.addAttribute("unit", unitFilter == null ? null : unitFilter.code());
        model.addAttribute("unitChoices", unitChoices(programme));
        model.addAttribute("categoryChart", charts.categoryProgress(overview));
        model.addAttribute("statusChart", charts.statusCounts(overview));
        return Htmx.wantsFragment(request, response) ? "programme/dashboard :: results" : "programme/dashboard";
    }

    /** The units that lead or co-lead any initiative of the programme, as the unit filter's choices. */
    private Map<String, String> unitChoices(Programme programme) {
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        programmes.initiatives(programme).forEach(i -> ids.addAll(i.responsibleUnitIds()));
        Map<String, String> choices = new LinkedHashMap<>();
        organisation.byIds(ids).values().stream()
                .sorted(java.util.Comparator.comparing(Unit::kind).thenComparing(Unit::code))
                .forEach(u -> choices.put(u.code(), u.displayName(org.springframework.context.i18n.LocaleContextHolder.getLocale())));
        return choices;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
