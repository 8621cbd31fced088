package org.gongjian.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.gongjian.assessment.Grade;
import org.gongjian.assessment.Period;
import org.gongjian.assessment.PeriodKind;
import org.gongjian.assessment.ProgressReport;
import org.gongjian.assessment.ProgressReports;
import org.gongjian.assessment.Rating;
import org.gongjian.assessment.Rankings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Periodic progress reports and the office's quality ratings of them, as JSON. */
@RestController
@RequestMapping("/api/v1/programmes/{code}/progress-reports")
@Tag(name = "progress-reports", description = "进展报告：按时报送情况与改革办质量评价")
class ProgressReportApiController {

    private final ProgressReports reports;
    private final Rankings rankings;

    ProgressReportApiController(ProgressReports reports, Rankings rankings) {
        this.reports = reports;
        this.rankings = rankings;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    @Operation(summary = "The reports falling due in a month (default: the latest closed month), as they stand today")
    List<ProgressReport> due(@PathVariable String code, @RequestParam(required = false) @Nullable String period) {
        Period month = period == null || period.isBlank() ? rankings.latestPeriod(code, PeriodKind.MONTH) : Period.parse(period);
        return reports.due(code, month);
    }

    /** A quality rating: 优 / 良 / 中 / 差 with a comment. */
    record RatingForm(@NotNull Grade grade, @Nullable String comment) {
    }

    @PutMapping("/{unit}/{initiative}/{cycle}/rating")
    @PreAuthorize("hasAuthority('assessment:ranking:manage')")
    @Operation(summary = "The office rates a report that has come in; rating again replaces the earlier rating")
    Rating rate(@PathVariable String code, @PathVariable String unit, @PathVariable int initiative,
            @PathVariable String cycle, @Valid @RequestBody RatingForm form) {
        return reports.rate(code, unit, initiative, cycle, form.grade(), form.comment());
    }
}
