package org.gongjian.volunteers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongjian.volunteers.Activity;
import org.gongjian.volunteers.CheckIn;
import org.gongjian.volunteers.Activities;
import org.gongjian.volunteers.Backfills;
import org.gongjian.volunteers.CheckIns;
import org.gongjian.volunteers.HoursLedger;
import org.gongjian.volunteers.HoursEntry;
import org.gongjian.volunteers.Policy;
import org.gongjian.volunteers.Stars;
import org.gongjian.volunteers.Team;
import org.gongjian.volunteers.TeamRole;
import org.gongjian.volunteers.Volunteer;
import org.gongjian.volunteers.VolunteerFeed;
import org.gongjian.volunteers.Teams;
import org.gongjian.volunteers.Volunteers;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The volunteers ledger as JSON: volunteers, teams, activities, check-ins, hours, stars and certificates. */
@RestController
@RequestMapping("/api/v1/volunteers")
@Tag(name = "volunteers", description = "志愿服务台账（百队千长万人行）")
class VolunteersApiController {

    private final Volunteers volunteers;
    private final Teams teams;
    private final Activities activities;
    private final CheckIns checkIns;
    private final HoursLedger hoursLedger;
    private final Backfills backfills;
    private final Stars stars;
    private final VolunteerFeed feed;

    VolunteersApiController(Volunteers volunteers, Teams teams, Activities activities, CheckIns checkIns,
            HoursLedger hoursLedger, Backfills backfills, Stars stars, VolunteerFeed feed) {
        this.volunteers = volunteers;
        this.teams = teams;
        this.activities = activities;
        this.checkIns = checkIns;
        this.hoursLedger = hoursLedger;
        this.backfills = backfills;
        this.stars = stars;
        this.feed = feed;
    }

    // ---- volunteers

    @Operation(summary = "Register a volunteer (real name; the ID number is checked, encrypted and answered masked)")
    @PostMapping
    @PreAuthorize("hasAuthority('volunteers:ledger:manage')")
    ResponseEntity<Volunteer> register(@RequestBody Volunteers.Registration body) {
        Volunteer v = volunteers.register(body);
        return ResponseEntity.created(URI.create("/api/v1/volunteers/" + v.id())).eTag(Integer.toString(v.version())).body(v);
    }

    @Operation(summary = "Volunteers in the caller's scope (volunteers: themselves; captains: their teams)")
    @GetMapping
    @PreAuthorize("hasAuthority('volunteers:volunteer:read')")
    Page<Volunteer> list(@RequestParam(required = false) @Nullable String town, @RequestParam(required = false) @Nullable Long team,
            @PageableDefault(size = 50) Pageable pageable) {
        return volunteers.list(town, team, pageable);
    }

    @Operation(summary = "A volunteer, the ID number masked")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('volunteers:volunteer:read')")
    ResponseEntity<Volunteer> volunteer(@PathVariable long id) {
        Volunteer v = volunteers.volunteer(id);
        return ResponseEntity.ok().eTag(Integer.toString(v.version())).body(v);
    }

    record Unmask(@Nullable String purpose) {
    }

    record Unmasked(long id, String idNumber) {
    }

    @Operation(summary = "The full ID number, for a stated purpose (the office only; audited)")
    @PostMapping("/{id}/unmask")
    @PreAuthorize("hasAuthority('volunteers:id:unmask')")
    Unmasked unmask(@PathVariable long id, @RequestBody Unmask body) {
        return new Unmasked(id, volunteers.unmask(id, body.purpose()));
    }

    record Hours(long volunteerId, BigDecimal hours, Stars.Standing standing, List<HoursEntry> current) {
    }

    @Operation(summary = "A volunteer's effective hours, star standing and current ledger entries")
    @GetMapping("/{id}/hours")
    @PreAuthorize("hasAuthority('volunteers:volunteer:read')")
    Hours hours(@PathVariable long id) {
        Stars.Standing s = stars.standing(id);
        return new Hours(id, s.hours(), s, hoursLedger.currentEntries(id));
    }

    @Operation(summary = "A volunteer's whole hours ledger, superseded entries included")
    @GetMapping("/{id}/ledger")
    @PreAuthorize("hasAuthority('volunteers:volunteer:read')")
    List<HoursEntry> ledger(@PathVariable long id) {
        return hoursLedger.ledger(id);
    }

    @Operation(summary = "Apply for the next star (publicised for the policy's working days)")
    @PostMapping("/{id}/stars")
    @PreAuthorize("hasAuthority('volunteers:check-in:create')")
    ResponseEntity<Stars.Star> applyStar(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(stars.apply(id));
    }

    record Decision(@Nullable Boolean approve, @Nullable String note) {
        boolean yes() {
            if (approve == null) {
                throw new InvalidInputException("approve", "volunteers.error.decision");
            }
            return approve;
        }
    }

    @Operation(summary = "Certify or refuse a star after its publicity")
    @PostMapping("/stars/{id}/decision")
    @PreAuthorize("hasAuthority('volunteers:ledger:manage')")
    Stars.Star decideStar(@PathVariable long id, @RequestBody Decision body) {
        return stars.decide(id, body.yes());
    }

    @Operation(summary = "Issue a service-record certificate (志愿服务记录证明) of today's hours")
    @PostMapping("/{id}/certificates")
    @PreAuthorize("hasAuthority('volunteers:check-in:create')")
    ResponseEntity<Stars.Certificate> certificate(@PathVariable long id) {
        Stars.Certificate c = stars.issue(id);
        return ResponseEntity.created(URI.create("/api/v1/volunteers/certificates/" + c.id() + "/pdf")).body(c);
    }

    // ---- teams

    @GetMapping("/teams")
    @PreAuthorize("hasAuthority('volunteers:volunteer:read')")
    Page<Team> teams(@RequestParam(required = false) @Nullable String town, @PageableDefault(size = 50) Pageable pageable) {
        return teams.teams(town, pageable);
    }

    @Operation(summary = "Apply for a team (approved by the supervising unit of its town)")
    @PostMapping("/teams")
    @PreAuthorize("hasAuthority('volunteers:ledger:manage')")
    ResponseEntity<Team> createTeam(@RequestBody Teams.NewTeam body) {
        Team t = teams.createTeam(body);
        return ResponseEntity.created(URI.create("/api/v1/volunteers/teams/" + t.id())).eTag(Integer.toString(t.version())).body(t);
    }

    record TeamView(Team team, List<Teams.Leader> leaders) {
    }

    @GetMapping("/teams/{id}")
    @PreAuthorize("hasAuthority('volunteers:volunteer:read')")
    ResponseEntity<TeamView> team(@PathVariable long id) {
        Team t = teams.team(id);
        return ResponseEntity.ok().eTag(Integer.toString(t.version())).body(new TeamView(t, teams.leaders(id)));
    }

    @Operation(summary = "Approve or refuse a team (If-Match: its version)")
    @PostMapping("/teams/{id}/decision")
    @PreAuthorize("hasAuthority('volunteers:ledger:manage')")
    Team decideTeam(@PathVariable long id, @RequestBody Decision body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return teams.decideTeam(id, body.yes(), version(ifMatch));
    }

    record Appointment(@Nullable Long volunteerId, @Nullable TeamRole role, @Nullable LocalDate termFrom,
            @Nullable LocalDate termTo) {
    }

    @Operation(summary = "Appoint a captain or vice-captain for a term")
    @PostMapping("/teams/{id}/leaders")
    @PreAuthorize("hasAuthority('volunteers:ledger:manage')")
    ResponseEntity<Teams.Leader> appoint(@PathVariable long id, @RequestBody Appointment body) {
        if (body.volunteerId() == null || body.role() == null || body.termFrom() == null) {
            throw new InvalidInputException(body.volunteerId() == null ? "volunteerId" : body.role() == null ? "role" : "termFrom",
                    "volunteers.error.required");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(teams.appoint(id, body.volunteerId(), body.role(), body.termFrom(), body.termTo()));
    }

    record Member(@Nullable Long volunteerId) {
    }

    @Operation(summary = "Add a member to a team (a volunteer may belong to several)")
    @PostMapping("/teams/{id}/members")
    @PreAuthorize("hasAuthority('volunteers:ledger:manage')")
    ResponseEntity<Void> addMember(@PathVariable long id, @RequestBody Member body) {
        if (body.volunteerId() == null) {
            throw new InvalidInputException("volunteerId", "volunteers.error.required");
        }
        teams.addMember(id, body.volunteerId());
        return ResponseEntity.noContent().build();
    }

    // ---- activities

    @GetMapping("/activities")
    @PreAuthorize("hasAuthority('volunteers:volunteer:read')")
    Page<Activity> activities(@RequestParam(required = false) @Nullable Long team, @PageableDefault(size = 50) Pageable pageable) {
        return activities.activities(team, pageable);
    }

    @Operation(summary = "Create an activity of an approved team (≤ 1 year, optional geofence): the team's captains, "
            + "its town's staff, the office")
    @PostMapping("/activities")
    @PreAuthorize("hasAuthority('volunteers:activity:manage')")
    ResponseEntity<Activity> createActivity(@RequestBody Activities.NewActivity body) {
        Activity a = activities.createActivity(body);
        return ResponseEntity.created(URI.create("/api/v1/volunteers/activities/" + a.id()))
                .eTag(Versions.etag(a.version())).body(a);
    }

    @Operation(summary = "The activities the caller manages: of the teams they lead (captains), of their town (staff), all (office)")
    @GetMapping("/activities/mine")
    @PreAuthorize("hasAuthority('volunteers:activity:manage')")
    Page<Activity> myActivities(@PageableDefault(size = 50) Pageable pageable) {
        return activities.manageableActivities(pageable);
    }

    @GetMapping("/activities/{id}")
    @PreAuthorize("hasAuthority('volunteers:volunteer:read')")
    ResponseEntity<Activity> activity(@PathVariable long id) {
        Activity a = activities.activity(id);
        return ResponseEntity.ok().eTag(Versions.etag(a.version())).body(a);
    }

    @Operation(summary = "Change an activity (send If-Match with the ETag you read); the quota cannot fall below the "
            + "places taken")
    @PutMapping("/activities/{id}")
    @PreAuthorize("hasAuthority('volunteers:activity:manage')")
    ResponseEntity<Activity> updateActivity(@PathVariable long id, @RequestBody Activities.NewActivity body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Activity a = activities.updateActivity(id, body, Versions.requireIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(a.version())).body(a);
    }

    record Token(long activityId, String token, int validSeconds) {
    }

    @Operation(summary = "A fresh QR token for the activity (its captains; valid for the policy's seconds)")
    @GetMapping("/activities/{id}/qr-token")
    @PreAuthorize("hasAuthority('volunteers:team:lead')")
    Token token(@PathVariable long id) {
        return new Token(id, checkIns.token(id), volunteers.policy(LocalDate.now()).qrValiditySeconds());
    }

    @Operation(summary = "Who is in: the team's roster with today's sign-ins (captains of the team, officials)")
    @GetMapping("/activities/{id}/roster")
    @PreAuthorize("hasAuthority('volunteers:volunteer:read')")
    List<CheckIns.RosterLine> roster(@PathVariable long id) {
        return checkIns.roster(id);
    }

    @Operation(summary = "Check in with the QR token, a GPS position or (captains) a reason; a retry answers the same check-in")
    @PostMapping("/activities/{id}/check-ins")
    @PreAuthorize("hasAuthority('volunteers:check-in:create')")
    ResponseEntity<CheckIn> checkIn(@PathVariable long id, @RequestBody CheckIns.Request body) {
        CheckIns.Outcome o = checkIns.checkIn(id, body);
        return ResponseEntity.status(o.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/volunteers/check-ins/" + o.checkIn().id())).body(o.checkIn());
    }

    @Operation(summary = "Check out of an open check-in (fresh QR token, GPS, or a captain's reason)")
    @PostMapping("/check-ins/{id}/check-out")
    @PreAuthorize("hasAuthority('volunteers:check-in:create')")
    CheckIn checkOut(@PathVariable long id, @RequestBody CheckIns.Request body) {
        return checkIns.checkOut(id, body);
    }

    // ---- hours

    @Operation(summary = "Approve or refuse a pending day (town: up to 12 h; city office above)")
    @PostMapping("/hours/{id}/decision")
    @PreAuthorize("hasAuthority('volunteers:hours:approve')")
    HoursEntry decideHours(@PathVariable long id, @RequestBody Decision body) {
        return hoursLedger.decide(id, body.yes(), body.note());
    }

    record Correction(@Nullable Integer minutes, @Nullable String note) {
    }

    @Operation(summary = "Correct a day's minutes: a new entry supersedes the current one")
    @PostMapping("/hours/{id}/corrections")
    @PreAuthorize("hasAuthority('volunteers:hours:approve')")
    ResponseEntity<HoursEntry> correct(@PathVariable long id, @RequestBody Correction body) {
        if (body.minutes() == null) {
            throw new InvalidInputException("minutes", "volunteers.error.required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(hoursLedger.correct(id, body.minutes(), body.note()));
    }

    record BackfillRequest(@Nullable Long volunteerId, @Nullable Long activityId, @Nullable LocalDate serviceDate,
            @Nullable Integer minutes, @Nullable String reason, @Nullable String evidence) {
    }

    @Operation(summary = "Ask for back-filled hours (补录) with evidence")
    @PostMapping("/backfills")
    @PreAuthorize("hasAuthority('volunteers:check-in:create')")
    ResponseEntity<Backfills.Backfill> backfill(@RequestBody BackfillRequest b) {
        if (b.volunteerId() == null || b.activityId() == null || b.serviceDate() == null || b.minutes() == null) {
            throw new InvalidInputException(b.volunteerId() == null ? "volunteerId" : b.activityId() == null ? "activityId"
                    : b.serviceDate() == null ? "serviceDate" : "minutes", "volunteers.error.required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(backfills.requestBackfill(b.volunteerId(), b.activityId(),
                b.serviceDate(), b.minutes(), b.reason(), b.evidence()));
    }

    @Operation(summary = "Review a back-fill")
    @PostMapping("/backfills/{id}/review")
    @PreAuthorize("hasAuthority('volunteers:hours:approve')")
    Backfills.Backfill review(@PathVariable long id, @RequestBody Decision body) {
        return backfills.reviewBackfill(id, body.yes());
    }

    // ---- policy and campaign

    @GetMapping("/policy")
    @PreAuthorize("hasAuthority('volunteers:volunteer:read')")
    List<Policy> policy() {
        return volunteers.policies();
    }

    record Campaign(LocalDate asOf, Map<String, Map<String, BigDecimal>> figures) {
    }

    @Operation(summary = "The campaign's figures per town ('' city-wide) as the feed computes them")
    @GetMapping("/campaign")
    @PreAuthorize("hasAuthority('volunteers:volunteer:read')")
    Campaign campaign(@RequestParam(required = false) @Nullable LocalDate asOf) {
        LocalDate on = asOf == null ? LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) : asOf;
        return new Campaign(on, feed.figures(on, volunteers.policy(on).activeDays()));
    }

    private static @Nullable Integer version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "volunteers.error.if-match");
        }
    }

}
