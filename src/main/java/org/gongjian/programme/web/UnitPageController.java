package org.gongjian.programme.web;

import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A unit's page: all it leads or co-leads in a programme (the newest unless named), and its open items. */
@Controller
class UnitPageController {

    private final Organisation organisation;
    private final ProgrammeManagement programmes;
    private final ProgrammeNav nav;
    private final Overviews overviews;

    UnitPageController(Organisation organisation, ProgrammeManagement programmes, ProgrammeNav nav, Overviews overviews) {
        this.organisation = organisation;
        this.programmes = programmes;
        this.nav = nav;
        this.overviews = overviews;
    }

    @GetMapping("/units/{code}")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    String unit(@PathVariable String code, @RequestParam(required = false) @Nullable String programme, Model model) {
        Unit unit = organisation.unit(code);
        Programme shown = programme == null || programme.isBlank() ? nav.newest() : programmes.programme(programme);
        model.addAttribute("unit", unit);
        model.addAttribute("parent", unit.parentId() == null ? null : organisation.unit(unit.parentId()));
        if (shown != null) {
            var overview = overviews.overview(shown, i -> i.responsibleUnitIds().contains(unit.id()));
            model.addAttribute("programme", shown);
            model.addAttribute("attention", overviews.attention(overview));
            model.addAttribute("led", overview.rows().stream().filter(r -> r.initiative().leadUnitId().equals(unit.id())).toList());
            model.addAttribute("coLed", overview.rows().stream().filter(r -> !r.initiative().leadUnitId().equals(unit.id())).toList());
        }
        return "programme/unit";
    }
}
