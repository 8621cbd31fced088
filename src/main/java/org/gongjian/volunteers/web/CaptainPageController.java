package org.gongjian.volunteers.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongjian.volunteers.Activity;
import org.gongjian.volunteers.Activities;
import org.gongjian.volunteers.CheckIns;
import org.gongjian.volunteers.Team;
import org.gongjian.volunteers.Volunteer;
import org.gongjian.volunteers.Teams;
import org.gongjian.volunteers.Volunteers;
import org.springframework.data.domain.Pageable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The captain's phone page: today's activities of the teams they lead, the rotating QR code (a new signed
 * token every 20 s, each valid for 60 s, refreshed by htmx), and the roster with who is in.
 */
@Controller
class CaptainPageController {

    private final Volunteers volunteers;
    private final CheckIns checkIns;
    private final Teams teams;
    private final Activities activities;

    CaptainPageController(Volunteers volunteers, CheckIns checkIns, Teams teams, Activities activities) {
        this.volunteers = volunteers;
        this.checkIns = checkIns;
        this.teams = teams;
        this.activities = activities;
    }

    @GetMapping("/volunteers/captain")
    @PreAuthorize("hasAuthority('volunteers:team:lead')")
    String captain(Model model) {
        Optional<Volunteer> me = volunteers.me();
        List<Team> teams = me.map(v -> volunteers.ledTeams(v.id())).orElse(List.of());
        if (me.isEmpty() && volunteers.office()) {
            // the office has no team of its own: it sees the teams with an activity today
            teams = this.teams.teams(null, Pageable.unpaged()).getContent().stream()
                    .filter(t -> !activities.todayOf(t.id()).isEmpty()).toList();
        }
        List<Activity> today = new ArrayList<>();
        teams.forEach(t -> today.addAll(activities.todayOf(t.id())));
        model.addAttribute("teams", teams);
        model.addAttribute("today", today);
        return "volunteers/captain";
    }

    @GetMapping("/volunteers/captain/activities/{id}")
    @PreAuthorize("hasAuthority('volunteers:team:lead')")
    String activity(@PathVariable long id, Model model) {
        live(id, model);
        model.addAttribute("team", teams.team(activities.activity(id).teamId()));
        return "volunteers/captain-activity";
    }

    /** The part that refreshes: the QR code (a fresh token) and who is in. */
    @GetMapping("/volunteers/captain/activities/{id}/live")
    @PreAuthorize("hasAuthority('volunteers:team:lead')")
    String live(@PathVariable long id, Model model) {
        Activity a = activities.activity(id);
        String token = checkIns.token(id);
        var roster = checkIns.roster(id);
        model.addAttribute("activity", a);
        model.addAttribute("token", token);
        model.addAttribute("roster", roster);
        model.addAttribute("inCount", roster.stream().filter(r -> r.in() != null && r.out() == null).count());
        model.addAttribute("cameCount", roster.stream().filter(r -> r.in() != null).count());
        return "volunteers/captain-activity :: live";
    }

    /** The QR code of a token: the address of the volunteer's scan page for this activity. */
    @GetMapping("/volunteers/captain/activities/{id}/qr.png")
    @PreAuthorize("hasAuthority('volunteers:team:lead')")
    ResponseEntity<byte[]> qr(@PathVariable long id, @org.springframework.web.bind.annotation.RequestParam("t") String token,
            HttpServletRequest request) {
        checkIns.token(id); // the caller must lead the activity's team
        String url = UriComponentsBuilder.fromUriString(request.getRequestURL().toString()).replacePath(request.getContextPath()
                + "/volunteers/scan").replaceQuery(null).queryParam("a", id).queryParam("t", token).build().toUriString();
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrImages.png(url, 320));
    }
}
