package org.gongjian.supervision.engine;

import org.gongjian.calendar.Workdays;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.programme.Direction;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.ProgrammeSnapshot;
import org.gongjian.programme.ProgrammeSnapshot.InitiativeRow;
import org.gongjian.programme.ProgrammeSnapshot.MeasurementRow;
import org.gongjian.programme.ProgrammeSnapshot.MilestoneRow;
import org.gongjian.programme.ProgrammeSnapshot.TargetRow;
import org.gongjian.supervision.DatedValue;
import org.gongjian.supervision.Forecast;
import org.gongjian.supervision.ForecastMethod;
import org.gongjian.supervision.InitiativeStanding;
import org.gongjian.supervision.MilestoneStatus;
import org.gongjian.supervision.ProgrammeStatus;
import org.gongjian.supervision.Status;
import org.gongjian.supervision.StatusReason;
import org.gongjian.supervision.SupervisionPolicy;
import org.gongjian.supervision.TargetStatus;
import org.gongjian.supervision.TimeProgressMethod;
import org.gongjian.supervision.TrajectoryKind;
import org.jspecify.annotations.Nullable;

/**
 * Computes a programme's status from a snapshot: each target's planned path, actual value, progress,
 * time progress, forecast and status; each milestone's status; each initiative's worst status.
 */
public final class Evaluator {

    private final SupervisionPolicy policy;
    private final Map<Long, TrajectoryKind> trajectories;
    private final Workdays workdays;
    private @Nullable LocalDate closedOn;

    /**
     * @param trajectories the planned path chosen for a target by id, where the office chose one
     */
    public Evaluator(SupervisionPolicy policy, Map<Long, TrajectoryKind> trajectories, Workdays workdays) {
        this.policy = policy;
        this.trajectories = Map.copyOf(trajectories);
        this.workdays = workdays;
    }

    public ProgrammeStatus evaluate(ProgrammeSnapshot snapshot) {
        return evaluate(snapshot, null);
    }

    /**
     * @param closedOn the last day of a programme that has ended (null while it runs): then each target and
     *                 milestone is judged as of that day, or of its own deadline when later, never later than
     *                 the snapshot's date — no "逾期889天" for a 2024 milestone two years on (ADR 0025)
     */
    public ProgrammeStatus evaluate(ProgrammeSnapshot snapshot, @Nullable LocalDate closedOn) {
        LocalDate asOf = snapshot.asOf();
        this.closedOn = closedOn;
        Map<Long, List<MeasurementRow>> byTarget = new HashMap<>();
        for (MeasurementRow m : snapshot.measurements()) {
            byTarget.computeIfAbsent(m.targetId(), k -> new ArrayList<>()).add(m);
        }
        Map<Long, List<TargetRow>> targetsByInitiative = new HashMap<>();
        snapshot.targets().forEach(t -> targetsByInitiative.computeIfAbsent(t.initiativeId(), k -> new ArrayList<>()).add(t));
        Map<Long, List<MilestoneRow>> milestonesByInitiative = new HashMap<>();
        snapshot.milestones().forEach(m -> milestonesByInitiative.computeIfAbsent(m.initiativeId(), k -> new ArrayList<>()).add(m));

        List<InitiativeStanding> standings = new ArrayList<>();
        for (InitiativeRow initiative : snapshot.initiatives()) {
            List<MilestoneRow> milestones = milestonesByInitiative.getOrDefault(initiative.id(), List.of());
            List<TargetStatus> targets = targetsByInitiative.getOrDefault(initiative.id(), List.of()).stream()
                    .map(t -> target(initiative, t, byTarget.getOrDefault(t.id(), List.of()), milestones, asOf))
                    .toList();
            List<MilestoneStatus> milestoneStatuses = milestones.stream().map(m -> milestone(m, asOf)).toList();
            List<Status> parts = new ArrayList<>();
            targets.forEach(t -> parts.add(t.status()));
            milestoneStatuses.forEach(m -> parts.add(m.status()));
            Status status = !parts.isEmpty() ? Status.worst(parts)
                    : initiative.declaredStatus() == InitiativeStatus.COMPLETED ? Status.ACHIEVED : Status.NO_DATA;
            standings.add(new InitiativeStanding(initiative.id(), initiative.number(), initiative.title(),
                    initiative.categoryCode(), initiative.leadUnitId(), initiative.coUnitIds(), status, targets,
                    milestoneStatuses, initiative.declaredStatus()));
        }
        return new ProgrammeStatus(snapshot.programmeCode(), asOf, policy, standings);
    }

    /** The planned path of a target, by the office's choice or the default. */
    public PlannedPath path(TargetRow target, LocalDate start, List<MilestoneRow> milestones) {
        double baseline = baseline(target);
        double goal = target.targetValue().doubleValue();
        TrajectoryKind kind = kind(target, milestones);
        return switch (kind) {
            case PLANNED_POINTS -> PlannedPath.points(start, baseline, target.deadline(), goal, target.plannedPoints()
                    .stream().map(p -> new PlannedPath.Knot(p.date(), p.value().doubleValue())).toList());
            case MILESTONE_STEPS -> PlannedPath.steps(start, baseline, goal,
                    milestones.stream().map(MilestoneRow::dueDate).toList());
            case LINEAR -> PlannedPath.linear(start, baseline, target.deadline(), goal);
        };
    }

    /** The trajectory a target follows: the office's choice when it can be built, else points or linear. */
    public TrajectoryKind kind(TargetRow target, List<MilestoneRow> milestones) {
        TrajectoryKind chosen = trajectories.get(target.id());
        if (chosen == TrajectoryKind.MILESTONE_STEPS && !milestones.isEmpty()) {
            return chosen;
        }
        if (chosen == TrajectoryKind.LINEAR) {
            return chosen;
        }
        return target.plannedPoints().isEmpty() ? TrajectoryKind.LINEAR : TrajectoryKind.PLANNED_POINTS;
    }

    /** Where the target's planned path and time progress begin: its baseline date, else the initiative's start. */
    public static LocalDate start(InitiativeRow initiative, TargetRow target) {
        return target.baselineDate() != null ? target.baselineDate() : initiative.startDate();
    }

    /** The baseline, or zero for a rising target without one (as progress counts it). */
    static double baseline(TargetRow target) {
        return target.baselineValue() != null ? target.baselineValue().doubleValue() : 0;
    }

    TargetStatus target(InitiativeRow initiative, TargetRow target, List<MeasurementRow> all,
            List<MilestoneRow> milestones, LocalDate today) {
        boolean pastDeadline = today.isAfter(target.deadline());
        LocalDate asOf = judged(target.deadline(), today);
        List<MeasurementRow> measurements = asOf.equals(today) ? all
                : all.stream().filter(m -> !m.asOf().isAfter(asOf)).toList();
        LocalDate start = start(initiative, target);
        TrajectoryKind kind = kind(target, milestones);
        PlannedPath path = path(target, start, milestones);
        boolean placeable = target.baselineValue() != null || target.direction() == Direction.UP;
        BigDecimal planned = placeable ? decimal(path.valueOn(asOf)) : null;
        Double plannedProgress = planned == null ? null : fraction(target, planned);

        List<LinearTrend.Point> points = onePerDate(measurements);
        MeasurementRow latest = latest(measurements);
        BigDecimal actual = latest == null ? null : latest.value();
        Double progress = actual == null ? null : fraction(target, actual);
        double timeProgress = TimeProgress.of(policy.timeProgressMethod(), start, target.deadline(), asOf,
                policy.timeProgressMethod() == TimeProgressMethod.PLAN_CURVE ? plannedProgress : null);
        Double gap = progress == null ? null : round((progress - timeProgress) * 100, 4);
        // the dated baseline joins the fit as an observation once there are enough reports to forecast (ADR 0025)
        if (target.baselineValue() != null && target.baselineDate() != null && points.size() >= Forecast.MIN_POINTS
                && target.baselineDate().isBefore(points.get(0).date())) {
            List<LinearTrend.Point> withBaseline = new ArrayList<>();
            withBaseline.add(new LinearTrend.Point(target.baselineDate(), target.baselineValue().doubleValue()));
            withBaseline.addAll(points);
            points = withBaseline;
        }
        double range = Math.abs(target.targetValue().doubleValue()
                - (target.baselineValue() != null ? target.baselineValue().doubleValue()
                        : points.isEmpty() ? 0 : points.get(0).value()));
        Forecast forecast = pastDeadline
                ? Forecast.pastDeadline(ForecastMethod.LINEAR_TREND, points.size(), target.deadline(), policy.forecastConfidence())
                : LinearTrend.forecast(points, target.deadline(), target.direction(), target.targetValue().doubleValue(),
                        policy.forecastConfidence(), policy.forecastFloor(), range);
        Double forecastProgress = forecast.value() == null ? null : fraction(target, forecast.value());
        boolean met = actual != null && LinearTrend.meets(target.direction(), actual.doubleValue(),
                target.targetValue().doubleValue());
        StatusRules.Verdict verdict = StatusRules.target(actual != null, met, pastDeadline, progress,
                plannedProgress, forecast, forecastProgress, policy);
        return new TargetStatus(target.id(), target.code(), target.name(), initiative.id(), initiative.number(),
                target.unit(), target.direction(), target.qualifier(), target.baselineValue(), start,
                target.targetValue(), target.targetValueMax(), target.deadline(), kind, asOf, planned, actual,
                latest == null ? null : latest.asOf(), figures(measurements), progress == null ? null : round(progress, 6),
                plannedProgress == null ? null : round(plannedProgress, 6), round(timeProgress, 6), gap, forecast,
                verdict.status(), verdict.reason(), placeable ? yearly(path, start, target.deadline()) : List.of());
    }

    MilestoneStatus milestone(MilestoneRow m, LocalDate today) {
        boolean pastDue = today.isAfter(m.dueDate());
        LocalDate asOf = judged(m.dueDate(), today);
        LocalDate completed = m.completedOn() != null && !m.completedOn().isAfter(asOf) ? m.completedOn() : null;
        LocalDate started = m.startedOn() != null && !m.startedOn().isAfter(asOf) ? m.startedOn() : null;
        int left = workdays.workingDaysBetween(asOf, m.dueDate());
        if (completed != null) {
            return new MilestoneStatus(m.id(), m.initiativeId(), m.title(), m.dueDate(), started, completed, asOf,
                    Status.ACHIEVED, StatusReason.MILESTONE_DONE, 0, 0, completed.isAfter(m.dueDate()));
        }
        if (pastDue) {
            return new MilestoneStatus(m.id(), m.initiativeId(), m.title(), m.dueDate(), started, null, asOf,
                    Status.OVERDUE, StatusReason.MILESTONE_OVERDUE, ChronoUnit.DAYS.between(m.dueDate(), asOf), 0, false);
        }
        boolean dueSoon = started == null && left <= policy.milestoneDueSoonWorkdays();
        return new MilestoneStatus(m.id(), m.initiativeId(), m.title(), m.dueDate(), started, null, asOf,
                dueSoon ? Status.AT_RISK : Status.ON_TRACK,
                dueSoon ? StatusReason.MILESTONE_DUE_SOON : StatusReason.MILESTONE_PENDING, 0, left, false);
    }

    /** The day an item is judged on: the snapshot's, or for a closed programme its end or own deadline if earlier. */
    private LocalDate judged(LocalDate deadline, LocalDate today) {
        if (closedOn == null) {
            return today;
        }
        LocalDate last = deadline.isAfter(closedOn) ? deadline : closedOn;
        return last.isBefore(today) ? last : today;
    }

    /** The last measurement of each as-of date (the latest recorded), in date order. */
    static List<LinearTrend.Point> onePerDate(List<MeasurementRow> measurements) {
        List<LinearTrend.Point> points = new ArrayList<>();
        for (MeasurementRow m : measurements) {
            LinearTrend.Point p = new LinearTrend.Point(m.asOf(), m.value().doubleValue());
            if (!points.isEmpty() && points.get(points.size() - 1).date().equals(m.asOf())) {
                points.set(points.size() - 1, p);
            } else {
                points.add(p);
            }
        }
        return points;
    }

    /** How many valid figures the rows stand for (a standing snapshot's row counts its whole day). */
    static int figures(List<MeasurementRow> measurements) {
        int figures = 0;
        for (MeasurementRow m : measurements) {
            figures += m.figures();
        }
        return figures;
    }

    /** The latest measurement: the last as-of date, the latest recorded on it (rows come in that order). */
    static @Nullable MeasurementRow latest(List<MeasurementRow> measurements) {
        return measurements.isEmpty() ? null : measurements.get(measurements.size() - 1);
    }

    private static @Nullable Double fraction(TargetRow target, BigDecimal value) {
        return target.progress(value).map(BigDecimal::doubleValue).orElse(null);
    }

    private static List<DatedValue> yearly(PlannedPath path, LocalDate start, LocalDate deadline) {
        if (deadline.getYear() == start.getYear()) {
            return List.of();
        }
        List<DatedValue> plan = new ArrayList<>();
        for (int year = start.getYear(); year < deadline.getYear(); year++) {
            LocalDate end = LocalDate.of(year, 12, 31);
            plan.add(new DatedValue(end, decimal(path.valueOn(end))));
        }
        plan.add(new DatedValue(deadline, decimal(path.valueOn(deadline))));
        return plan;
    }

    static BigDecimal decimal(double value) {
        return LinearTrend.decimal(value);
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
