package org.gongjian.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.projects.KeyProjects.Plan;
import org.gongjian.projects.ProjectMilestones.Milestone;
import org.gongjian.projects.ProjectMilestones.MilestoneKind;
import org.gongjian.reporting.KeyProjectFigures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's figures for the monthly key-project bulletin: the projects with a plan for the month's year,
 * their totals, what the counted months give up to the month, and the new starts — projects whose start is
 * planned in the year (新开工 when no start day is planned) — with those started by the month's end.
 */
@Component
class ProjectBulletinFigures implements KeyProjectFigures {

    private final KeyProjects projects;
    private final ProgressReports reports;
    private final ProjectMilestones steps;
    private final Organisation organisation;

    ProjectBulletinFigures(KeyProjects projects, ProgressReports reports, ProjectMilestones steps, Organisation organisation) {
        this.projects = projects;
        this.reports = reports;
        this.steps = steps;
        this.organisation = organisation;
    }

    @Override
    @Transactional(readOnly = true)
    public Summary summary(YearMonth month) {
        Map<Long, Plan> plans = projects.plans(month.getYear());
        Map<Long, Map<Integer, Map<Integer, BigDecimal>>> counted = reports.counted();
        Map<Long, List<Milestone>> milestones = steps.allMilestones();
        Map<String, Unit> units = new java.util.HashMap<>();
        organisation.all().forEach(u -> units.put(u.code(), u));
        LocalDate end = month.atEndOfMonth();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal completed = BigDecimal.ZERO;
        int plannedStarts = 0;
        int started = 0;
        List<Row> rows = new ArrayList<>();
        for (KeyProject p : projects.all()) {
            Plan plan = plans.get(p.id());
            if (plan == null) {
                continue;
            }
            Progress progress = reports.progress(p, month, counted.getOrDefault(p.id(), Map.of()), plan);
            total = total.add(p.totalInvestment());
            planned = planned.add(plan.planned());
            completed = completed.add(progress.yearToDate());
            Milestone start = milestones.getOrDefault(p.id(), List.of()).stream()
                    .filter(m -> m.kind() == MilestoneKind.STARTED).findFirst().orElse(null);
            boolean toStart = start != null && start.plannedOn() != null ? start.plannedOn().getYear() == month.getYear()
                    : p.nature() == KeyProject.Nature.NEW_START;
            if (toStart) {
                plannedStarts++;
                started += start != null && start.actualOn() != null && !start.actualOn().isAfter(end) ? 1 : 0;
            }
            ProgressReports.Report report = reports.report(p.id(), month);
            Unit town = units.get(p.townCode());
            rows.add(new Row(p.code(), p.name(), town == null ? p.townCode() : town.shortName(), p.totalInvestment(),
                    plan.planned(), progress.yearToDate(), progress.ytdPercent(),
                    progress.schedule() == null ? null : progress.schedule().name(),
                    report != null && report.status().counts() ? report.imageProgress() : null));
        }
        return new Summary(month, rows.size(), total, planned, completed, plannedStarts, started, rows);
    }
}
