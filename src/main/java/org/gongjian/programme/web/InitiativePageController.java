package org.gongjian.programme.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.programme.EvidenceUpload;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.NewMeasurement;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeRecords;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.gongjian.programme.web.TargetViews.TargetView;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.web.Htmx;
import org.gongjian.shared.web.PageFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The initiative page: each target as a chart with its measurements, the milestones on a timeline, the
 * events, honours and co-units, and a form to report a measurement with evidence. The form is sent with
 * htmx and answered with the target's fragment; without JavaScript it posts and the page reloads.
 */
@Controller
class InitiativePageController {

    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final ProgrammeRecords records;
    private final Overviews overviews;
    private final TargetViews views;
    private final Organisation organisation;
    private final PageFormat fmt;
    private final MessageSource messages;

    InitiativePageController(ProgrammeManagement programmes, TargetManagement targets, ProgrammeRecords records,
            Overviews overviews, TargetViews views, Organisation organisation, PageFormat fmt, MessageSource messages) {
        this.programmes = programmes;
        this.targets = targets;
        this.records = records;
        this.overviews = overviews;
        this.views = views;
        this.organisation = organisation;
        this.fmt = fmt;
        this.messages = messages;
    }

    @GetMapping("/programmes/{code}/initiatives/{number}")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    String initiative(@PathVariable String code, @PathVariable int number, Model model) {
        Programme programme = programmes.programme(code);
        Initiative initiative = programmes.initiative(programme, number);
        page(model, programme, initiative, null, null);
        return "programme/initiative";
    }

    @PostMapping(path = "/programmes/{code}/targets/{target}/measurements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('programme:measurement:create')")
    String report(@PathVariable String code, @PathVariable("target") String targetCode,
            @RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "") String asOf,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(name = "evidence", required = false) @Nullable List<MultipartFile> files,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Programme programme = programmes.programme(code);
        Target target = targets.target(programme, targetCode);
        Initiative initiative = programmes.initiative(target.initiativeId());
        Map<String, List<String>> errors = new LinkedHashMap<>();
        BigDecimal parsedValue = parseValue(value, errors);
        LocalDate parsedDate = parseDate(asOf, errors);
        String cleanNote = note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 2000) {
            errors = ReportForm.add(errors, "note", message("error.measurement.note-too-long", 2000));
        }
        List<EvidenceUpload> uploads = files == null ? List.of() : files.stream()
                .filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
                .map(f -> new EvidenceUpload(f.getOriginalFilename() == null ? "" : f.getOriginalFilename(), f.getSize(), f))
                .toList();
        String confirmation = null;
        if (errors.isEmpty()) {
            try {
                var saved = targets.report(code, targetCode, new NewMeasurement(parsedValue, parsedDate, cleanNote, null), uploads);
                confirmation = message("report.saved", fmt.figure(saved.value(), target.unit()), saved.asOf().toString(),
                        uploads.size());
            } catch (InvalidInputException e) {
                for (var v : e.violations()) {
                    errors = ReportForm.add(errors, v.field(), message(v.messageKey(), v.args()));
                }
            }
        }
        boolean fragment = Htmx.wantsFragment(request, response);
        if (confirmation != null && !fragment) {
            redirect.addFlashAttribute("reported", Map.of(targetCode, confirmation));
            return "redirect:/programmes/" + code + "/initiatives/" + initiative.number() + "#target-" + targetCode;
        }
        ReportForm form = confirmation != null ? ReportForm.blank(parsedDate.toString(), confirmation)
                : new ReportForm(value, asOf, note, errors, null);
        if (fragment) {
            model.addAttribute("programme", programme);
            model.addAttribute("t", views.view(target, initiative, form));
            model.addAttribute("isOffice", programmes.isOffice());
            return "programme/initiative :: target";
        }
        page(model, programme, initiative, targetCode, form);
        return "programme/initiative";
    }

    private void page(Model model, Programme programme, Initiative initiative, @Nullable String formTarget,
            @Nullable ReportForm form) {
        @SuppressWarnings("unchecked")
        Map<String, String> reported = (Map<String, String>) model.asMap().getOrDefault("reported", Map.of());
        List<TargetView> targetViews = new ArrayList<>();
        for (Target t : targets.targets(initiative)) {
            ReportForm f = t.code().equals(formTarget) ? form
                    : reported.containsKey(t.code()) ? ReportForm.blank(fmt.today().toString(), reported.get(t.code())) : null;
            targetViews.add(views.view(t, initiative, f));
        }
        var overview = overviews.overview(programme, i -> i.id().equals(initiative.id()));
        model.addAttribute("programme", programme);
        model.addAttribute("initiative", initiative);
        model.addAttribute("row", overview.rows().get(0));
        model.addAttribute("milestones", overview.milestones());
        model.addAttribute("targets", targetViews);
        model.addAttribute("events", records.events(programme).stream()
                .filter(e -> initiative.id().equals(e.initiativeId())).toList());
        model.addAttribute("honours", records.honours(programme).stream()
                .filter(h -> initiative.id().equals(h.initiativeId())).toList());
        model.addAttribute("honourBodies", organisation.byIds(records.honours(programme).stream()
                .flatMap(h -> h.awardingBodyIds().stream()).toList()));
        model.addAttribute("mayEdit", programmes.mayActFor(initiative, Permissions.INITIATIVE_WRITE));
        model.addAttribute("isOffice", programmes.isOffice());
    }

    private @Nullable BigDecimal parseValue(String text, Map<String, List<String>> errors) {
        String cleaned = text.strip().replace(",", "").replace("，", "").replace(" ", "");
        if (cleaned.isEmpty()) {
            errors.put("value", List.of(message("error.measurement.value-missing")));
            return null;
        }
        try {
            BigDecimal parsed = new BigDecimal(cleaned);
            if (parsed.abs().compareTo(new BigDecimal("1e17")) >= 0) {
                errors.put("value", List.of(message("error.measurement.value-format", text)));
                return null;
            }
            return parsed;
        } catch (NumberFormatException e) {
            errors.put("value", List.of(message("error.measurement.value-format", text)));
            return null;
        }
    }

    private @Nullable LocalDate parseDate(String text, Map<String, List<String>> errors) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put("asOf", List.of(message("error.measurement.date-format", text)));
            return null;
        }
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
