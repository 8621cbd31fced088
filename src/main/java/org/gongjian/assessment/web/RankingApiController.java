package org.gongjian.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.gongjian.assessment.LeagueTable;
import org.gongjian.assessment.PeerGroup;
import org.gongjian.assessment.Period;
import org.gongjian.assessment.PeriodKind;
import org.gongjian.assessment.RankHistory;
import org.gongjian.assessment.Rankings;
import org.gongjian.assessment.Scorecard;
import org.gongjian.assessment.ScoringScheme;
import org.gongjian.assessment.ScoringSchemes;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** League tables, scorecards, rank history and scoring schemes as JSON. */
@RestController
@RequestMapping("/api/v1/programmes/{code}")
@Tag(name = "rankings", description = "考核排名：龙虎榜、得分明细、排名走势、评分办法")
class RankingApiController {

    private final Rankings rankings;
    private final ScoringSchemes schemes;

    RankingApiController(Rankings rankings, ScoringSchemes schemes) {
        this.rankings = rankings;
        this.schemes = schemes;
    }

    @GetMapping("/rankings")
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    @Operation(summary = "A peer group's league table for a period (2024-05, 2024-Q4, 2024); default: the latest closed month, towns")
    LeagueTable league(@PathVariable String code, @RequestParam(required = false) @Nullable String period,
            @RequestParam(defaultValue = "towns") String group) {
        return rankings.league(code, period(code, period), PeerGroup.parse(group));
    }

    @GetMapping("/rankings/history")
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    @Operation(summary = "Rank and total of some units over the periods of a kind, up to a period")
    RankHistory history(@PathVariable String code, @RequestParam(required = false) @Nullable String period,
            @RequestParam(defaultValue = "towns") String group, @RequestParam List<String> units) {
        return rankings.history(code, PeerGroup.parse(group), period(code, period), units);
    }

    @GetMapping("/units/{unit}/score")
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    @Operation(summary = "A unit's score for a period, explained item by item, with its appeals and revisions")
    Scorecard score(@PathVariable String code, @PathVariable String unit,
            @RequestParam(required = false) @Nullable String period) {
        return rankings.scorecard(code, unit, period(code, period));
    }

    /** Why the office recomputes a period. */
    record Reason(@Nullable String reason) {
    }

    @PostMapping("/rankings/{period}/recompute")
    @PreAuthorize("hasAuthority('assessment:ranking:manage')")
    @Operation(summary = "The office recomputes a closed period from the data as a new version, with a reason")
    LeagueTable recompute(@PathVariable String code, @PathVariable String period,
            @RequestParam(defaultValue = "towns") String group, @RequestBody Reason reason) {
        Period p = Period.parse(period);
        rankings.recompute(code, p, reason.reason() == null ? "" : reason.reason());
        return rankings.league(code, p, PeerGroup.parse(group));
    }

    @GetMapping("/scoring-schemes")
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    @Operation(summary = "The scoring scheme versions that apply to the programme, newest first")
    List<ScoringScheme> schemes(@PathVariable String code) {
        return schemes.history(code);
    }

    @PostMapping("/scoring-schemes")
    @PreAuthorize("hasAuthority('assessment:ranking:manage')")
    @Operation(summary = "The office adds a scheme version from a date, with its source document")
    ResponseEntity<ScoringScheme> define(@PathVariable String code, @Valid @RequestBody ScoringSchemes.NewScheme scheme) {
        ScoringScheme saved = schemes.define(code, scheme);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + code + "/scoring-schemes")).body(saved);
    }

    private Period period(String code, @Nullable String period) {
        return period == null || period.isBlank() ? rankings.latestPeriod(code, PeriodKind.MONTH) : Period.parse(period);
    }
}
