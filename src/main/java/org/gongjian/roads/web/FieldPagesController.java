package org.gongjian.roads.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.gongjian.organisation.Actor;
import org.gongjian.roads.IssueStatus;
import org.gongjian.roads.Patrols;
import org.gongjian.roads.RoadAccess;
import org.gongjian.roads.RoadIssues;
import org.gongjian.roads.RoadRegister;
import org.gongjian.roads.Severity;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The road chief's phone pages: my roads, patrols due and my defects; the patrol page, whose script
 * sends the browser's GPS positions in the background; a defect found on the way with photos.
 */
@Controller
class FieldPagesController {

    private final RoadRegister register;
    private final RoadIssues issues;
    private final Patrols patrols;
    private final RoadAccess access;
    private final MessageSource messages;

    FieldPagesController(RoadRegister register, RoadIssues issues, Patrols patrols, RoadAccess access,
            MessageSource messages) {
        this.register = register;
        this.issues = issues;
        this.patrols = patrols;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/roads/my")
    @PreAuthorize("hasAuthority('roads:field:work')")
    String my(Model model) {
        Actor actor = access.actor();
        boolean field = access.field(actor);
        Long chief = access.chiefId(actor.username());
        LocalDate today = LocalDate.now();
        model.addAttribute("segments", field ? register.visibleSegments() : List.of());
        model.addAttribute("issues", field ? issues.issues(null).stream().filter(i -> !i.status().finished()).toList() : List.of());
        model.addAttribute("due", chief == null ? List.of()
                : patrols.compliance(today).stream().filter(c -> c.chief().id() == chief).toList());
        model.addAttribute("open", patrols.open(actor.username()));
        model.addAttribute("recent", patrols.of(actor.username(), 5));
        model.addAttribute("fieldUser", chief != null || access.staffId(actor.username()) != null);
        model.addAttribute("today", today);
        return "roads/my";
    }

    @PostMapping("/roads/my/patrol")
    @PreAuthorize("hasAuthority('roads:field:work')")
    String start(RedirectAttributes flash, Locale locale) {
        try {
            patrols.start();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", RoadsSupport.texts(messages, e, locale));
            return "redirect:/roads/my";
        }
        return "redirect:/roads/my/patrol";
    }

    @GetMapping("/roads/my/patrol")
    @PreAuthorize("hasAuthority('roads:field:work')")
    String patrol(Model model) {
        Patrols.Patrol open = patrols.open(access.actor().username());
        if (open == null) {
            return "redirect:/roads/my";
        }
        model.addAttribute("patrol", open);
        model.addAttribute("segments", register.visibleSegments());
        model.addAttribute("categories", RoadIssues.Category.values());
        model.addAttribute("severities", Severity.values());
        return "roads/patrol";
    }

    /** Positions from the page's script: [{at, lat, lng, accuracyM}, …]; answers the running length. */
    @PostMapping("/roads/my/patrol/{id}/points")
    @PreAuthorize("hasAuthority('roads:field:work')")
    @ResponseBody
    Patrols.Patrol track(@PathVariable long id, @RequestBody List<Patrols.Point> points) {
        return patrols.track(id, points == null ? List.of() : points);
    }

    @PostMapping("/roads/my/patrol/{id}/issues")
    @PreAuthorize("hasAuthority('roads:field:work')")
    String report(@PathVariable long id, @RequestParam(required = false) RoadIssues.@Nullable Category category,
            @RequestParam(required = false) @Nullable Severity severity, @RequestParam(required = false) @Nullable Long segmentId,
            @RequestParam(required = false) @Nullable BigDecimal stakeKm, @RequestParam(required = false) @Nullable BigDecimal lat,
            @RequestParam(required = false) @Nullable BigDecimal lng, @RequestParam(required = false) @Nullable String description,
            @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
            RedirectAttributes flash, Locale locale) {
        try {
            issues.report(new RoadIssues.NewIssue(RoadIssues.Source.PATROL, category, severity, segmentId, stakeKm, lat, lng,
                    description, id), RoadsApiController.uploads(photos), false);
            flash.addFlashAttribute("saved", messages.getMessage("roads.patrol.issue-saved", null, locale));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", RoadsSupport.texts(messages, e, locale));
        }
        return "redirect:/roads/my/patrol";
    }

    @PostMapping("/roads/my/patrol/{id}/end")
    @PreAuthorize("hasAuthority('roads:field:work')")
    String end(@PathVariable long id, @RequestParam(required = false) @Nullable String note, RedirectAttributes flash,
            Locale locale) {
        Patrols.Patrol p = patrols.end(id, note);
        flash.addFlashAttribute("saved", messages.getMessage("roads.patrol.ended",
                new Object[] {p.distanceM().divide(BigDecimal.valueOf(1000), 2, java.math.RoundingMode.HALF_UP)}, locale));
        return "redirect:/roads/my";
    }

    /** The phone page to add photos to one's patrol (while it runs or after), with the photos taken so far. */
    @GetMapping("/roads/my/patrols/{id}/photos")
    @PreAuthorize("hasAuthority('roads:field:work')")
    String patrolPhotos(@PathVariable long id, Model model) {
        Patrols.Patrol patrol = patrols.visible(id);
        model.addAttribute("patrol", patrol);
        model.addAttribute("photos", patrols.photos(id));
        model.addAttribute("maxPhotos", patrols.maxPhotos());
        return "roads/patrol-photos";
    }

    @PostMapping("/roads/my/patrols/{id}/photos")
    @PreAuthorize("hasAuthority('roads:field:work')")
    String uploadPatrolPhotos(@PathVariable long id,
            @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
            RedirectAttributes flash, Locale locale) {
        try {
            int n = patrols.addPhotos(id, RoadsApiController.uploads(photos)).size();
            flash.addFlashAttribute("saved", messages.getMessage("roads.patrol.photos-saved", new Object[] {n}, locale));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", RoadsSupport.texts(messages, e, locale));
        }
        return "redirect:/roads/my/patrols/" + id + "/photos";
    }

    @GetMapping("/roads/my/issues/{id}")
    @PreAuthorize("hasAuthority('roads:field:work')")
    String issue(@PathVariable long id, Model model) {
        RoadIssues.Issue issue = issues.issue(id);
        model.addAttribute("issue", issue);
        model.addAttribute("segment", issue.segmentId() == null ? null : register.segment(issue.segmentId()));
        model.addAttribute("events", issues.events(id));
        model.addAttribute("before", issues.photoRefs(id, false));
        model.addAttribute("after", issues.photoRefs(id, true));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("closed", issue.status() == IssueStatus.CLOSED);
        return "roads/my-issue";
    }

    @GetMapping("/roads/my/photos/{id}")
    @PreAuthorize("hasAuthority('roads:field:work')")
    ResponseEntity<Resource> photo(@PathVariable long id) {
        return RoadsSupport.photo(issues, id);
    }
}
