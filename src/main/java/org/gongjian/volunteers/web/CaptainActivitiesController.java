package org.gongjian.volunteers.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.volunteers.Activity;
import org.gongjian.volunteers.Activities;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A captain's activities: the list of their teams' activities, and the form to create or change one (title,
 * category, place, optional geofence, window, quota). Town staff and the office use the same pages for the teams
 * of their scope; the service enforces the scope, so a forged team or activity id is refused.
 */
@Controller
class CaptainActivitiesController {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String FORM = "volunteers/activity-form";

    private final Activities activities;
    private final MessageSource messages;

    CaptainActivitiesController(Activities activities, MessageSource messages) {
        this.activities = activities;
        this.messages = messages;
    }

    @GetMapping("/volunteers/captain/activities")
    @PreAuthorize("hasAuthority('volunteers:activity:manage')")
    String list(@PageableDefault(size = 20) Pageable pageable, Model model) {
        model.addAttribute("page", activities.manageableActivities(pageable));
        model.addAttribute("teams", activities.teamsForActivities());
        return "volunteers/activities";
    }

    @GetMapping("/volunteers/captain/activities/new")
    @PreAuthorize("hasAuthority('volunteers:activity:manage')")
    String newForm(Model model) {
        model.addAttribute("form", Map.of());
        return form(model, null);
    }

    @PostMapping("/volunteers/captain/activities/new")
    @PreAuthorize("hasAuthority('volunteers:activity:manage')")
    String create(@RequestParam Map<String, String> form, Model model) {
        model.addAttribute("form", form);
        try {
            Activity a = activities.createActivity(read(form, true));
            return "redirect:/volunteers/captain/activities?saved=" + a.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e.violations()));
            return form(model, null);
        }
    }

    @GetMapping("/volunteers/captain/activities/{id}/edit")
    @PreAuthorize("hasAuthority('volunteers:activity:manage')")
    String editForm(@PathVariable long id, Model model) {
        Activity a = activities.activity(id);
        if (activities.teamsForActivities().stream().noneMatch(t -> t.id() == a.teamId())) {
            throw new AccessDeniedException("error.access-denied");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("teamId", Long.toString(a.teamId()));
        form.put("title", a.title());
        form.put("category", a.category());
        form.put("place", a.place());
        form.put("latitude", a.latitude() == null ? "" : a.latitude().toPlainString());
        form.put("longitude", a.longitude() == null ? "" : a.longitude().toPlainString());
        form.put("radiusM", a.radiusM() == null ? "" : a.radiusM().toString());
        form.put("startsAt", LocalDateTime.ofInstant(a.startsAt(), CITY).toString());
        form.put("endsAt", LocalDateTime.ofInstant(a.endsAt(), CITY).toString());
        form.put("quota", Integer.toString(a.quota()));
        form.put("version", Integer.toString(a.version()));
        model.addAttribute("form", form);
        return form(model, a);
    }

    @PostMapping("/volunteers/captain/activities/{id}/edit")
    @PreAuthorize("hasAuthority('volunteers:activity:manage')")
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        Activity a = activities.activity(id);
        model.addAttribute("form", form);
        try {
            Integer version = form.get("version") == null || form.get("version").isBlank() ? null
                    : Integer.valueOf(form.get("version"));
            activities.updateActivity(id, read(form, false), version);
            return "redirect:/volunteers/captain/activities?saved=" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e.violations()));
        } catch (ConflictException | NumberFormatException e) {
            model.addAttribute("errors", Map.of("form", message("error.stale-version")));
        }
        return form(model, a);
    }

    private String form(Model model, @Nullable Activity activity) {
        model.addAttribute("activity", activity);
        model.addAttribute("teams", activities.teamsForActivities());
        return FORM;
    }

    /** The form's fields as a new activity; unreadable numbers and times are field errors of their own. */
    private Activities.NewActivity read(Map<String, String> f, boolean withTeam) {
        List<Violation> bad = new java.util.ArrayList<>();
        Long team = withTeam ? number(f, "teamId", bad, Long::valueOf) : null;
        BigDecimal lat = number(f, "latitude", bad, BigDecimal::new);
        BigDecimal lng = number(f, "longitude", bad, BigDecimal::new);
        Integer radius = number(f, "radiusM", bad, Integer::valueOf);
        Integer quota = number(f, "quota", bad, Integer::valueOf);
        Instant from = time(f, "startsAt", bad);
        Instant to = time(f, "endsAt", bad);
        if (!bad.isEmpty()) {
            throw new InvalidInputException(bad);
        }
        return new Activities.NewActivity(team, f.get("title"), f.get("category"), f.get("place"), lat, lng, radius,
                from, to, quota);
    }

    private static <T> @Nullable T number(Map<String, String> f, String field, List<Violation> bad,
            java.util.function.Function<String, T> parse) {
        String v = f.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return parse.apply(v.trim());
        } catch (NumberFormatException e) {
            bad.add(new Violation(field, "volunteers.error.number"));
            return null;
        }
    }

    private static @Nullable Instant time(Map<String, String> f, String field, List<Violation> bad) {
        String v = f.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(v.trim()).atZone(CITY).toInstant();
        } catch (DateTimeParseException e) {
            bad.add(new Violation(field, "volunteers.error.time"));
            return null;
        }
    }

    private Map<String, String> errors(List<Violation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.putIfAbsent(v.field(), message(v.messageKey(), v.args())));
        return errors;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
