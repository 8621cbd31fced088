package org.gongjian.roads.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongjian.roads.ChiefLevel;
import org.gongjian.roads.DemoRoads;
import org.gongjian.roads.IssueStatus;
import org.gongjian.roads.Patrols;
import org.gongjian.roads.PhotoUpload;
import org.gongjian.roads.RoadAccess;
import org.gongjian.roads.RoadChiefs;
import org.gongjian.roads.RoadConditions;
import org.gongjian.roads.RoadIndicators;
import org.gongjian.roads.RoadIssues;
import org.gongjian.roads.RoadLevel;
import org.gongjian.roads.RoadPolicies;
import org.gongjian.roads.RoadRegister;
import org.gongjian.roads.Severity;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.Pages;
import org.gongjian.shared.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The rural roads ledger as JSON: register, chiefs and coverage, defects, patrols, condition, demonstration roads, figures. */
@RestController
@RequestMapping("/api/v1/roads")
@Tag(name = "roads", description = "农村公路台账（四好农村路、路长制）")
class RoadsApiController {

    private final RoadRegister register;
    private final RoadChiefs chiefs;
    private final RoadIssues issues;
    private final Patrols patrols;
    private final RoadConditions conditions;
    private final DemoRoads demoRoads;
    private final RoadIndicators indicators;
    private final RoadPolicies policies;
    private final RoadAccess access;

    RoadsApiController(RoadRegister register, RoadChiefs chiefs, RoadIssues issues, Patrols patrols,
            RoadConditions conditions, DemoRoads demoRoads, RoadIndicators indicators, RoadPolicies policies,
            RoadAccess access) {
        this.register = register;
        this.chiefs = chiefs;
        this.issues = issues;
        this.patrols = patrols;
        this.conditions = conditions;
        this.demoRoads = demoRoads;
        this.indicators = indicators;
        this.policies = policies;
        this.access = access;
    }

    record RouteView(RoadRegister.Route route, List<RoadRegister.Segment> segments) {
    }

    @Operation(summary = "Routes by code, with their length (sum of segments)")
    @GetMapping("/routes")
    @PreAuthorize("hasAuthority('roads:register:read')")
    Page<RoadRegister.Route> routes(@RequestParam(required = false) @Nullable RoadLevel level,
            @PageableDefault(size = 20) Pageable pageable) {
        return register.routes(level, pageable);
    }

    @PostMapping("/routes")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    ResponseEntity<RoadRegister.Route> createRoute(@RequestBody RoadRegister.NewRoute body) {
        RoadRegister.Route route = register.createRoute(body, false);
        return ResponseEntity.created(URI.create("/api/v1/roads/routes/" + route.code())).body(route);
    }

    @GetMapping("/routes/{routeCode}")
    @PreAuthorize("hasAuthority('roads:register:read')")
    RouteView route(@PathVariable String routeCode) {
        RoadRegister.Route route = register.route(routeCode);
        return new RouteView(route, register.segments(route.id()));
    }

    @Operation(summary = "Adds a segment; stakes overlapping another segment of the route are refused")
    @PostMapping("/routes/{routeCode}/segments")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    ResponseEntity<RoadRegister.Segment> addSegment(@PathVariable String routeCode, @RequestBody RoadRegister.NewSegment body) {
        RoadRegister.Segment s = register.addSegment(routeCode, body, false);
        return ResponseEntity.created(URI.create("/api/v1/roads/segments/" + s.id()))
                .eTag(Versions.etag(s.version())).body(s);
    }

    @GetMapping("/segments/{id}")
    @PreAuthorize("hasAuthority('roads:register:read')")
    ResponseEntity<RoadRegister.Segment> segment(@PathVariable long id) {
        RoadRegister.Segment s = register.segment(id);
        return ResponseEntity.ok().eTag(Versions.etag(s.version())).body(s);
    }

    @Operation(summary = "Changes a segment; send the ETag back in If-Match")
    @PutMapping("/segments/{id}")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    ResponseEntity<RoadRegister.Segment> updateSegment(@PathVariable long id, @RequestBody RoadRegister.NewSegment body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Integer version = Versions.fromIfMatch(ifMatch);
        RoadRegister.Segment s = register.updateSegment(id, body, version != null ? version : register.segment(id).version());
        return ResponseEntity.ok().eTag(Versions.etag(s.version())).body(s);
    }

    @GetMapping("/chiefs")
    @PreAuthorize("hasAuthority('roads:register:read')")
    List<RoadChiefs.Chief> chiefs() {
        return chiefs.chiefs();
    }

    @PostMapping("/chiefs")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    RoadChiefs.Chief appoint(@RequestBody RoadChiefs.NewChief body) {
        return chiefs.appoint(body, false);
    }

    record NewAssignment(@Nullable Long segmentId, @Nullable BigDecimal fromKm, @Nullable BigDecimal toKm,
            @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
    }

    @PostMapping("/chiefs/{id}/assignments")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    RoadChiefs.Assignment assign(@PathVariable long id, @RequestBody NewAssignment body) {
        if (body.segmentId() == null) {
            throw new InvalidInputException("segmentId", "roads.error.required");
        }
        return chiefs.assign(id, body.segmentId(), body.fromKm(), body.toKm(), body.validFrom(), body.validTo());
    }

    record GapView(long segmentId, String route, String stakes, ChiefLevel needed, BigDecimal fromKm, BigDecimal toKm) {
    }

    record CoverageView(LocalDate on, BigDecimal totalKm, BigDecimal coveredKm, BigDecimal percent, List<GapView> gaps) {
    }

    @Operation(summary = "Chief coverage on a day (today by default) with the gaps")
    @GetMapping("/coverage")
    @PreAuthorize("hasAuthority('roads:register:read')")
    CoverageView coverage(@RequestParam(required = false) @Nullable LocalDate on) {
        RoadChiefs.Coverage c = chiefs.coverage(on == null ? LocalDate.now() : on);
        return new CoverageView(c.on(), c.totalKm(), c.coveredKm(), c.percent(), c.gaps().stream()
                .map(g -> new GapView(g.segment().id(), g.segment().routeCode(), g.segment().stakes(), g.needed(),
                        g.fromKm(), g.toKm())).toList());
    }

    @GetMapping("/issues")
    @PreAuthorize("hasAuthority('roads:register:read')")
    Page<RoadIssues.Issue> issues(@RequestParam(required = false) @Nullable IssueStatus status,
            @PageableDefault(size = 50) Pageable pageable) {
        return Pages.of(issues.issues(status), pageable);
    }

    @GetMapping("/issues/{id}")
    @PreAuthorize("hasAuthority('roads:register:read')")
    RoadIssues.Issue issue(@PathVariable long id) {
        return issues.issue(id);
    }

    /** A step of the defect loop; {@code segmentId}, {@code stakeKm} and {@code severity} only on acceptance. */
    record Step(@Nullable String note, @Nullable Long segmentId, @Nullable BigDecimal stakeKm, @Nullable Severity severity,
            @Nullable String unitCode, @Nullable Long duplicateOf) {
    }

    @Operation(summary = "Moves a defect on: accept, reject, duplicate, assign, start, verify, rework, close")
    @PostMapping("/issues/{id}/{action}")
    @PreAuthorize("hasAuthority('roads:issue:handle')")
    RoadIssues.Issue step(@PathVariable long id, @PathVariable String action, @RequestBody Step body) {
        return switch (action) {
            case "accept" -> issues.accept(id, body.segmentId(), body.stakeKm(), body.severity(), null, body.note());
            case "reject" -> issues.reject(id, body.note());
            case "duplicate" -> issues.duplicate(id, body.duplicateOf() == null ? -1 : body.duplicateOf(), body.note());
            case "assign" -> issues.assign(id, body.unitCode() == null ? "" : body.unitCode(), body.note());
            case "start" -> issues.start(id, body.note());
            case "verify" -> issues.verify(id, body.note());
            case "rework" -> issues.rework(id, body.note());
            case "close" -> issues.close(id, body.note());
            default -> throw new InvalidInputException("action", "roads.error.action", action);
        };
    }

    @Operation(summary = "Reports a defect rectified, with after-photos (required)")
    @PostMapping(path = "/issues/{id}/rectify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('roads:issue:handle')")
    RoadIssues.Issue rectify(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
            @RequestPart(name = "photos", required = false) @Nullable List<MultipartFile> photos) {
        return issues.rectify(id, note, uploads(photos));
    }

    @GetMapping("/my/segments")
    @PreAuthorize("hasAuthority('roads:field:work')")
    List<RoadRegister.Segment> mySegments() {
        return register.visibleSegments().stream().filter(s -> access.field(access.actor())).toList();
    }

    @GetMapping("/my/issues")
    @PreAuthorize("hasAuthority('roads:field:work')")
    List<RoadIssues.Issue> myIssues() {
        return access.field(access.actor()) ? issues.issues(null) : List.of();
    }

    @Operation(summary = "Starts a patrol (or answers the open one) for the calling chief or road staff")
    @PostMapping("/patrols")
    @PreAuthorize("hasAuthority('roads:field:work')")
    Patrols.Patrol startPatrol() {
        return patrols.start();
    }

    @PostMapping("/patrols/{id}/points")
    @PreAuthorize("hasAuthority('roads:field:work')")
    Patrols.Patrol track(@PathVariable long id, @RequestBody List<Patrols.Point> points) {
        return patrols.track(id, points == null ? List.of() : points);
    }

    @PostMapping("/patrols/{id}/end")
    @PreAuthorize("hasAuthority('roads:field:work')")
    Patrols.Patrol endPatrol(@PathVariable long id) {
        return patrols.end(id, null);
    }

    @Operation(summary = "Adds photos (JPEG or PNG, checked by content) to one's own patrol; all or none")
    @PostMapping(path = "/patrols/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('roads:field:work')")
    @ResponseStatus(HttpStatus.CREATED)
    List<Patrols.PatrolPhoto> addPatrolPhotos(@PathVariable long id,
            @RequestPart(name = "photos", required = false) @Nullable List<MultipartFile> photos) {
        return patrols.addPhotos(id, uploads(photos));
    }

    @Operation(summary = "The photos of one's own patrol, with size and SHA-256")
    @GetMapping("/patrols/{id}/photos")
    @PreAuthorize("hasAuthority('roads:field:work')")
    List<Patrols.PatrolPhoto> patrolPhotos(@PathVariable long id) {
        return patrols.photos(id);
    }

    @Operation(summary = "A photo of a defect or a patrol (the image itself)")
    @GetMapping("/photos/{id}")
    @PreAuthorize("hasAuthority('roads:register:read')")
    org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> photo(@PathVariable long id) {
        return RoadsSupport.photo(issues, id);
    }

    @GetMapping("/conditions/{year}")
    @PreAuthorize("hasAuthority('roads:register:read')")
    List<RoadConditions.Assessment> conditions(@PathVariable int year) {
        return conditions.assessments(year);
    }

    @Operation(summary = "Records condition results (all or none); PQI, MQI and grade are computed")
    @PostMapping("/conditions")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    List<RoadConditions.Assessment> recordConditions(@RequestBody List<RoadConditions.NewAssessment> rows) {
        return conditions.record(rows == null ? List.of() : rows, false);
    }

    @GetMapping("/demo-roads")
    @PreAuthorize("hasAuthority('roads:register:read')")
    List<DemoRoads.DemoRoad> demoRoads() {
        return demoRoads.roads();
    }

    @Operation(summary = "The ledger's figures today, per town and city-wide (unit \"\")")
    @GetMapping("/indicators")
    @PreAuthorize("hasAuthority('roads:register:read')")
    List<RoadIndicators.Figure> figures() {
        return indicators.figures(LocalDate.now());
    }

    @GetMapping("/policies")
    @PreAuthorize("hasAuthority('roads:register:read')")
    List<RoadPolicies.Parameter> policies() {
        return policies.all();
    }

    static List<PhotoUpload> uploads(@Nullable List<MultipartFile> files) {
        List<PhotoUpload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new PhotoUpload(f.getOriginalFilename() == null ? "photo" : f.getOriginalFilename(),
                            f.getSize(), f::getInputStream));
                }
            }
        }
        return uploads;
    }
}
