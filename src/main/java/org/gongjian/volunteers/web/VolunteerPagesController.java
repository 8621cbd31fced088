package org.gongjian.volunteers.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LocalizedException;
import org.gongjian.volunteers.Activity;
import org.gongjian.volunteers.CheckIn;
import org.gongjian.volunteers.Activities;
import org.gongjian.volunteers.CheckIns;
import org.gongjian.volunteers.HoursLedger;
import org.gongjian.volunteers.Stars;
import org.gongjian.volunteers.Volunteer;
import org.gongjian.volunteers.Teams;
import org.gongjian.volunteers.Volunteers;
import org.gongjian.volunteers.SignUps;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The volunteer's phone pages: the public sign-up, my page (activities, hours and star, certificates), the
 * page a scanned QR code opens (check in, or out when already in), and the public certificate verification.
 */
@Controller
class VolunteerPagesController {

    private final Volunteers volunteers;
    private final Teams teams;
    private final Activities activities;
    private final CheckIns checkIns;
    private final HoursLedger hoursLedger;
    private final Stars stars;
    private final SignUps signUps;
    private final Certificates certificates;
    private final MessageSource messages;
    private final int signUpsPerHour;
    /** Sign-ups per client address in the last hour (one instance; a restart forgets, which errs on the open side). */
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    VolunteerPagesController(Volunteers volunteers, Teams teams, Activities activities, CheckIns checkIns,
            HoursLedger hoursLedger, Stars stars, SignUps signUps, Certificates certificates, MessageSource messages,
            @Value("${gongjian.volunteers.sign-ups-per-hour:10}") int signUpsPerHour) {
        this.volunteers = volunteers;
        this.teams = teams;
        this.activities = activities;
        this.checkIns = checkIns;
        this.hoursLedger = hoursLedger;
        this.stars = stars;
        this.signUps = signUps;
        this.certificates = certificates;
        this.messages = messages;
        this.signUpsPerHour = signUpsPerHour;
    }

    @GetMapping("/volunteers/join")
    @PreAuthorize("permitAll()")
    String joinForm(Model model) {
        model.addAttribute("towns", volunteers.towns());
        model.addAttribute("form", Map.of());
        return "volunteers/join";
    }

    @PostMapping("/volunteers/join")
    @PreAuthorize("permitAll()")
    String join(@RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
        model.addAttribute("towns", volunteers.towns());
        model.addAttribute("form", form);
        if (!allow(request.getRemoteAddr())) {
            model.addAttribute("errors", Map.of("form", message("volunteers.join.throttled")));
            return "volunteers/join";
        }
        try {
            signUps.signUp(new Volunteers.Registration(form.get("name"), form.get("idNumber"), form.get("phone"),
                    form.get("town"), form.get("community"), form.get("skills")), form.getOrDefault("password", ""));
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), message(v.messageKey(), v.args())));
            model.addAttribute("errors", errors);
            return "volunteers/join";
        }
        return "redirect:/login?joined";
    }

    private boolean allow(String address) {
        Instant now = Instant.now();
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minusSeconds(3600))) {
                times.pollFirst();
            }
            if (times.size() >= signUpsPerHour) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    @GetMapping("/volunteers/me")
    @PreAuthorize("hasAuthority('volunteers:self:use')")
    String me(Model model) {
        Optional<Volunteer> me = volunteers.me();
        model.addAttribute("me", me.orElse(null));
        if (me.isPresent()) {
            long id = me.get().id();
            model.addAttribute("teams", teams.teamsOf(id));
            model.addAttribute("activities", activities.upcomingFor(id));
            model.addAttribute("standing", stars.standing(id));
            model.addAttribute("entries", hoursLedger.currentEntries(id).stream().limit(20).toList());
            model.addAttribute("certificates", stars.certificates(id));
            model.addAttribute("led", volunteers.ledTeams(id));
            model.addAttribute("activityTitles", titles(hoursLedger.currentEntries(id).stream().limit(20)
                    .map(e -> e.activityId()).distinct().toList()));
        }
        return "volunteers/me";
    }

    private Map<Long, String> titles(List<Long> ids) {
        Map<Long, String> m = new LinkedHashMap<>();
        ids.forEach(i -> m.put(i, activities.activity(i).title()));
        return m;
    }

    /** The page a scanned code opens: the activity, and a button to check in (or out when already in). */
    @GetMapping("/volunteers/scan")
    @PreAuthorize("hasAuthority('volunteers:check-in:create')")
    String scan(@RequestParam("a") long activityId, @RequestParam(value = "t", required = false) @Nullable String token,
            Model model) {
        Activity activity = activities.activity(activityId);
        model.addAttribute("activity", activity);
        model.addAttribute("team", teams.team(activity.teamId()));
        model.addAttribute("token", token);
        model.addAttribute("key", UUID.randomUUID().toString());
        Optional<Volunteer> me = volunteers.me();
        model.addAttribute("me", me.orElse(null));
        model.addAttribute("open", me.flatMap(v -> checkIns.open(activityId, v.id())).orElse(null));
        return "volunteers/scan";
    }

    @PostMapping("/volunteers/scan")
    @PreAuthorize("hasAuthority('volunteers:check-in:create')")
    String scanned(@RequestParam("a") long activityId, @RequestParam(value = "t", required = false) @Nullable String token,
            @RequestParam(value = "lat", required = false) java.math.@Nullable BigDecimal lat,
            @RequestParam(value = "lng", required = false) java.math.@Nullable BigDecimal lng,
            @RequestParam(value = "key", required = false) @Nullable String key,
            @RequestParam(value = "checkIn", required = false) @Nullable Long openId, RedirectAttributes flash) {
        CheckIns.Request request = new CheckIns.Request(null, token, lat, lng, null, key);
        try {
            if (openId != null) {
                checkIns.checkOut(openId, request);
                flash.addFlashAttribute("notice", message("volunteers.scan.out-done"));
            } else {
                CheckIns.Outcome o = checkIns.checkIn(activityId, request);
                flash.addFlashAttribute("notice", message(o.created() ? "volunteers.scan.in-done" : "volunteers.scan.in-again"));
            }
        } catch (InvalidInputException e) {
            var v = e.violations().get(0);
            flash.addFlashAttribute("problem", message(v.messageKey(), v.args()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", message(e.messageKey(), e.args()));
        }
        return "redirect:/volunteers/me";
    }

    @PostMapping("/volunteers/me/certificates")
    @PreAuthorize("hasAuthority('volunteers:check-in:create')")
    String issue(RedirectAttributes flash) {
        Volunteer me = volunteers.me().orElseThrow(() -> new InvalidInputException("volunteerId",
                "volunteers.error.volunteer-missing"));
        Stars.Certificate c = stars.issue(me.id());
        return "redirect:/volunteers/certificates/" + c.id() + ".pdf";
    }

    @PostMapping("/volunteers/me/stars")
    @PreAuthorize("hasAuthority('volunteers:check-in:create')")
    String applyStar(RedirectAttributes flash) {
        Volunteer me = volunteers.me().orElseThrow(() -> new InvalidInputException("volunteerId",
                "volunteers.error.volunteer-missing"));
        try {
            Stars.Star s = stars.apply(me.id());
            flash.addFlashAttribute("notice", message("volunteers.me.star-applied", s.level(), s.publicityEnd()));
        } catch (LocalizedException e) {
            flash.addFlashAttribute("problem", message(e.messageKey(), e.args()));
        }
        return "redirect:/volunteers/me";
    }

    @GetMapping("/volunteers/certificates/{id}.pdf")
    @PreAuthorize("hasAuthority('volunteers:volunteer:read')")
    ResponseEntity<byte[]> pdf(@PathVariable long id, HttpServletRequest request) {
        Stars.Certificate c = stars.certificateInScope(id);
        Volunteer v = volunteers.volunteer(c.volunteerId());
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
        byte[] pdf = certificates.pdf(c, v, base + "/volunteers/verify/" + c.verifyCode());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + c.serialNo() + ".pdf\"").body(pdf);
    }

    /** Public: anyone holding the certificate's code sees its masked name, hours and date, nothing else. */
    @GetMapping("/volunteers/verify/{code}")
    @PreAuthorize("permitAll()")
    String verify(@PathVariable String code, Model model) {
        model.addAttribute("verification", stars.verify(code).orElse(null));
        return "volunteers/verify";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

}
