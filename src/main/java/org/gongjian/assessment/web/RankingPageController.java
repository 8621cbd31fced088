package org.gongjian.assessment.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gongjian.assessment.LeagueTable;
import org.gongjian.assessment.PeerGroup;
import org.gongjian.assessment.Period;
import org.gongjian.assessment.RankHistory;
import org.gongjian.assessment.Rankings;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.LocalizedException;
import org.gongjian.shared.Pages;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The league table (龙虎榜) page with its charts, the xlsx export and the office's recomputation. */
@Controller
@RequestMapping("/assessment")
class RankingPageController {

    static final int PAGE_SIZE = 50;
    static final int HISTORY_DEFAULT = 5;

    private final Rankings rankings;
    private final ProgrammeManagement programmes;
    private final PageSupport pages;
    private final org.springframework.context.MessageSource messages;

    RankingPageController(Rankings rankings, ProgrammeManagement programmes, PageSupport pages,
            org.springframework.context.MessageSource messages) {
        this.rankings = rankings;
        this.programmes = programmes;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    String start(Model model) {
        Page<Programme> all = programmes.programmes(PageRequest.of(0, 1, org.springframework.data.domain.Sort.by("code")));
        if (all.isEmpty()) {
            model.addAttribute("errors", List.of());
            return "assessment/none";
        }
        return "redirect:/assessment/" + all.getContent().get(0).code() + "/rankings";
    }

    @GetMapping("/{code}/rankings")
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    String league(@PathVariable String code, @RequestParam(required = false) @Nullable String period,
            @RequestParam(defaultValue = "towns") String group, @RequestParam(required = false) @Nullable List<String> units,
            @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        Programme programme = programmes.programme(code);
        Period p = pages.period(code, period);
        PeerGroup g = PeerGroup.parse(group);
        LeagueTable table = rankings.league(code, p, g);
        Page<LeagueTable.Row> rows = Pages.of(table.rows(), PageRequest.of(Math.max(0, page), PAGE_SIZE));
        List<String> selected = selected(table, units);
        RankHistory history = rankings.history(code, g, p, selected);

        model.addAttribute("programme", programme);
        model.addAttribute("table", table);
        model.addAttribute("rows", rows);
        model.addAttribute("period", p);
        model.addAttribute("periodLabel", pages.label(p, locale));
        model.addAttribute("previousLabel", table.previous() == null ? null : pages.label(table.previous(), locale));
        model.addAttribute("periods", pages.periods(code, locale));
        model.addAttribute("group", g);
        model.addAttribute("groups", PeerGroup.values());
        model.addAttribute("selected", Set.copyOf(selected));
        model.addAttribute("office", pages.office());
        model.addAttribute("chart", pages.json(barChart(rows.getContent(), locale)));
        model.addAttribute("history", pages.json(historyChart(history, locale)));
        return "assessment/rankings";
    }

    /** The units whose rank history is drawn: those asked for, else the top three and the best and worst movers. */
    private static List<String> selected(LeagueTable table, @Nullable List<String> units) {
        Set<String> codes = new LinkedHashSet<>();
        if (units != null && !units.isEmpty()) {
            Set<String> inTable = new LinkedHashSet<>();
            table.rows().forEach(r -> inTable.add(r.unit().code()));
            units.stream().filter(inTable::contains).limit(12).forEach(codes::add);
            return List.copyOf(codes);
        }
        table.rows().stream().limit(3).forEach(r -> codes.add(r.unit().code()));
        table.bestMovers().stream().limit(1).forEach(r -> codes.add(r.unit().code()));
        table.worstMovers().stream().limit(1).forEach(r -> codes.add(r.unit().code()));
        return codes.stream().limit(HISTORY_DEFAULT).toList();
    }

    private Map<String, Object> barChart(List<LeagueTable.Row> rows, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("names", rows.stream().map(r -> r.rank() + " " + r.unit().displayName(locale)).toList());
        chart.put("totals", rows.stream().map(r -> r.total().setScale(2, java.math.RoundingMode.HALF_UP)).toList());
        chart.put("label", pages.text("assessment.total", locale));
        return chart;
    }

    private Map<String, Object> historyChart(RankHistory history, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("periods", history.periods().stream().map(p -> pages.label(p, locale)).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (RankHistory.Line line : history.lines()) {
            series.add(Map.of("name", line.unit().displayName(locale), "ranks", line.ranks()));
        }
        chart.put("series", series);
        chart.put("rankLabel", pages.text("assessment.rank", locale));
        return chart;
    }

    @GetMapping("/{code}/rankings.xlsx")
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    ResponseEntity<byte[]> export(@PathVariable String code, @RequestParam(required = false) @Nullable String period,
            @RequestParam(defaultValue = "towns") String group, Locale locale) {
        Programme programme = programmes.programme(code);
        Period p = pages.period(code, period);
        PeerGroup g = PeerGroup.parse(group);
        LeagueTable table = rankings.league(code, p, g);
        byte[] xlsx = new RankingWorkbook(messages, locale).write(programme.title(), table, rankings.ranking(code, p),
                pages.label(p, locale), pages.text(g.messageKey(), locale));
        String name = pages.text("assessment.xlsx.file", locale, code, g.code(), p.code());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    @PostMapping("/{code}/rankings/recompute")
    @PreAuthorize("hasAuthority('assessment:ranking:manage')")
    String recompute(@PathVariable String code, @RequestParam String period, @RequestParam String group,
            @RequestParam(defaultValue = "") String reason, Locale locale, RedirectAttributes redirect) {
        try {
            var revised = rankings.recompute(code, Period.parse(period), reason);
            redirect.addFlashAttribute("notice", pages.text("assessment.recomputed", locale, revised.version()));
        } catch (LocalizedException e) {
            redirect.addFlashAttribute("errors", pages.errors(e, locale));
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/assessment/{code}/rankings")
                .queryParam("period", period).queryParam("group", group).buildAndExpand(code).toUriString();
    }
}
