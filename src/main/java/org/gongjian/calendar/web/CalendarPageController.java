package org.gongjian.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.calendar.WorkCalendar.CalendarDay;
import org.gongjian.calendar.WorkCalendar.CalendarYear;
import org.gongjian.calendar.WorkCalendar.DayKind;
import org.gongjian.calendar.Workdays;
import org.gongjian.shared.Evidence;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The working-day calendar's page: the years entered with their working days, and a form where the office
 * enters next year's State Council holiday notice — with a preview of the year before saving — without a deploy.
 */
@Controller
class CalendarPageController {

    private final WorkCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;

    CalendarPageController(WorkCalendar calendar, MessageSource messages, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    /** A year as listed. */
    record Row(int year, String sourceDocument, Evidence evidence, long holidays, long makeupDays, int workingDays) {
    }

    /** What the preview shows: the year's working days, and its exceptional days by month. */
    record Preview(int year, int workingDays, int weekdayHolidays, int makeupDays, List<CalendarDay> days) {
    }

    @GetMapping("/calendar")
    @PreAuthorize("hasAuthority('calendar:calendar:read')")
    String years(Model model) {
        Workdays workdays = calendar.workdays();
        List<Row> rows = calendar.years().stream().map(y -> new Row(y.year(), y.sourceDocument(), y.evidence(),
                y.days().stream().filter(d -> d.kind() == DayKind.HOLIDAY).count(),
                y.days().stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY).count(), workdays.workingDaysIn(y.year())))
                .toList();
        model.addAttribute("rows", rows);
        int next = rows.isEmpty() ? LocalDate.now(clock).getYear() : rows.get(rows.size() - 1).year() + 1;
        model.addAttribute("nextYear", next);
        return "calendar/years";
    }

    @GetMapping("/calendar/edit")
    @PreAuthorize("hasAuthority('calendar:calendar:manage')")
    String edit(@RequestParam(required = false) @Nullable Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() + 1 : year;
        Optional<CalendarYear> stored = calendar.years().stream().filter(c -> c.year() == y).findFirst();
        NoticeForm form = stored.map(c -> NoticeForm.of(c.year(), c.sourceDocument(), c.evidence(), c.days()))
                .orElseGet(() -> {
                    NoticeForm f = new NoticeForm();
                    f.year = y;
                    return f;
                });
        model.addAttribute("form", form);
        model.addAttribute("replacing", stored.isPresent());
        model.addAttribute("evidences", Evidence.values());
        return "calendar/edit";
    }

    /** The preview of what the form would enter (htmx), or its errors. */
    @PostMapping("/calendar/preview")
    @PreAuthorize("hasAuthority('calendar:calendar:manage')")
    String preview(@ModelAttribute("form") NoticeForm form, Model model, Locale locale) {
        NoticeForm.Parsed parsed = form.parse();
        model.addAttribute("errors", messages(parsed.errors(), locale));
        if (parsed.errors().isEmpty()) {
            model.addAttribute("preview", preview(form.year, parsed.days()));
        }
        return "calendar/edit :: preview";
    }

    @PostMapping("/calendar")
    @PreAuthorize("hasAuthority('calendar:calendar:manage')")
    String save(@ModelAttribute("form") NoticeForm form, Model model, Locale locale, RedirectAttributes flash) {
        NoticeForm.Parsed parsed = form.parse();
        List<Violation> errors = parsed.errors();
        if (errors.isEmpty()) {
            try {
                calendar.enterYear(new CalendarYear(form.year, form.sourceDocument.trim(), form.evidence, parsed.days()));
                flash.addFlashAttribute("saved", form.year);
                return "redirect:/calendar";
            } catch (InvalidInputException e) {
                errors = e.violations();
            }
        }
        model.addAttribute("errors", messages(errors, locale));
        model.addAttribute("replacing", form.year != null && calendar.years().stream().anyMatch(c -> c.year() == form.year));
        model.addAttribute("evidences", Evidence.values());
        if (parsed.errors().isEmpty() && form.year != null) {
            model.addAttribute("preview", preview(form.year, parsed.days()));
        }
        return "calendar/edit";
    }

    private static Preview preview(int year, List<CalendarDay> days) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeup = new HashSet<>();
        days.forEach(d -> (d.kind() == DayKind.HOLIDAY ? holidays : makeup).add(d.date()));
        Workdays workdays = new Workdays(holidays, makeup, Set.of(year));
        int weekdayHolidays = (int) holidays.stream()
                .filter(d -> d.getDayOfWeek().getValue() <= 5).count();
        return new Preview(year, workdays.workingDaysIn(year), weekdayHolidays, makeup.size(),
                days.stream().sorted(java.util.Comparator.comparing(CalendarDay::date)).toList());
    }

    private List<String> messages(List<Violation> violations, Locale locale) {
        return violations.stream().map(v -> messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)).toList();
    }
}
