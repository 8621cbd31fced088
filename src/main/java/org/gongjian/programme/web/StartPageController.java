package org.gongjian.programme.web;

import java.util.function.Predicate;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: what needs my unit's attention now. Unit staff see the initiatives their unit leads
 * or co-leads; the office, leaders and viewers see the whole programme.
 */
@Controller
class StartPageController {

    private final ProgrammeNav nav;
    private final ProgrammeManagement programmes;
    private final Overviews overviews;
    private final Accounts accounts;
    private final Organisation organisation;

    StartPageController(ProgrammeNav nav, ProgrammeManagement programmes, Overviews overviews, Accounts accounts,
            Organisation organisation) {
        this.nav = nav;
        this.programmes = programmes;
        this.overviews = overviews;
        this.accounts = accounts;
        this.organisation = organisation;
    }

    @GetMapping("/")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    String start(Model model) {
        Actor actor = accounts.current();
        Programme programme = nav.newest();
        boolean unitScope = actor.roles().contains(Role.UNIT_STAFF) && !actor.isAdmin() && actor.unitId() != null;
        model.addAttribute("unit", unitScope ? organisation.unit(actor.unitId()) : null);
        if (programme != null) {
            Predicate<Initiative> which = unitScope
                    ? i -> i.responsibleUnitIds().contains(actor.unitId()) : i -> true;
            model.addAttribute("programme", programme);
            model.addAttribute("attention", overviews.attention(overviews.overview(programme, which)));
        }
        return "programme/start";
    }

    @GetMapping("/programmes")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    String programmes(Model model) {
        model.addAttribute("programmes", programmes.programmes(Pageable.unpaged()).getContent());
        return "programme/programmes";
    }
}
