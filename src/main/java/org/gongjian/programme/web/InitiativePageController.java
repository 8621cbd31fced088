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
import org.gongjian.programme.StatusLights.Lights;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.gongjian.programme.web.TargetViews.TargetView;
import org.gongjian.shared.ConfirmationRequiredException;
import org.gongjian.shared.FigureInput;
import org.gongjian.shared.Figures;
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
    private final Lighting lighting;
    private final PageFormat fmt;
    private final MessageSource messages;

    InitiativePageController(ProgrammeManagement programmes, TargetManagement targets, ProgrammeRecords records,
            Overviews overviews, TargetViews views, Organisation organisation, Lighting lighting, PageFormat fmt,
            MessageSource messages) {
        this.programmes = programmes;
        this.targets = targets;
        this.records = records;
        this.overviews = overviews;
        this.views = views;
        this.organisation = organisation;
        this.lighting = lighting;
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
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(name = "evidence", required = false) @Nullable List<MultipartFile> files,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Programme programme = programmes.programme(code);
        Target target = targets.target(programme, targetCode);
        Initiative initiative = programmes.initiative(target.initiativeId());
        Map<String, List<String>> errors = new LinkedHashMap<>();
        BigDecimal parsedValue = parseValue(target, value, errors);
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
        String doubt = null;
        if (errors.isEmpty()) {
            try {
                NewMeasurement report = new NewMeasurement(parsedValue, parsedDate, cleanNote, null, null, confirm,
                        reason.isBlank() ? null : reason.strip());
                var saved = targets.report(code, targetCode, report, uploads);
                confirmation = message("report.saved", fmt.figure(saved.value(), target.unit()), saved.asOf().toString(),
                        uploads.size());
            } catch (InvalidInputException e) {
                for (var v : e.violations()) {
                    errors = ReportForm.add(errors, v.field(), message(v.messageKey(), v.args()));
                }
            } catch (ConfirmationRequiredException e) {
                doubt = message(e.messageKey(), e.args());
                if (confirm) {
                    errors = ReportForm.add(errors, "reason", message("error.measurement.reason-required"));
                }
            }
        }
        boolean fragment = Htmx.wantsFragment(request, response);
        if (confirmation != null && !fragment) {
            redirect.addFlashAttribute("reported", Map.of(targetCode, confirmation));
            return "redirect:/programmes/" + code + "/initiatives/" + initiative.number() + "#target-" + targetCode;
        }
        ReportForm form = confirmation != null ? ReportForm.blank(parsedDate.toString(), confirmation)
                : new ReportForm(value, asOf, note, errors, null, reason, doubt);
        if (fragment) {
            fragment(model, programme, initiative, target, form);
            return "programme/initiative :: reported";
        }
        page(model, programme, initiative, targetCode, form);
        return "programme/initiative";
    }

    /** What a typed figure will be stored as, shown under the field as the user types (htmx). */
    @GetMapping("/programmes/{code}/targets/{target}/measurements/preview")
    @PreAuthorize("hasAuthority('programme:measurement:create')")
    String preview(@PathVariable String code, @PathVariable("target") String targetCode,
            @RequestParam(defaultValue = "") String value, Model model) {
        Target target = targets.target(programmes.programme(code), targetCode);
        String text;
        boolean ok = false;
        if (value.isBlank()) {
            text = "";
        } else {
            FigureInput.Reading r = FigureInput.read(value, target.unit(), targets.displayScale(target));
            if (r.ok()) {
                ok = true;
                text = message("report.preview", fmt.figure(r.value().get(), target.unit()),
                        Figures.plain(r.value().get()) + target.unit().symbol(LocaleContextHolder.getLocale()));
            } else {
                text = message(r.errorKey(), value);
            }
        }
        model.addAttribute("previewText", text);
        model.addAttribute("previewOk", ok);
        return "programme/initiative :: preview";
    }

    /** Corrects a figure (its reporter within the window, the office at any time), with a reason. */
    @PostMapping("/programmes/{code}/targets/{target}/measurements/{id}/correction")
    @PreAuthorize("hasAuthority('programme:measurement:create')")
    String correct(@PathVariable String code, @PathVariable("target") String targetCode, @PathVariable long id,
            @RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        Target target = targets.target(programmes.programme(code), targetCode);
        return amend(code, target, redirect, () -> {
            var saved = targets.correct(code, targetCode, id, new NewMeasurement(null, null, null, null,
                    value, true, reason.isBlank() ? null : reason));
            return message("report.corrected", fmt.figure(saved.value(), target.unit()), saved.asOf().toString());
        });
    }

    /** Withdraws a figure, with a reason; same rules as a correction. */
    @PostMapping("/programmes/{code}/targets/{target}/measurements/{id}/withdrawal")
    @PreAuthorize("hasAuthority('programme:measurement:create')")
    String withdraw(@PathVariable String code, @PathVariable("target") String targetCode, @PathVariable long id,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        Target target = targets.target(programmes.programme(code), targetCode);
        return amend(code, target, redirect, () -> {
            var saved = targets.withdraw(code, targetCode, id, reason);
            return message("report.withdrawn", fmt.figure(saved.value(), target.unit()), saved.asOf().toString());
        });
    }

    private String amend(String code, Target target, RedirectAttributes redirect,
            java.util.function.Supplier<String> action) {
        String text;
        try {
            text = action.get();
        } catch (InvalidInputException e) {
            text = e.violations().stream().map(v -> message(v.messageKey(), v.args()))
                    .collect(java.util.stream.Collectors.joining(" "));
            redirect.addFlashAttribute("amendFailed", true);
        }
        redirect.addFlashAttribute("reported", Map.of(target.code(), text));
        return "redirect:/programmes/" + code + "/initiatives/" + programmes.initiative(target.initiativeId()).number()
                + "#target-" + target.code();
    }

    private void fragment(Model model, Programme programme, Initiative initiative, Target target, ReportForm form) {
        model.addAttribute("programme", programme);
        Lights lights = lighting.initiative(programme, initiative, fmt.today());
        model.addAttribute("t", views.view(target, initiative, form, lights.target(target.id())));
        model.addAttribute("isOffice", programmes.isOffice());
        model.addAttribute("initiative", initiative);
        model.addAttribute("light", lights.initiative(initiative.id()));
    }

    private void page(Model model, Programme programme, Initiative initiative, @Nullable String formTarget,
            @Nullable ReportForm form) {
        @SuppressWarnings("unchecked")
        Map<String, String> reported = (Map<String, String>) model.asMap().getOrDefault("reported", Map.of());
        Lights lights = lighting.initiative(programme, initiative, fmt.today());
        List<TargetView> targetViews = new ArrayList<>();
        for (Target t : targets.targets(initiative)) {
            ReportForm f = t.code().equals(formTarget) ? form
                    : reported.containsKey(t.code()) ? ReportForm.blank(fmt.today().toString(), reported.get(t.code())) : null;
            targetViews.add(views.view(t, initiative, f, lights.target(t.id())));
        }
        var overview = overviews.overview(programme, i -> i.id().equals(initiative.id()));
        model.addAttribute("programme", programme);
        model.addAttribute("initiative", initiative);
        model.addAttribute("row", overview.rows().get(0));
        model.addAttribute("light", lights.initiative(initiative.id()));
        model.addAttribute("milestones", overview.milestones());
        model.addAttribute("today", fmt.today());
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

    /** Reads the figure as typed in the target's display unit (亿元, 公里): "5.8", "5.8亿", "5800万", "1,234.5". */
    private @Nullable BigDecimal parseValue(Target target, String text, Map<String, List<String>> errors) {
        FigureInput.Reading r = FigureInput.read(text, target.unit(), targets.displayScale(target));
        if (!r.ok()) {
            errors.put("value", List.of(message(r.errorKey(), text)));
            return null;
        }
        return r.value().get();
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
