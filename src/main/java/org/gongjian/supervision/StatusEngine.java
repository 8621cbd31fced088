package org.gongjian.supervision;

import org.gongjian.calendar.WorkCalendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Permissions;
import org.gongjian.programme.ProgrammeSnapshot;
import org.gongjian.programme.ProgrammeSnapshot.InitiativeRow;
import org.gongjian.programme.ProgrammeSnapshot.MeasurementRow;
import org.gongjian.programme.ProgrammeSnapshot.MilestoneRow;
import org.gongjian.programme.ProgrammeSnapshot.TargetRow;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeSnapshots;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.NotFoundException;
import org.gongjian.supervision.engine.Evaluator;
import org.gongjian.supervision.engine.PlannedPath;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status engine: for every target, where it should be on a date, where it is, where it will be at
 * its deadline and how sure that is, and its status; for every initiative, the worst of its parts.
 * Any past date is recomputed from the append-only measurements under the policy then in force.
 */
@Service
@Transactional(readOnly = true)
public class StatusEngine {

    private final ProgrammeSnapshots snapshots;
    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final PolicyParameters policies;
    private final WorkCalendar calendar;
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    StatusEngine(ProgrammeSnapshots snapshots, ProgrammeManagement programmes, TargetManagement targets,
            PolicyParameters policies, WorkCalendar calendar, JdbcClient jdbc,
            Accounts accounts, AuditLog audit, Clock clock) {
        this.snapshots = snapshots;
        this.programmes = programmes;
        this.targets = targets;
        this.policies = policies;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in the city. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The programme's status today (after its end: as of its end). */
    public ProgrammeStatus status(String programmeCode) {
        return status(programmeCode, today());
    }

    /**
     * The day a programme is judged on when nobody chose one: today while it runs, its last day once it
     * has ended (ADR 0025). Pages default their date fields to it.
     */
    public LocalDate judgedOn(String programmeCode) {
        LocalDate end = snapshots.endDate(programmeCode);
        LocalDate today = today();
        return today.isAfter(end) ? end : today;
    }

    /**
     * Whether {@code asOf} asks for the final judgement of a programme that has ended: today (no date
     * chosen) or later, after its end. A past date chosen on purpose is shown as it stood then.
     */
    private boolean finalJudgement(LocalDate end, LocalDate asOf) {
        LocalDate today = today();
        return today.isAfter(end) && !asOf.isBefore(today);
    }

    /**
     * The programme's status as it stood at the end of {@code asOf}. For a programme that has ended, today
     * (no date chosen) means its final judgement: each target and milestone as of the programme's last day, or
     * its own deadline when later, with every figure about that period known now — no milestone is
     * "逾期889天" two years later, and asking again next year gives the same answer unless figures are
     * corrected (ADR 0025).
     */
    public ProgrammeStatus status(String programmeCode, LocalDate asOf) {
        LocalDate end = snapshots.endDate(programmeCode);
        if (finalJudgement(end, asOf)) {
            return evaluator(programmeCode, end).evaluate(snapshots.standing(programmeCode, today(), null), end);
        }
        return evaluator(programmeCode, asOf).evaluate(snapshots.standing(programmeCode, asOf, null));
    }

    /**
     * The programme's status on {@code asOf} with the figures for that day known just before
     * {@code knownBy}, under the policy in force on {@code asOf}: what a monthly bulletin compiled at
     * {@code knownBy} reports for a month's end, counting figures the units sent in after it.
     */
    public ProgrammeStatus status(String programmeCode, LocalDate asOf, Instant knownBy) {
        return evaluator(programmeCode, asOf).evaluate(snapshots.standing(programmeCode, asOf, null, knownBy));
    }

    /** The status of an already-read snapshot, under the policy in force on its date: one read serves both. */
    public ProgrammeStatus evaluate(ProgrammeSnapshot snapshot) {
        return evaluator(snapshot.programmeCode(), snapshot.asOf()).evaluate(snapshot);
    }

    /**
     * As {@link #evaluate(ProgrammeSnapshot)}; {@code closedOn}, the last day of a programme that has ended,
     * for its final judgement (each item as of that day or its own later deadline).
     */
    public ProgrammeStatus evaluate(ProgrammeSnapshot snapshot, @Nullable LocalDate closedOn) {
        return evaluator(snapshot.programmeCode(), closedOn == null ? snapshot.asOf() : closedOn).evaluate(snapshot, closedOn);
    }

    /** The end of a programme that has ended by {@code asOf} (its final judgement is asked for), else null. */
    @Nullable LocalDate closedOn(String programmeCode, LocalDate asOf) {
        LocalDate end = snapshots.endDate(programmeCode);
        return finalJudgement(end, asOf) ? end : null;
    }

    private ProgrammeSnapshot snapshot(String programmeCode, LocalDate asOf, long initiativeId) {
        return snapshots.standing(programmeCode, closedOn(programmeCode, asOf) != null ? today() : asOf, initiativeId);
    }

    /** One initiative's status as it stood at the end of {@code asOf}. */
    public InitiativeStanding initiative(String programmeCode, long initiativeId, LocalDate asOf) {
        ProgrammeSnapshot snapshot = snapshot(programmeCode, asOf, initiativeId);
        ProgrammeStatus status = evaluate(snapshot, closedOn(programmeCode, asOf));
        return status.initiatives().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.initiative.not-found", programmeCode, initiativeId));
    }

    /** What a target's chart draws on {@code asOf}: planned path, measurements and forecast. */
    public TargetChart chart(String programmeCode, String targetCode, LocalDate asOf) {
        long initiativeId = targets.target(programmes.programme(programmeCode), targetCode).initiativeId();
        return charts(programmeCode, initiativeId, asOf).charts().stream()
                .filter(c -> c.status().code().equals(targetCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("error.target.not-found", targetCode));
    }

    /** An initiative's standing with the chart of each of its targets, from one snapshot and one evaluation. */
    record InitiativeCharts(InitiativeStanding standing, List<TargetChart> charts) {
    }

    InitiativeCharts charts(String programmeCode, long initiativeId, LocalDate asOf) {
        ProgrammeSnapshot snapshot = snapshot(programmeCode, asOf, initiativeId);
        LocalDate closedOn = closedOn(programmeCode, asOf);
        Evaluator evaluator = evaluator(programmeCode, closedOn == null ? snapshot.asOf() : closedOn);
        InitiativeStanding standing = evaluator.evaluate(snapshot, closedOn).initiatives().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.initiative.not-found", programmeCode, initiativeId));
        InitiativeRow initiative = snapshot.initiatives().get(0);
        Map<Long, TargetRow> rows = new HashMap<>();
        snapshot.targets().forEach(t -> rows.put(t.id(), t));
        Map<Long, List<DatedValue>> actuals = new HashMap<>();
        for (MeasurementRow m : snapshot.measurements()) {
            List<DatedValue> actual = actuals.computeIfAbsent(m.targetId(), k -> new ArrayList<>());
            DatedValue point = new DatedValue(m.asOf(), m.value());
            if (!actual.isEmpty() && actual.get(actual.size() - 1).date().equals(m.asOf())) {
                actual.set(actual.size() - 1, point);
            } else {
                actual.add(point);
            }
        }
        List<TargetChart> charts = standing.targets().stream()
                .map(status -> chart(evaluator, initiative, rows.get(status.targetId()), status, snapshot.milestones(),
                        actuals.getOrDefault(status.targetId(), List.of())))
                .toList();
        return new InitiativeCharts(standing, charts);
    }

    private static TargetChart chart(Evaluator evaluator, InitiativeRow initiative, TargetRow target, TargetStatus status,
            List<MilestoneRow> milestones, List<DatedValue> actual) {
        PlannedPath path = evaluator.path(target, Evaluator.start(initiative, target), milestones);
        List<DatedValue> planned = path.knots().stream()
                .map(k -> new DatedValue(k.date(), decimal(k.value()))).toList();
        Forecast f = status.forecast();
        List<DatedValue> forecast = List.of();
        List<DatedValue> lower = List.of();
        List<DatedValue> upper = List.of();
        if (f.sufficient() && !actual.isEmpty() && f.at().isAfter(actual.get(actual.size() - 1).date())) {
            DatedValue last = actual.get(actual.size() - 1);
            forecast = List.of(last, new DatedValue(f.at(), f.value()));
            lower = List.of(last, new DatedValue(f.at(), f.lower()));
            upper = List.of(last, new DatedValue(f.at(), f.upper()));
        }
        boolean placeable = status.planned() != null;
        return new TargetChart(status, placeable ? planned : List.of(), actual, forecast, lower, upper, path.isSteps());
    }

    /** The planned path the office chose for each target of a programme that has a choice. */
    public Map<Long, TrajectoryKind> trajectories(String programmeCode) {
        Map<Long, TrajectoryKind> chosen = new HashMap<>();
        jdbc.sql("""
                select s.target_id, s.kind from supervision_trajectory s
                  join programme_target t on t.id = s.target_id
                  join programme p on p.id = t.programme_id
                 where p.code = :code""").param("code", programmeCode)
                .query((rs, n) -> chosen.put(rs.getLong("target_id"), TrajectoryKind.valueOf(rs.getString("kind"))))
                .list();
        return chosen;
    }

    /**
     * Chooses a target's planned path; null returns it to the default (planned points if it has them,
     * else linear). A step path needs milestones on the target's initiative; without them it stays linear.
     */
    @Transactional
    public void chooseTrajectory(String programmeCode, String targetCode, @Nullable TrajectoryKind kind) {
        if (!accounts.current().can(Permissions.SUPERVISION_MANAGE)) {
            audit.denied("trajectory", programmeCode + "/" + targetCode, "programme office only");
            throw new AccessDeniedException("error.access-denied");
        }
        Target target = targets.target(programmes.programme(programmeCode), targetCode);
        TrajectoryKind before = trajectories(programmeCode).get(target.id());
        jdbc.sql("delete from supervision_trajectory where target_id = :id").param("id", target.id()).update();
        if (kind != null) {
            jdbc.sql("insert into supervision_trajectory (target_id, kind, chosen_by, chosen_at) values (:id, :kind, :by, :at)")
                    .param("id", target.id()).param("kind", kind.name()).param("by", accounts.current().username())
                    .param("at", Timestamp.from(Instant.now(clock))).update();
        }
        audit.updated("trajectory", programmeCode + "/" + targetCode, before == null ? "DEFAULT" : before.name(),
                kind == null ? "DEFAULT" : kind.name());
    }

    private Evaluator evaluator(String programmeCode, LocalDate asOf) {
        return new Evaluator(policies.policy(programmeCode, asOf), trajectories(programmeCode), calendar.workdays());
    }

    private static java.math.BigDecimal decimal(double value) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
