package org.gongjian.programme.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.NewMeasurement;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.FigureInput;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.web.PageFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 本单位填报: every figure the user's unit owes across the programme's initiatives on one page, late ones first,
 * then those due this month, each asked in its display unit; sent with one submit and stored all or none, with
 * each row's problem beside it and one confirmation.
 */
@Controller
class FiguresPageController {

    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final Accounts accounts;
    private final Organisation organisation;
    private final PageFormat fmt;
    private final MessageSource messages;
    private final int staleAfterDays;

    FiguresPageController(ProgrammeManagement programmes, TargetManagement targets, Accounts accounts,
            Organisation organisation, PageFormat fmt, MessageSource messages,
            @Value("${gongjian.pages.stale-after-days:31}") int staleAfterDays) {
        this.programmes = programmes;
        this.targets = targets;
        this.accounts = accounts;
        this.organisation = organisation;
        this.fmt = fmt;
        this.messages = messages;
        this.staleAfterDays = staleAfterDays;
    }

    /** Whether a figure is late (none for longer than the stale period), due (none this month) or reported. */
    enum Due { LATE, DUE, REPORTED }

    /** One input row as typed. */
    public static class RowInput {
        private String target = "";
        private String value = "";
        private String asOf = "";
        private String note = "";
        private boolean confirm;
        private String reason = "";

        public String getTarget() { return target; }
        public void setTarget(String v) { target = v; }
        public String getValue() { return value; }
        public void setValue(String v) { value = v; }
        public String getAsOf() { return asOf; }
        public void setAsOf(String v) { asOf = v; }
        public String getNote() { return note; }
        public void setNote(String v) { note = v; }
        public boolean isConfirm() { return confirm; }
        public void setConfirm(boolean v) { confirm = v; }
        public String getReason() { return reason; }
        public void setReason(String v) { reason = v; }
    }

    /** The page's form: one row per owed target. */
    public static class FiguresForm {
        private List<RowInput> rows = new ArrayList<>();

        public List<RowInput> getRows() { return rows; }
        public void setRows(List<RowInput> v) { rows = v; }
    }

    /** A row as shown: the target, its initiative, its last figure, whether it is due, the input and its errors. */
    record Row(Target target, Initiative initiative, @Nullable String last, @Nullable LocalDate lastAsOf, Due due,
            String askUnit, RowInput input, List<String> errors, boolean asksConfirmation) {
    }

    @GetMapping("/programmes/{code}/figures")
    @PreAuthorize("hasAuthority('programme:measurement:create')")
    String figures(@PathVariable String code, Model model) {
        Programme programme = programmes.programme(code);
        return page(model, programme, null, Map.of(), Map.of());
    }

    @PostMapping("/programmes/{code}/figures")
    @PreAuthorize("hasAuthority('programme:measurement:create')")
    String report(@PathVariable String code, @ModelAttribute("form") FiguresForm form, Model model,
            RedirectAttributes redirect) {
        Programme programme = programmes.programme(code);
        Map<String, RowInput> typed = new LinkedHashMap<>();
        form.getRows().forEach(r -> typed.put(r.getTarget(), r));
        Map<String, List<String>> errors = new HashMap<>();
        Map<String, Boolean> doubted = new HashMap<>();
        List<TargetManagement.Entry> entries = new ArrayList<>();
        for (RowInput r : form.getRows()) {
            if (r.getValue().isBlank()) {
                continue;
            }
            Target target;
            try {
                target = targets.target(programme, r.getTarget());
            } catch (RuntimeException e) {
                continue;
            }
            FigureInput.Reading reading = FigureInput.read(r.getValue(), target.unit(), targets.displayScale(target));
            LocalDate asOf = null;
            try {
                asOf = LocalDate.parse(r.getAsOf().strip());
            } catch (DateTimeParseException e) {
                add(errors, r.getTarget(), message("error.measurement.date-format", r.getAsOf()));
            }
            if (!reading.ok()) {
                add(errors, r.getTarget(), message(reading.errorKey(), r.getValue()));
            }
            entries.add(new TargetManagement.Entry(r.getTarget(), new NewMeasurement(reading.value().orElse(null), asOf,
                    r.getNote().isBlank() ? null : r.getNote().strip(), null, null, r.isConfirm(),
                    r.getReason().isBlank() ? null : r.getReason().strip())));
        }
        if (entries.isEmpty() && errors.isEmpty()) {
            model.addAttribute("nothing", true);
            return page(model, programme, typed, errors, doubted);
        }
        if (errors.isEmpty()) {
            try {
                List<Measurement> saved = targets.reportAll(code, entries);
                redirect.addFlashAttribute("saved", message("figures.saved", saved.size()));
                return "redirect:/programmes/" + code + "/figures";
            } catch (InvalidInputException e) {
                for (var v : e.violations()) {
                    int i = Integer.parseInt(v.field().substring(5, v.field().indexOf(']')));
                    String target = entries.get(i).targetCode();
                    add(errors, target, message(v.messageKey(), v.args()));
                    if (v.messageKey().startsWith("error.measurement.implausible.")) {
                        doubted.put(target, true);
                    }
                }
            }
        }
        return page(model, programme, typed, errors, doubted);
    }

    private String page(Model model, Programme programme, @Nullable Map<String, RowInput> typed,
            Map<String, List<String>> errors, Map<String, Boolean> doubted) {
        LocalDate today = fmt.today().isAfter(programme.endDate()) ? programme.endDate() : fmt.today();
        List<Target> owed = targets.owed(programme);
        Map<Long, Measurement> latest = Overviews.latest(targets.measurements(owed), today);
        Map<Long, Initiative> initiatives = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Target t : owed) {
            Initiative initiative = initiatives.computeIfAbsent(t.initiativeId(), programmes::initiative);
            Measurement last = latest.get(t.id());
            LocalDate since = last != null ? last.asOf()
                    : t.baselineDate() != null ? t.baselineDate() : initiative.startDate();
            Due due = last != null && last.asOf().getYear() == today.getYear()
                    && last.asOf().getMonthValue() == today.getMonthValue() ? Due.REPORTED
                    : java.time.temporal.ChronoUnit.DAYS.between(since, today) > staleAfterDays ? Due.LATE : Due.DUE;
            RowInput input = typed != null && typed.containsKey(t.code()) ? typed.get(t.code()) : new RowInput();
            input.setTarget(t.code());
            if (input.getAsOf().isBlank()) {
                input.setAsOf(today.toString());
            }
            rows.add(new Row(t, initiative, last == null ? null : fmt.figure(last.value(), t.unit()),
                    last == null ? null : last.asOf(), due,
                    targets.displayScale(t).label(t.unit(), LocaleContextHolder.getLocale()), input,
                    errors.getOrDefault(t.code(), List.of()), doubted.getOrDefault(t.code(), false)));
        }
        rows.sort(Comparator.comparing(Row::due));
        FiguresForm form = new FiguresForm();
        rows.forEach(r -> form.getRows().add(r.input()));
        Actor actor = accounts.current();
        model.addAttribute("programme", programme);
        model.addAttribute("unit", actor.unitId() == null ? null : organisation.unit(actor.unitId()));
        model.addAttribute("rows", rows);
        model.addAttribute("form", form);
        model.addAttribute("hasErrors", !errors.isEmpty());
        model.addAttribute("late", rows.stream().filter(r -> r.due() == Due.LATE).count());
        model.addAttribute("due", rows.stream().filter(r -> r.due() == Due.DUE).count());
        model.addAttribute("today", today);
        return "programme/figures";
    }

    private static void add(Map<String, List<String>> errors, String target, String message) {
        errors.computeIfAbsent(target, k -> new ArrayList<>()).add(message);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

}
