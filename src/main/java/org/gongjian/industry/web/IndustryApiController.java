package org.gongjian.industry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.enterprise.EnterpriseFigures;
import org.gongjian.industry.Bracket;
import org.gongjian.industry.BracketCount;
import org.gongjian.industry.BracketData;
import org.gongjian.industry.Cluster;
import org.gongjian.industry.ClusterTotals;
import org.gongjian.industry.ElementData;
import org.gongjian.industry.IndustryCatalogue;
import org.gongjian.industry.IndustryFigures;
import org.gongjian.industry.LayoutElement;
import org.gongjian.industry.Plan;
import org.gongjian.industry.PlanData;
import org.gongjian.industry.PlanTarget;
import org.gongjian.industry.PlanTargetData;
import org.gongjian.industry.PlanViews;
import org.gongjian.industry.Plans;
import org.gongjian.industry.Sector;
import org.gongjian.shared.Pages;
import org.gongjian.shared.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
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

/** The industry ledger as JSON: sectors, brackets and their counts, clusters and their totals, plans and layouts. */
@RestController
@RequestMapping("/api/v1/industry")
@Tag(name = "industry", description = "产业台账：产值档次、产业集群、产业规划及其年度路径与布局")
class IndustryApiController {

    /** When the layout element was completed, or null to clear it. */
    record BuiltBody(@Nullable LocalDate builtOn) {
    }

    private final IndustryCatalogue catalogue;
    private final IndustryFigures industry;
    private final EnterpriseFigures figures;
    private final Plans plans;
    private final PlanViews views;

    IndustryApiController(IndustryCatalogue catalogue, IndustryFigures industry, EnterpriseFigures figures, Plans plans,
            PlanViews views) {
        this.catalogue = catalogue;
        this.industry = industry;
        this.figures = figures;
        this.plans = plans;
        this.views = views;
    }

    @GetMapping("/sectors")
    @PreAuthorize("hasAuthority('industry:plan:read')")
    @Operation(summary = "Sectors (食品, 水暖卫浴, 低空经济) and the GB/T 4754 classes each covers")
    List<Sector> sectors() {
        return catalogue.sectors();
    }

    @GetMapping("/brackets")
    @PreAuthorize("hasAuthority('industry:plan:read')")
    @Operation(summary = "Output brackets, every version with its source document and validity")
    List<Bracket> brackets() {
        return catalogue.allBrackets();
    }

    @PostMapping("/brackets")
    @PreAuthorize("hasAuthority('industry:plan:manage')")
    @Operation(summary = "Enter a bracket, or a new version of one valid from a later day")
    ResponseEntity<Bracket> saveBracket(@RequestBody BracketData body) {
        Bracket b = catalogue.saveBracket(body);
        return ResponseEntity.created(URI.create("/api/v1/industry/brackets")).body(b);
    }

    @GetMapping("/sectors/{sector}/brackets")
    @PreAuthorize("hasAuthority('industry:plan:read')")
    @Operation(summary = "A sector's firms per bracket in a year (a firm at exactly the lower bound counts)")
    List<BracketCount> bracketCounts(@PathVariable String sector, @RequestParam(required = false) @Nullable Integer year) {
        return industry.bracketCounts(sector, year == null ? latestYear() : year);
    }

    @GetMapping("/clusters")
    @PreAuthorize("hasAuthority('industry:plan:read')")
    @Operation(summary = "Industry clusters")
    List<Cluster> clusters() {
        return catalogue.clusters();
    }

    @GetMapping("/clusters/{cluster}/totals")
    @PreAuthorize("hasAuthority('industry:plan:read')")
    @Operation(summary = "A cluster's totals in a year, computed from its members' figures (exports in US dollars)")
    ClusterTotals clusterTotals(@PathVariable String cluster, @RequestParam(required = false) @Nullable Integer year) {
        return industry.clusterTotals(cluster, year == null ? latestYear() : year);
    }

    @GetMapping("/figures")
    @PreAuthorize("hasAuthority('industry:plan:read')")
    @Operation(summary = "Every figure the ledger feeds to targets for a year, city-wide and per town")
    List<IndustryFigures.Figure> yearFigures(@RequestParam(required = false) @Nullable Integer year) {
        return industry.figures(year == null ? latestYear() : year);
    }

    @GetMapping("/plans")
    @PreAuthorize("hasAuthority('industry:plan:read')")
    @Operation(summary = "Industry plans, latest issued first (paginated)")
    Page<Plan> plans(@PageableDefault(size = 20) Pageable pageable) {
        return Pages.of(plans.all(), pageable);
    }

    @PostMapping("/plans")
    @PreAuthorize("hasAuthority('industry:plan:manage')")
    @Operation(summary = "Enter an industry plan")
    ResponseEntity<Plan> createPlan(@RequestBody PlanData body) {
        Plan p = plans.create(body, false);
        return ResponseEntity.created(URI.create("/api/v1/industry/plans/" + p.code())).eTag(Versions.etag(p.version())).body(p);
    }

    @GetMapping("/plans/{plan}")
    @PreAuthorize("hasAuthority('industry:plan:read')")
    @Operation(summary = "A plan with each target's yearly path beside the ledger's figures, and its layout")
    PlanViews.PlanView plan(@PathVariable String plan) {
        return views.view(plan);
    }

    @PostMapping("/plans/{plan}/targets")
    @PreAuthorize("hasAuthority('industry:plan:manage')")
    @Operation(summary = "Add a target to a plan: by compound growth (COMPOUND) or by stated points per year (POINTS)")
    ResponseEntity<PlanTarget> addTarget(@PathVariable String plan, @RequestBody PlanTargetData body) {
        return ResponseEntity.created(URI.create("/api/v1/industry/plans/" + plan)).body(plans.addTarget(plan, body));
    }

    @PostMapping("/plans/{plan}/elements")
    @PreAuthorize("hasAuthority('industry:plan:manage')")
    @Operation(summary = "Add an element to a plan's layout (GeoJSON geometry optional; firms by credit code)")
    ResponseEntity<LayoutElement> addElement(@PathVariable String plan, @RequestBody ElementData body) {
        LayoutElement e = plans.addElement(plan, body);
        return ResponseEntity.created(URI.create("/api/v1/industry/elements/" + e.code())).eTag(Versions.etag(e.version()))
                .body(e);
    }

    @GetMapping("/elements/{element}")
    @PreAuthorize("hasAuthority('industry:plan:read')")
    @Operation(summary = "A layout element; its key projects are at /projects?element=<code>")
    ResponseEntity<LayoutElement> element(@PathVariable String element) {
        LayoutElement e = plans.element(element);
        return ResponseEntity.ok().eTag(Versions.etag(e.version())).body(e);
    }

    @PutMapping("/elements/{element}/built")
    @PreAuthorize("hasAuthority('industry:plan:manage')")
    @Operation(summary = "Record when a layout element was completed (建成), or clear it (send If-Match)")
    ResponseEntity<LayoutElement> built(@PathVariable String element, @RequestBody BuiltBody body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        LayoutElement e = plans.built(element, body.builtOn(), Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(e.version())).body(e);
    }

    private int latestYear() {
        return figures.years().stream().findFirst().orElse(figures.asOf(EnterpriseFigures.LAST_YEAR).getYear());
    }
}
