package org.gongjian.programme.web;

import java.util.function.Predicate;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.StatusLights.Lights;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: what needs my unit's attention now. Unit staff see the initiatives their unit leads
 * or co-leads; the office, leaders and viewers see the whole programme. Initiatives come worst status
 * first, with counts by status that open the dashboard filtered to them.
 */
@Controller
class StartPageController {

    private final ProgrammeNav nav;
    private final ProgrammeManagement programmes;
    private final Overviews overviews;
    private final Accounts accounts;
    private final Organisation organisation;
    private final Lighting lighting;
    private final org.springframework.beans.factory.ObjectProvider<org.gongjian.programme.UnitAgenda> agenda;

    StartPageController(ProgrammeNav nav, ProgrammeManagement programmes, Overviews overviews, Accounts accounts,
            Organisation organisation, Lighting lighting,
            org.springframework.beans.factory.ObjectProvider<org.gongjian.programme.UnitAgenda> agenda) {
        this.agenda = agenda;
        this.nav = nav;
        this.programmes = programmes;
        this.overviews = overviews;
        this.accounts = accounts;
        this.organisation = organisation;
        this.lighting = lighting;
    }

    @GetMapping("/")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    String start(Model model) {
        Actor actor = accounts.current();
        Programme programme = nav.newest();
        boolean unitScope = actor.roles().contains(Role.UNIT_STAFF) && !actor.isAdmin() && actor.unitId() != null;
        model.addAttribute("unit", unitScope ? organisation.unit(actor.unitId()) : null);
        // a unit's staff see first what they owe: open notices and the progress report due (issue 11 §3)
        org.gongjian.programme.UnitAgenda todo = agenda.getIfAvailable();
        if (unitScope && todo != null) {
            model.addAttribute("openNotices", todo.openNotices(actor.unitId()));
            model.addAttribute("reportDue", programme == null ? null : todo.reportDue(programme.code()).orElse(null));
        }
        if (programme != null) {
            Predicate<Initiative> which = unitScope
                    ? i -> i.responsibleUnitIds().contains(actor.unitId()) : i -> true;
            Overviews.Overview overview = overviews.overview(programme, which);
            Lights lights = lighting.programme(programme, overview.today());
            model.addAttribute("programme", programme);
            model.addAttribute("attention", overviews.attention(overview));
            model.addAttribute("lights", lights);
            model.addAttribute("counts", DashboardController.counts(overview, lights));
            model.addAttribute("rows", DashboardController.worstFirst(overview.rows(), lights));
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
