package org.gongjian.cockpit.web;

import java.util.Comparator;
import java.util.Locale;
import org.gongjian.cockpit.LeaderSummaries;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 领导一屏看: the leader's summary as a page (a leader's first screen) and as a fragment that the dashboard
 * loads at its top for everyone.
 */
@Controller
class LeaderPageController {

    private final LeaderSummaries summaries;
    private final ProgrammeManagement programmes;

    LeaderPageController(LeaderSummaries summaries, ProgrammeManagement programmes) {
        this.summaries = summaries;
        this.programmes = programmes;
    }

    /** The newest programme's summary. */
    @GetMapping("/leader")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    String newest() {
        return programmes.programmes(Pageable.unpaged()).getContent().stream()
                .max(Comparator.comparingInt(Programme::year).thenComparing(Programme::startDate))
                .map(p -> "redirect:/leader/" + p.code())
                .orElse("redirect:/programmes");
    }

    @GetMapping("/leader/{code}")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    String page(@PathVariable String code, Model model, Locale locale) {
        model.addAttribute("programme", programmes.programme(code));
        model.addAttribute("summary", summaries.summary(code, locale));
        return "cockpit/leader";
    }

    /** The summary alone, for the dashboard (htmx, on load). */
    @GetMapping("/leader/{code}/summary")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    String fragment(@PathVariable String code, Model model, Locale locale) {
        model.addAttribute("summary", summaries.summary(code, locale));
        return "cockpit/leader :: summary";
    }
}
