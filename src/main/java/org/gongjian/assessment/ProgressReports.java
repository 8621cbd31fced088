package org.gongjian.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongjian.assessment.ProgressReport.ReportState;
import org.gongjian.assessment.internal.FactCollector;
import org.gongjian.assessment.internal.RatingStore;
import org.gongjian.assessment.scoring.ReportBook.Report;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.DemoData;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Periodic progress reports and the office's quality rating of them (报送质量评价). A rating counts in the
 * quality component of the period in which it is given; rating a report again replaces the earlier rating
 * from then on.
 */
@Service
@Transactional(readOnly = true)
public class ProgressReports {

    public static final int MAX_COMMENT = 2000;

    private final FactCollector collector;
    private final RatingStore ratings;
    private final ProgrammeManagement programmes;
    private final Organisation organisation;
    private final DemoData demo;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    ProgressReports(FactCollector collector, RatingStore ratings, ProgrammeManagement programmes,
            Organisation organisation, DemoData demo, Accounts accounts, AuditLog audit, Clock clock) {
        this.collector = collector;
        this.ratings = ratings;
        this.programmes = programmes;
        this.organisation = organisation;
        this.demo = demo;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The reports falling due within a month (the previous month's, for a monthly cycle), as they stand today. */
    public List<ProgressReport> due(String programmeCode, Period month) {
        programmes.programme(programmeCode);
        if (month.kind() != PeriodKind.MONTH) {
            throw new InvalidInputException("period", "error.assessment.reports-by-month", month.code());
        }
        LocalDate today = LocalDate.now(clock);
        List<Report> reports = collector.reports(programmeCode, month.start(), month.end(), today);
        Map<Long, UnitRef> units = collector.rankedUnits();
        Map<String, Rating> rated = new HashMap<>();
        ratings.current(programmeCode, reports.stream().map(Report::cycle).distinct().toList())
                .forEach(r -> rated.put(r.unitId() + "/" + r.initiativeId() + "/" + r.cycle(), r));
        Set<Long> demoTargets = demo.targetsWithDemoMeasurements(programmeCode, today);
        return reports.stream()
                .map(r -> new ProgressReport(units.get(r.unitId()), r.initiativeId(), r.initiativeNumber(),
                        r.initiativeTitle(), r.cycle(), r.windowStart(), r.due(), ReportState.valueOf(r.state().name()),
                        r.submitted(), r.measurements(), rated.get(r.unitId() + "/" + r.initiativeId() + "/" + r.cycle()),
                        r.targetIds().stream().anyMatch(demoTargets::contains)))
                .sorted(Comparator.comparing((ProgressReport p) -> p.unit().group())
                        .thenComparing(p -> p.unit().code()).thenComparingInt(ProgressReport::initiativeNumber))
                .toList();
    }

    /**
     * The office rates a report that has come in. The report is named by unit, initiative number and cycle;
     * the month it fell due in is looked up from the cycle.
     */
    @Transactional
    public Rating rate(String programmeCode, String unitCode, int initiativeNumber, String cycle, Grade grade,
            @Nullable String comment) {
        if (!accounts.current().can(Permissions.ASSESSMENT_MANAGE)) {
            audit.denied("report-rating", programmeCode + "/" + unitCode + "/" + initiativeNumber + "/" + cycle,
                    "programme office only");
            throw new AccessDeniedException("error.access-denied");
        }
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        if (text != null && text.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "error.assessment.comment-length", MAX_COMMENT);
        }
        Unit unit = organisation.unit(unitCode);
        LocalDate today = LocalDate.now(clock);
        ProgressReport report = findReport(programmeCode, unit, initiativeNumber, cycle, today);
        if (!report.state().submitted()) {
            throw new InvalidInputException("cycle", "error.assessment.report-not-in", cycle);
        }
        Rating previous = report.rating();
        Rating saved = ratings.insert(new RatingStore.NewRating(programmeCode, unit.id(), report.initiativeId(), cycle,
                grade, text, accounts.current().username(), Instant.now(clock), previous == null ? null : previous.id(),
                false));
        String key = programmeCode + "/" + unitCode + "/" + initiativeNumber + "/" + cycle;
        if (previous == null) {
            audit.created("report-rating", key, saved);
        } else {
            audit.updated("report-rating", key, previous, saved);
        }
        return saved;
    }

    private ProgressReport findReport(String programmeCode, Unit unit, int initiativeNumber, String cycle, LocalDate today) {
        Period cyclePeriod;
        try {
            cyclePeriod = Period.parse(cycle);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("cycle", "error.assessment.cycle", cycle);
        }
        Period dueMonth = Period.containing(PeriodKind.MONTH, cyclePeriod.end().plusDays(1));
        if (dueMonth.start().isAfter(today)) {
            throw new InvalidInputException("cycle", "error.assessment.report-not-in", cycle);
        }
        return due(programmeCode, dueMonth).stream()
                .filter(r -> r.unit().id() == unit.id() && r.initiativeNumber() == initiativeNumber && r.cycle().equals(cycle))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("error.assessment.report-not-found", unit.code(), initiativeNumber,
                        cycle));
    }
}
