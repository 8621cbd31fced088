package org.gongjian.projects.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.projects.KeyProject;
import org.gongjian.projects.KeyProjects;
import org.gongjian.projects.ProgressReports;
import org.gongjian.projects.Progress;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The list's rows for pages and API alike: each project with its progress at a month's end and its report's state. */
@Component
class ProjectRows {

    /** One line of the list; {@code reportStatus} is null when the month has no report yet. */
    record Row(long id, String code, String name, String town, KeyProject.Category category, KeyProject.Nature nature,
            BigDecimal totalInvestment, @Nullable BigDecimal planned, BigDecimal yearToDate, @Nullable BigDecimal ytdPercent,
            BigDecimal sinceStartPercent, BigDecimal timePercent, @Nullable BigDecimal gapPoints,
            Progress.@Nullable Schedule schedule, @Nullable String leader, @Nullable String layoutElement,
            ProgressReports.@Nullable Status reportStatus, boolean reportOverdue, boolean demo) {
    }

    private final KeyProjects projects;
    private final ProgressReports reports;
    private final Organisation organisation;
    private final Clock clock;

    ProjectRows(KeyProjects projects, ProgressReports reports, Organisation organisation, Clock clock) {
        this.projects = projects;
        this.reports = reports;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** The last full month: the one reported now. */
    YearMonth lastMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    @Transactional(readOnly = true)
    Page<Row> page(KeyProjects.Filter filter, YearMonth month, Pageable pageable) {
        Page<KeyProject> page = projects.search(filter, pageable);
        Map<Long, KeyProjects.Plan> plans = projects.plans(month.getYear());
        Map<Long, Map<Integer, Map<Integer, BigDecimal>>> counted = reports.counted();
        Map<String, Unit> units = new java.util.HashMap<>();
        organisation.all().forEach(u -> units.put(u.code(), u));
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = page.getContent().stream().map(p -> {
            Progress g = reports.progress(p, month, counted.getOrDefault(p.id(), Map.of()), plans.get(p.id()));
            ProgressReports.Report r = reports.report(p.id(), month);
            boolean due = month.getYear() >= p.startYear() && month.getYear() <= p.endYear();
            boolean overdue = r != null ? r.overdue(today) : due && today.isAfter(reports.dueOn(month));
            Unit town = units.get(p.townCode());
            return new Row(p.id(), p.code(), p.name(), town == null ? p.townCode() : town.shortName(), p.category(), p.nature(),
                    p.totalInvestment(), g.planned(), g.yearToDate(), g.ytdPercent(), g.sinceStartPercent(), g.timePercent(),
                    g.gapPoints(), g.schedule(), p.leader(), p.layoutElement(), r == null ? null : r.status(), overdue, p.demo());
        }).toList();
        return new PageImpl<>(rows, pageable, page.getTotalElements());
    }

    /** A month as 2024-09, or the default when none is given. */
    static YearMonth month(@Nullable String text, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            YearMonth m = YearMonth.parse(text.trim());
            if (m.getYear() >= 2000 && m.getYear() <= 2100) {
                return m;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new InvalidInputException("month", "projects.error.month", text);
    }
}
