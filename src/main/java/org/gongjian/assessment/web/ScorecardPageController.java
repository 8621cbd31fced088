package org.gongjian.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongjian.assessment.AppealState;
import org.gongjian.assessment.AppealView;
import org.gongjian.assessment.Appeals;
import org.gongjian.assessment.ItemScore;
import org.gongjian.assessment.Period;
import org.gongjian.assessment.RankHistory;
import org.gongjian.assessment.Rankings;
import org.gongjian.assessment.Scorecard;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.LocalizedException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** A unit's scorecard page: the breakdown item by item, its appeals and revisions, and the appeal form. */
@Controller
@RequestMapping("/assessment")
class ScorecardPageController {

    private final Rankings rankings;
    private final Appeals appeals;
    private final ProgrammeManagement programmes;
    private final PageSupport pages;

    ScorecardPageController(Rankings rankings, Appeals appeals, ProgrammeManagement programmes, PageSupport pages) {
        this.rankings = rankings;
        this.appeals = appeals;
        this.programmes = programmes;
        this.pages = pages;
    }

    @GetMapping("/{code}/units/{unit}")
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    String scorecard(@PathVariable String code, @PathVariable String unit,
            @RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable String item,
            Locale locale, Model model) {
        Period p = pages.period(code, period);
        Scorecard card = rankings.scorecard(code, unit, p);
        Set<String> appealed = card.appeals().stream().filter(a -> a.state() != AppealState.REJECTED)
                .map(AppealView::itemKey).collect(Collectors.toSet());
        boolean mayAppeal = card.appealsOpen() && (pages.office()
                || (pages.mayAppeal() && Long.valueOf(card.unit().id()).equals(pages.ownUnit())));
        List<ItemScore> appealable = new ArrayList<>();
        card.score().components().forEach(c -> c.items().stream()
                .filter(i -> !appealed.contains(i.fact().key())).forEach(appealable::add));
        RankHistory history = card.rank() == null && card.revisions().isEmpty() ? null
                : rankings.history(code, card.unit().group(), p, List.of(card.unit().code()));

        model.addAttribute("programme", programmes.programme(code));
        model.addAttribute("card", card);
        model.addAttribute("period", p);
        model.addAttribute("periodLabel", pages.label(p, locale));
        model.addAttribute("periods", pages.periods(code, locale));
        model.addAttribute("appealed", appealed);
        model.addAttribute("mayAppeal", mayAppeal);
        model.addAttribute("appealable", appealable);
        model.addAttribute("chosenItem", item);
        model.addAttribute("maxFiles", Appeals.MAX_FILES);
        if (history != null) {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("periods", history.periods().stream().map(x -> pages.label(x, locale)).toList());
            chart.put("series", history.lines().stream()
                    .map(l -> Map.of("name", l.unit().displayName(locale), "ranks", l.ranks())).toList());
            chart.put("rankLabel", pages.text("assessment.rank", locale));
            model.addAttribute("history", pages.json(chart));
        }
        return "assessment/scorecard";
    }

    @PostMapping("/{code}/units/{unit}/appeals")
    @PreAuthorize("hasAnyAuthority('assessment:appeal:create', 'assessment:ranking:manage')")
    String appeal(@PathVariable String code, @PathVariable String unit, @RequestParam String period,
            @RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "") String reason,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files, Locale locale,
            RedirectAttributes redirect) {
        try {
            AppealView filed = appeals.file(code, period, unit, item, reason, AppealApiController.uploads(files));
            redirect.addFlashAttribute("notice", pages.text("assessment.appeal.filed", locale, filed.id(),
                    filed.answerDue()));
        } catch (LocalizedException e) {
            redirect.addFlashAttribute("errors", pages.errors(e, locale));
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/assessment/{code}/units/{unit}")
                .queryParam("period", period).queryParam("item", item).fragment("appeal")
                .buildAndExpand(code, unit).toUriString();
    }

    @GetMapping("/appeals/{id}/evidence/{file}")
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long file) {
        return AppealApiController.download(appeals.evidence(file));
    }
}
