package org.gongjian.roads.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.roads.DemoRoads;
import org.gongjian.roads.RoadAccess;
import org.gongjian.roads.RoadRegister;
import org.gongjian.roads.Signboards;
import org.gongjian.roads.web.RoadForms.DemoRoadForm;
import org.gongjian.roads.web.RoadForms.SignboardForm;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The road office's signboards (公示牌) and demonstration roads (示范路) with their checklists, on page forms. */
@Controller
class RoadRecordFormsController {

    private final Signboards signboards;
    private final DemoRoads demoRoads;
    private final RoadRegister register;
    private final RoadAccess access;
    private final Organisation organisation;
    private final OfficeForms forms;

    RoadRecordFormsController(Signboards signboards, DemoRoads demoRoads, RoadRegister register, RoadAccess access,
            Organisation organisation, OfficeForms forms) {
        this.signboards = signboards;
        this.demoRoads = demoRoads;
        this.register = register;
        this.access = access;
        this.organisation = organisation;
        this.forms = forms;
    }

    @GetMapping("/roads/signboards")
    @PreAuthorize("hasAuthority('roads:register:read')")
    String signboardList(Model model) {
        model.addAttribute("boards", signboards.all());
        model.addAttribute("segmentNames", segmentNames());
        model.addAttribute("office", access.office());
        return "roads/signboards";
    }

    @GetMapping("/roads/signboards/new")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String newSignboard(Model model) {
        return signboardForm(model, new SignboardForm(), null);
    }

    @PostMapping("/roads/signboards")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String recordSignboard(@ModelAttribute("form") SignboardForm form, BindingResult result, Model model,
            RedirectAttributes flash, Locale locale) {
        return forms.save(result, () -> signboards.record(form.data()),
                "roads.signboard.saved", null, "/roads/signboards", flash, locale,
                () -> signboardForm(model, form, null));
    }

    @GetMapping("/roads/signboards/{id}/edit")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String editSignboard(@PathVariable long id, Model model) {
        return signboardForm(model, SignboardForm.of(signboards.one(id)), id);
    }

    @PostMapping("/roads/signboards/{id}")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String updateSignboard(@PathVariable long id, @ModelAttribute("form") SignboardForm form, BindingResult result,
            Model model, RedirectAttributes flash, Locale locale) {
        return forms.save(result, () -> signboards.update(id, form.data(), form.getVersion()),
                "roads.signboard.saved", null, "/roads/signboards", flash, locale,
                () -> signboardForm(model, form, id));
    }

    private String signboardForm(Model model, SignboardForm form, @Nullable Long id) {
        forms.page(model, "roads-signboard", form, id);
        if (id != null) {
            model.addAttribute("board", signboards.one(id));
        }
        model.addAttribute("segments", register.segments());
        return "roads/signboard-form";
    }

    @GetMapping("/roads/demo-roads")
    @PreAuthorize("hasAuthority('roads:register:read')")
    String demoRoadList(Model model) {
        model.addAttribute("roads", demoRoads.roads());
        model.addAttribute("townNames", townNames());
        model.addAttribute("office", access.office());
        return "roads/demo-roads";
    }

    @GetMapping("/roads/demo-roads/new")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String newDemoRoad(Model model) {
        return demoRoadForm(model, new DemoRoadForm(), null);
    }

    @PostMapping("/roads/demo-roads")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String createDemoRoad(@ModelAttribute("form") DemoRoadForm form, BindingResult result, Model model,
            RedirectAttributes flash, Locale locale) {
        return forms.save(result, () -> demoRoads.create(form.data(), false),
                "roads.demo-road.saved", form.getName(), "/roads/demo-roads", flash, locale,
                () -> demoRoadForm(model, form, null));
    }

    @GetMapping("/roads/demo-roads/{id}/edit")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String editDemoRoad(@PathVariable long id, Model model) {
        return demoRoadForm(model, DemoRoadForm.of(demoRoads.road(id)), id);
    }

    @PostMapping("/roads/demo-roads/{id}")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String updateDemoRoad(@PathVariable long id, @ModelAttribute("form") DemoRoadForm form, BindingResult result,
            Model model, RedirectAttributes flash, Locale locale) {
        return forms.save(result, () -> demoRoads.update(id, form.data(), form.getVersion()),
                "roads.demo-road.saved", form.getName(), "/roads/demo-roads", flash, locale,
                () -> demoRoadForm(model, form, id));
    }

    private String demoRoadForm(Model model, DemoRoadForm form, @Nullable Long id) {
        forms.page(model, "roads-demo-road", form.withBlankRows(), id);
        model.addAttribute("towns", organisation.townLevelUnits());
        model.addAttribute("statuses", DemoRoads.Status.values());
        return "roads/demo-road-form";
    }

    private Map<Long, String> segmentNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        register.segments().forEach(s -> names.put(s.id(), s.routeCode() + " " + s.routeName() + " " + s.stakes()));
        return names;
    }

    private Map<String, String> townNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Unit u : organisation.all()) {
            names.put(u.code(), u.shortName());
        }
        return names;
    }
}
