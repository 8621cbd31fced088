package org.gongjian.assessment.web;

import java.util.List;
import java.util.Locale;
import org.gongjian.assessment.Adjustment;
import org.gongjian.assessment.AppealState;
import org.gongjian.assessment.AppealView;
import org.gongjian.assessment.Appeals;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The appeals page: the office's queue with its decisions; a unit's own appeals. */
@Controller
@RequestMapping("/assessment/{code}/appeals")
class AppealPageController {

    private final Appeals appeals;
    private final ProgrammeManagement programmes;
    private final PageSupport pages;

    AppealPageController(Appeals appeals, ProgrammeManagement programmes, PageSupport pages) {
        this.appeals = appeals;
        this.programmes = programmes;
        this.pages = pages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    String list(@PathVariable String code, @RequestParam(required = false) @Nullable AppealState state,
            @RequestParam(defaultValue = "0") int page, Model model) {
        List<AppealView> all = appeals.list(code, null, null, state);
        model.addAttribute("programme", programmes.programme(code));
        model.addAttribute("appeals", Pages.of(all, PageRequest.of(Math.max(0, page), 20)));
        model.addAttribute("state", state);
        model.addAttribute("states", AppealState.values());
        model.addAttribute("adjustments", Adjustment.values());
        model.addAttribute("office", pages.office());
        return "assessment/appeals";
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasAuthority('assessment:ranking:manage')")
    String decide(@PathVariable String code, @PathVariable long id, @RequestParam int version,
            @RequestParam String outcome, @RequestParam(required = false) @Nullable Adjustment adjustment,
            @RequestParam(defaultValue = "") String decision, Locale locale, RedirectAttributes redirect) {
        try {
            AppealView decided = "uphold".equals(outcome)
                    ? appeals.uphold(id, version, adjustment == null ? Adjustment.FULL_CREDIT : adjustment, decision)
                    : appeals.reject(id, version, decision);
            redirect.addFlashAttribute("notice", pages.text("assessment.appeal.decided." + decided.state().name(),
                    locale, id));
        } catch (LocalizedException e) {
            redirect.addFlashAttribute("errors", pages.errors(e, locale));
            redirect.addFlashAttribute("failedId", id);
        }
        return "redirect:/assessment/" + code + "/appeals";
    }
}
