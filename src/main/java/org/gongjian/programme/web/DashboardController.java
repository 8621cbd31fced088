package org.gongjian.programme.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.StatusLights.Light;
import org.gongjian.programme.StatusLights.Lights;
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
 * The programme dashboard (驾驶舱): what is late first. Every initiative with its computed status (研判状态)
 * beside its lead unit's declared stage, each target's progress against time progress, its next milestone;
 * counts of initiatives by status; filtered by category, unit and status, sorted worst first; with charts of
 * initiatives by status per category and of progress against time progress per category. The status of the
 * whole programme is computed once per request. One template serves the page and, for htmx, its results.
 */
@Controller
class DashboardController {

    static final int PAGE_SIZE = 50;
    /** The status filter's value for everything the office should press: 预警, 滞后 and 逾期. */
    static final String ATTENTION = "attention";

    private final ProgrammeManagement programmes;
    private final Overviews overviews;
    private final PageCharts charts;
    private final Lighting lighting;
    private final Organisation organisation;

    DashboardController(ProgrammeManagement programmes, Overviews overviews, PageCharts charts, Lighting lighting,
            Organisation organisation) {
        this.programmes = programmes;
        this.overviews = overviews;
        this.charts = charts;
        this.lighting = lighting;
        this.organisation = organisation;
    }

    @GetMapping("/programmes/{code}")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    String dashboard(@PathVariable String code, @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String sort, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Programme programme = programmes.programme(code);
        String categoryFilter = blank(category) ? null : category;
        Unit unitFilter = blank(unit) ? null : organisation.unit(unit);
        Predicate<Initiative> which = i -> (categoryFilter == null || categoryFilter.equals(i.categoryCode()))
                && (unitFilter == null || i.responsibleUnitIds().contains(unitFilter.id()));
        Overview overview = overviews.overview(programme, which);
        Lights lights = lighting.programme(programme, overview.today());
        String statusFilter = lights.scale().stream().anyMatch(l -> l.name().equals(status)) || ATTENTION.equals(status)
                ? status : null;
        boolean byNumber = "number".equals(sort);
        Overview shown = overview.only(r -> matches(lights.initiative(r.initiative().id()), statusFilter));
        List<InitiativeRow> sorted = byNumber ? shown.rows() : worstFirst(shown.rows(), lights);
        Page<InitiativeRow> rows = Pages.of(sorted, PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("programme", programme);
        model.addAttribute("overview", shown);
        model.addAttribute("lights", lights);
        model.addAttribute("counts", counts(overview, lights));
        model.addAttribute("rows", rows);
        model.addAttribute("category", categoryFilter);
        model.addAttribute("unit", unitFilter == null ? null : unitFilter.code());
        model.addAttribute("status", statusFilter);
        model.addAttribute("sort", byNumber ? "number" : null);
        model.addAttribute("unitChoices", unitChoices(programme));
        model.addAttribute("categoryChart", charts.categoryProgress(shown, lights));
        model.addAttribute("statusChart", charts.statusByCategory(shown, lights));
        return Htmx.wantsFragment(request, response) ? "programme/dashboard :: results" : "programme/dashboard";
    }

    /** Worst status first, then by number: the page answers "what is late?" before anything else. */
    static List<InitiativeRow> worstFirst(List<InitiativeRow> rows, Lights lights) {
        return rows.stream().sorted(Comparator.comparingInt((InitiativeRow r) -> lights.severity(r.initiative().id()))
                .reversed().thenComparingInt(r -> r.initiative().number())).toList();
    }

    /** How many of the rows' initiatives have each status, worst first (every status, zero included). */
    static Map<Light, Long> counts(Overview overview, Lights lights) {
        Map<Light, Long> counts = new LinkedHashMap<>();
        lights.scale().forEach(l -> counts.put(l, 0L));
        overview.rows().forEach(r -> {
            Light light = lights.initiative(r.initiative().id());
            if (light != null) {
                counts.merge(light, 1L, Long::sum);
            }
        });
        return counts;
    }

    private static boolean matches(@Nullable Light light, @Nullable String filter) {
        return filter == null || (light != null && (ATTENTION.equals(filter) ? light.attention() : light.name().equals(filter)));
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
