package org.gongjian.programme.web;

import java.util.List;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The programmes a user can open. */
@Controller
class ProgrammePageController {

    private final ProgrammeManagement programmes;

    ProgrammePageController(ProgrammeManagement programmes) {
        this.programmes = programmes;
    }

    /** A row of the programme list. */
    record ProgrammeRow(String code, int year, String title, String theme, int initiatives) {
    }

    @GetMapping("/")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    String programmes(Model model) {
        List<ProgrammeRow> rows = programmes.programmes(Pageable.unpaged()).stream()
                .map(p -> row(p)).toList();
        model.addAttribute("rows", rows);
        return "programme/programmes";
    }

    private ProgrammeRow row(Programme p) {
        return new ProgrammeRow(p.code(), p.year(), p.title(), p.theme() == null ? "" : p.theme(),
                programmes.initiatives(p).size());
    }
}
