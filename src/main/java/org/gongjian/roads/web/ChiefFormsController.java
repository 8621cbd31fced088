package org.gongjian.roads.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.organisation.Organisation;
import org.gongjian.roads.ChiefLevel;
import org.gongjian.roads.RoadAccess;
import org.gongjian.roads.RoadChiefs;
import org.gongjian.roads.RoadRegister;
import org.gongjian.roads.RoadStaff;
import org.gongjian.roads.web.RoadForms.ChiefForm;
import org.gongjian.roads.web.RoadForms.StaffForm;
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

/** The road office appoints and changes road chiefs, and keeps the 两员 and road guards, on page forms. */
@Controller
class ChiefFormsController {

    private final RoadChiefs chiefs;
    private final RoadStaff staff;
    private final RoadRegister register;
    private final RoadAccess access;
    private final Organisation organisation;
    private final OfficeForms forms;

    ChiefFormsController(RoadChiefs chiefs, RoadStaff staff, RoadRegister register, RoadAccess access,
            Organisation organisation, OfficeForms forms) {
        this.chiefs = chiefs;
        this.staff = staff;
        this.register = register;
        this.access = access;
        this.organisation = organisation;
        this.forms = forms;
    }

    @GetMapping("/roads/chiefs/new")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String newChief(Model model) {
        return chiefForm(model, new ChiefForm(), null);
    }

    @PostMapping("/roads/chiefs")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String appoint(@ModelAttribute("form") ChiefForm form, BindingResult result, Model model, RedirectAttributes flash,
            Locale locale) {
        return forms.save(result, () -> chiefs.appoint(form.data(), false),
                "roads.chief.saved", form.getName(), "/roads/chiefs", flash, locale,
                () -> chiefForm(model, form, null));
    }

    @GetMapping("/roads/chiefs/{id}/edit")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String editChief(@PathVariable long id, Model model) {
        return chiefForm(model, ChiefForm.of(chiefs.chief(id)), id);
    }

    @PostMapping("/roads/chiefs/{id}")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String updateChief(@PathVariable long id, @ModelAttribute("form") ChiefForm form, BindingResult result, Model model,
            RedirectAttributes flash, Locale locale) {
        return forms.save(result, () -> chiefs.update(id, form.data(), form.getEndedOn(), form.getVersion()),
                "roads.chief.saved", form.getName(), "/roads/chiefs", flash, locale,
                () -> chiefForm(model, form, id));
    }

    private String chiefForm(Model model, ChiefForm form, @Nullable Long id) {
        forms.page(model, "roads-chief", form, id);
        LocalDate today = LocalDate.now();
        model.addAttribute("levels", ChiefLevel.values());
        model.addAttribute("superiors", chiefs.chiefs().stream()
                .filter(c -> c.servingOn(today) && c.level() != ChiefLevel.VILLAGE && (id == null || c.id() != id)).toList());
        model.addAttribute("towns", organisation.townLevelUnits());
        return "roads/chief-form";
    }

    @GetMapping("/roads/staff")
    @PreAuthorize("hasAuthority('roads:register:read')")
    String staffList(Model model) {
        model.addAttribute("staff", staff.all());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("chiefNames", chiefNames());
        model.addAttribute("segmentNames", segmentNames());
        model.addAttribute("office", access.office());
        return "roads/staff";
    }

    @GetMapping("/roads/staff/new")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String newStaff(Model model) {
        return staffForm(model, new StaffForm(), null);
    }

    @PostMapping("/roads/staff")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String addStaff(@ModelAttribute("form") StaffForm form, BindingResult result, Model model, RedirectAttributes flash,
            Locale locale) {
        return forms.save(result, () -> staff.add(form.data(), false),
                "roads.staff.saved", form.getName(), "/roads/staff", flash, locale,
                () -> staffForm(model, form, null));
    }

    @GetMapping("/roads/staff/{id}/edit")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String editStaff(@PathVariable long id, Model model) {
        return staffForm(model, StaffForm.of(staff.one(id)), id);
    }

    @PostMapping("/roads/staff/{id}")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String updateStaff(@PathVariable long id, @ModelAttribute("form") StaffForm form, BindingResult result, Model model,
            RedirectAttributes flash, Locale locale) {
        return forms.save(result, () -> staff.update(id, form.data(), form.getVersion()),
                "roads.staff.saved", form.getName(), "/roads/staff", flash, locale,
                () -> staffForm(model, form, id));
    }

    private String staffForm(Model model, StaffForm form, @Nullable Long id) {
        forms.page(model, "roads-staff", form, id);
        LocalDate today = LocalDate.now();
        model.addAttribute("roles", RoadStaff.StaffRole.values());
        model.addAttribute("chiefs", chiefs.chiefs().stream().filter(c -> c.servingOn(today)).toList());
        model.addAttribute("segments", register.segments());
        return "roads/staff-form";
    }

    private Map<Long, String> chiefNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        chiefs.chiefs().forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    private Map<Long, String> segmentNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        List<RoadRegister.Segment> all = register.segments();
        all.forEach(s -> names.put(s.id(), s.routeCode() + " " + s.stakes()));
        return names;
    }
}
