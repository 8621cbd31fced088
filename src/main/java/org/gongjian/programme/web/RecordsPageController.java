package org.gongjian.programme.web;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongjian.organisation.Organisation;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeEvent;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeRecords;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The programme's chronicle (大事记) by month, and its pilot and demonstration titles (试点示范). */
@Controller
class RecordsPageController {

    private final ProgrammeManagement programmes;
    private final ProgrammeRecords records;
    private final Organisation organisation;

    RecordsPageController(ProgrammeManagement programmes, ProgrammeRecords records, Organisation organisation) {
        this.programmes = programmes;
        this.records = records;
        this.organisation = organisation;
    }

    @GetMapping("/programmes/{code}/chronicle")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    String chronicle(@PathVariable String code, Model model) {
        Programme programme = programmes.programme(code);
        List<ProgrammeEvent> events = records.events(programme);
        Map<YearMonth, List<ProgrammeEvent>> byMonth = events.stream().collect(Collectors.groupingBy(
                e -> YearMonth.from(e.date().start()), LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("programme", programme);
        model.addAttribute("months", byMonth);
        model.addAttribute("initiatives", initiativesById(programme));
        model.addAttribute("units", organisation.byIds(events.stream().flatMap(e -> e.unitIds().stream()).toList()));
        return "programme/chronicle";
    }

    @GetMapping("/programmes/{code}/honours")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    String honours(@PathVariable String code, Model model) {
        Programme programme = programmes.programme(code);
        var honours = records.honours(programme);
        model.addAttribute("programme", programme);
        model.addAttribute("honours", honours);
        model.addAttribute("initiatives", initiativesById(programme));
        model.addAttribute("units", organisation.byIds(honours.stream().flatMap(h -> h.awardingBodyIds().stream()).toList()));
        return "programme/honours";
    }

    private Map<Long, Initiative> initiativesById(Programme programme) {
        Map<Long, Initiative> byId = new HashMap<>();
        programmes.initiatives(programme).forEach(i -> byId.put(i.id(), i));
        return byId;
    }
}
