package org.gongjian.programme.web;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeSnapshot.MeasurementRow;
import org.gongjian.programme.ProgrammeSnapshots;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A target's chart data for pages that draw it on request ({@code data-chart-url}), such as the warning
 * board's target page: the same chart as on the initiative page, as it stood on any date. The API chain
 * is for scripts with tokens; pages use their session, so this lives with the pages.
 */
@Controller
class TargetChartController {

    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final ProgrammeSnapshots snapshots;
    private final TargetViews views;
    private final Lighting lighting;
    private final Overviews overviews;

    TargetChartController(ProgrammeManagement programmes, TargetManagement targets, ProgrammeSnapshots snapshots,
            TargetViews views, Lighting lighting, Overviews overviews) {
        this.programmes = programmes;
        this.targets = targets;
        this.snapshots = snapshots;
        this.views = views;
        this.lighting = lighting;
        this.overviews = overviews;
    }

    @GetMapping(path = "/programmes/{code}/targets/{target}/chart.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('programme:programme:read')")
    @ResponseBody
    PageCharts.TargetChart chart(@PathVariable String code, @PathVariable("target") String targetCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        Programme programme = programmes.programme(code);
        Target target = targets.target(programme, targetCode);
        Initiative initiative = programmes.initiative(target.initiativeId());
        LocalDate date = asOf == null ? overviews.today() : asOf;
        Set<Long> valid = snapshots.snapshot(code, date, initiative.id()).measurements().stream()
                .filter(m -> m.targetId() == target.id()).map(MeasurementRow::id).collect(Collectors.toSet());
        return views.chart(target, initiative, valid, lighting.initiative(programme, initiative, date).target(target.id()));
    }
}
