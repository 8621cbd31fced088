package org.gongjian.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeSnapshot;
import org.gongjian.programme.ProgrammeSnapshot.InitiativeRow;
import org.gongjian.programme.ProgrammeSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The daily sweep: for every programme under way, raises notices for targets off track or forecast to
 * miss, milestones overdue or due soon and not started, and units that have not reported for the last
 * cycle; then escalates what is left unanswered. Idempotent (a subject gets one open notice, and one
 * notice per basis ever), and run by one instance at a time under a ShedLock lock.
 */
@Service
public class NoticeSweep {

    private static final Logger log = LoggerFactory.getLogger(NoticeSweep.class);
    static final String LOCK = "supervision-sweep";

    /** What one sweep did. */
    public record Result(int programmes, int raised, int escalated, int closed) {

        public Result(int programmes, int raised, int escalated) {
            this(programmes, raised, escalated, 0);
        }
    }

    private final ProgrammeManagement programmes;
    private final ProgrammeSnapshots snapshots;
    private final StatusEngine engine;
    private final PolicyParameters policies;
    private final NoticeManagement notices;
    private final NoticeTexts texts;
    private final LockingTaskExecutor locks;
    private final JdbcClient jdbc;
    private final Clock clock;

    NoticeSweep(ProgrammeManagement programmes, ProgrammeSnapshots snapshots, StatusEngine engine,
            PolicyParameters policies, NoticeManagement notices, NoticeTexts texts, LockingTaskExecutor locks,
            JdbcClient jdbc, Clock clock) {
        this.programmes = programmes;
        this.snapshots = snapshots;
        this.engine = engine;
        this.policies = policies;
        this.notices = notices;
        this.texts = texts;
        this.locks = locks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${gongjian.supervision.sweep-cron:0 0 7 * * *}", zone = "Asia/Shanghai")
    void daily() {
        sweepLocked(null).ifPresentOrElse(r -> log.info("Supervision sweep: {} programmes, {} notices raised, {} escalated",
                r.programmes(), r.raised(), r.escalated()), () -> log.info("Supervision sweep left to another instance"));
    }

    /**
     * Sweeps every programme under way today (or the one named, whether under way or not) under the
     * scheduler lock; empty when another instance holds the lock.
     */
    public java.util.Optional<Result> sweepLocked(@org.jspecify.annotations.Nullable String programmeCode) {
        Instant now = Instant.now(clock);
        LockConfiguration lock = new LockConfiguration(now, LOCK, Duration.ofMinutes(30), Duration.ZERO);
        LocalDate today = LocalDate.now(clock);
        try {
            LockingTaskExecutor.TaskResult<Result> result = locks.executeWithLock(
                    () -> programmeCode == null ? sweep(today) : sweep(programmeCode, today), lock);
            return result.wasExecuted() ? java.util.Optional.ofNullable(result.getResult()) : java.util.Optional.empty();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Supervision sweep failed", e);
        }
    }

    /** Sweeps every programme under way on {@code today}. Callers should hold the lock. */
    Result sweep(LocalDate today) {
        int count = 0;
        int raised = 0;
        int escalated = 0;
        int closed = 0;
        for (Programme programme : programmes.programmes(Pageable.unpaged())) {
            ProgrammeSnapshot snapshot = snapshots.standing(programme.code(), today, null);
            if (!underWay(snapshot, today)) {
                continue;
            }
            count++;
            Outcome o = raise(snapshot, true, today);
            raised += o.raised();
            closed += o.closed();
            escalated += notices.escalate(programme.code(), today);
        }
        return new Result(count, raised, escalated, closed);
    }

    /** What raising did for one programme: notices raised and notices closed because their cause cleared. */
    record Outcome(int raised, int closed) {
    }

    /**
     * The snapshot a sweep on {@code today} judges: as it stands today; after the programme's end its items
     * are judged as of the end or their own later deadline (ADR 0025), see {@link #closedOn}.
     */
    ProgrammeSnapshot judged(String programmeCode, LocalDate today, @org.jspecify.annotations.Nullable Long initiativeId) {
        return snapshots.standing(programmeCode, today, initiativeId);
    }

    /** The programme's last day when it has ended by {@code today}, else null. */
    static @org.jspecify.annotations.Nullable LocalDate closedOn(ProgrammeSnapshot s, LocalDate today) {
        return today.isAfter(s.programmeEnd()) ? s.programmeEnd() : null;
    }

    /** Sweeps one programme on {@code today}, whether under way or not (the office asks for it). */
    Result sweep(String programmeCode, LocalDate today) {
        Outcome o = raise(judged(programmeCode, today, null), true, today);
        return new Result(1, o.raised(), notices.escalate(programmeCode, today), o.closed());
    }

    /** Re-evaluates one initiative at once, after a milestone change. */
    int initiativeChanged(String programmeCode, long initiativeId) {
        LocalDate today = LocalDate.now(clock);
        return reevaluate(() -> judged(programmeCode, today, initiativeId), programmeCode, today).raised();
    }

    /**
     * Re-evaluates only these targets at once, after figures were recorded for them: their own rows and figures
     * are read, and only their notice items are raised or cleared.
     */
    int targetsChanged(String programmeCode, java.util.Collection<Long> targetIds) {
        LocalDate today = LocalDate.now(clock);
        return reevaluate(() -> snapshots.targets(programmeCode, today, targetIds), programmeCode, today).raised();
    }

    /** A programme is under way from its start until its last target or milestone is due. */
    static boolean underWay(ProgrammeSnapshot s, LocalDate today) {
        return !today.isBefore(s.programmeStart()) && !today.isAfter(workEnd(s));
    }

    /** The programme's end date, or its latest target or milestone deadline when later. */
    static LocalDate workEnd(ProgrammeSnapshot s) {
        LocalDate last = s.programmeEnd();
        for (var t : s.targets()) {
            last = t.deadline().isAfter(last) ? t.deadline() : last;
        }
        for (var m : s.milestones()) {
            last = m.dueDate().isAfter(last) ? m.dueDate() : last;
        }
        return last;
    }

    /** One lock per programme: its re-evaluations after a change raise and clear notices one at a time. */
    private final java.util.concurrent.ConcurrentMap<String, Object> programmeLocks = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Raises and clears the notices of what a snapshot taken after a change holds. Re-evaluations of one programme
     * take turns in this instance, so that two of them never update the same unit's notice at once (H2's
     * "Concurrent update in table supervision_notice" under bursts of figures); a sweep is not held up by them, and
     * between instances the notices' unique keys decide.
     */
    private Outcome reevaluate(java.util.function.Supplier<ProgrammeSnapshot> snapshot, String programmeCode,
            LocalDate today) {
        synchronized (programmeLocks.computeIfAbsent(programmeCode, code -> new Object())) {
            return raise(snapshot.get(), false, today);
        }
    }

    /**
     * Raises and clears the notices of what the snapshot holds; {@code whole} when it is the whole programme (then
     * units that have not reported are found too).
     */
    private Outcome raise(ProgrammeSnapshot snapshot, boolean whole, LocalDate today) {
        LocalDate asOf = snapshot.asOf();
        LocalDate closedOn = closedOn(snapshot, today);
        SupervisionPolicy policy = policies.policy(snapshot.programmeCode(), closedOn == null ? asOf : closedOn);
        ProgrammeStatus status = engine.evaluate(snapshot, closedOn(snapshot, today));
        Map<Long, InitiativeRow> rows = new HashMap<>();
        snapshot.initiatives().forEach(i -> rows.put(i.id(), i));
        Map<Long, ProgrammeSnapshot.TargetRow> targetRows = new HashMap<>();
        snapshot.targets().forEach(t -> targetRows.put(t.id(), t));
        List<NoticeManagement.Candidate> candidates = new ArrayList<>();
        Map<String, String> cleared = new HashMap<>();
        for (InitiativeStanding standing : status.initiatives()) {
            InitiativeRow row = rows.get(standing.initiativeId());
            boolean suspended = row.declaredStatus() == InitiativeStatus.SUSPENDED;
            for (TargetStatus t : standing.targets()) {
                var c = suspended ? java.util.Optional.<NoticeManagement.Candidate>empty()
                        : target(snapshot.programmeCode(), row, t, targetRows.get(t.targetId()), policy);
                c.ifPresentOrElse(candidates::add, () -> cleared.put("target:" + t.targetId(), clearedReason(t)));
            }
            for (MilestoneStatus m : standing.milestones()) {
                var c = suspended ? java.util.Optional.<NoticeManagement.Candidate>empty()
                        : milestone(snapshot.programmeCode(), row, m);
                c.ifPresentOrElse(candidates::add, () -> cleared.put("milestone:" + m.milestoneId(), clearedReason(m)));
            }
        }
        if (whole) {
            candidates.addAll(reportsMissing(snapshot, policy, today));
        }
        // first close what has cleared, so that the new notices and the open ones agree with the engine
        Map<String, Set<Long>> reportedSince = new HashMap<>();
        int closed = notices.clearResolved(snapshot.programmeCode(), item -> {
            if (item.subjectKey().startsWith("report:")) {
                return whole && reported(snapshot, item.subjectKey(), today, reportedSince)
                        ? texts.get("notice.cleared.report") : null;
            }
            return cleared.get(item.subjectKey());
        }, today);
        int raised = notices.raiseCombined(candidates, policy, today).size();
        return new Outcome(raised, closed);
    }

    /** Why a target's notice item is cleared: the engine's current verdict with its deciding figure. */
    private String clearedReason(TargetStatus t) {
        String progress = NoticeTexts.percent(t.progress());
        return switch (t.status()) {
            case ACHIEVED -> texts.get("notice.cleared.achieved", progress);
            case ON_TRACK, AT_RISK -> texts.get("notice.cleared.on-track", texts.get(t.status().messageKey()) + "，完成率" + progress);
            default -> texts.get("notice.cleared.reported", texts.get(t.status().messageKey()));
        };
    }

    private String clearedReason(MilestoneStatus m) {
        if (m.completedOn() != null) {
            return texts.get("notice.cleared.milestone-done", NoticeTexts.date(m.completedOn()));
        }
        return m.startedOn() != null ? texts.get("notice.cleared.milestone-started", NoticeTexts.date(m.startedOn()))
                : texts.get(m.status().messageKey());
    }

    /** Whether the unit of a report item ({@code report:PROGRAMME:UNIT:LABEL}) has reported since its cycle began. */
    private boolean reported(ProgrammeSnapshot snapshot, String subject, LocalDate today, Map<String, Set<Long>> cache) {
        String[] parts = subject.split(":");
        if (parts.length < 4) {
            return false;
        }
        long unit = Long.parseLong(parts[2]);
        String label = parts[3];
        LocalDate start = label.contains("Q")
                ? LocalDate.of(Integer.parseInt(label.substring(0, 4)), (Integer.parseInt(label.substring(6)) - 1) * 3 + 1, 1)
                : java.time.YearMonth.parse(label).atDay(1);
        Set<Long> initiatives = cache.computeIfAbsent(label, l -> {
            Instant from = start.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
            Instant to = ProgrammeSnapshots.endOf(today);
            Set<Long> ids = new HashSet<>(snapshots.lastMeasurementRecorded(snapshot.programmeCode(), from, to).keySet());
            ids.addAll(jdbc.sql("select distinct initiative_id from supervision_activity where occurred_at >= :from and occurred_at < :to")
                    .param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
                    .query(Long.class).list());
            return ids;
        });
        return snapshot.initiatives().stream().anyMatch(i -> i.leadUnitId() == unit && initiatives.contains(i.id()));
    }

    private java.util.Optional<NoticeManagement.Candidate> target(String programme, InitiativeRow row, TargetStatus t,
            ProgrammeSnapshot.@org.jspecify.annotations.Nullable TargetRow targetRow, SupervisionPolicy policy) {
        boolean offTrack = t.status() == Status.OFF_TRACK || t.status() == Status.OVERDUE;
        boolean forecastMiss = t.status() == Status.AT_RISK && t.reason() == StatusReason.FORECAST_MISS;
        if (!offTrack && !forecastMiss) {
            return java.util.Optional.empty();
        }
        NoticeTrigger trigger = offTrack ? NoticeTrigger.TARGET_OFF_TRACK : NoticeTrigger.TARGET_FORECAST_MISS;
        NoticeLevel level = t.status() == Status.OVERDUE ? NoticeLevel.CHASE : NoticeLevel.REMINDER;
        String basis = t.status() + "@" + t.measurements() + ":" + t.actualAsOf();
        String titleKey = "notice.title." + trigger;
        if (t.status() == Status.OVERDUE) {
            titleKey += t.actual() == null ? ".OVERDUE_EMPTY" : ".OVERDUE";
        }
        String title = texts.get(titleKey, t.name());
        // a town's figure goes to the town, copied to the lead unit (牵头单位)
        Long scope = targetRow == null ? null : targetRow.scopeUnitId();
        long unit = scope != null ? scope : row.leadUnitId();
        Long copy = scope != null && scope != row.leadUnitId() ? row.leadUnitId() : null;
        return java.util.Optional.of(new NoticeManagement.Candidate(programme, trigger, level, unit, copy, row.id(),
                t.targetId(), "target:" + t.targetId(), basis, t.status(), title, texts.targetMatter(t, row.title()),
                "/supervision/programmes/" + programme + "/targets/" + t.code()));
    }

    private java.util.Optional<NoticeManagement.Candidate> milestone(String programme, InitiativeRow row, MilestoneStatus m) {
        NoticeTrigger trigger;
        if (m.status() == Status.OVERDUE) {
            trigger = NoticeTrigger.MILESTONE_OVERDUE;
        } else if (m.reason() == StatusReason.MILESTONE_DUE_SOON) {
            trigger = NoticeTrigger.MILESTONE_DUE_SOON;
        } else {
            return java.util.Optional.empty();
        }
        NoticeLevel level = trigger == NoticeTrigger.MILESTONE_OVERDUE ? NoticeLevel.CHASE : NoticeLevel.REMINDER;
        return java.util.Optional.of(new NoticeManagement.Candidate(programme, trigger, level, row.leadUnitId(), null,
                row.id(), null, "milestone:" + m.milestoneId(), trigger + "@" + m.dueDate(), m.status(),
                texts.get("notice.title." + trigger, m.title()), texts.milestoneMatter(m, row.number(), row.title()),
                "/programmes/" + programme + "/initiatives/" + row.number()));
    }

    /**
     * Lead units that have not reported in the last cycle whose due day has passed. Reporting means any
     * measurement recorded, or any milestone change, on an initiative the unit leads, between the cycle's
     * first day and its due day (inclusive). Only initiatives running in that cycle and not declared
     * completed or suspended owe a report; the lead unit reports for a joint initiative (牵头单位报送).
     */
    List<NoticeManagement.Candidate> reportsMissing(ProgrammeSnapshot snapshot, SupervisionPolicy policy, LocalDate today) {
        ReportCycle cycle = policy.reportCycle();
        LocalDate start = cycle.cycleStart(today);
        // the last cycle whose report was due before today, and never a period after the programme's end
        while (!cycle.dueDate(start, policy.reportDueDay()).isBefore(today) || start.isAfter(snapshot.programmeEnd())) {
            start = cycle.previous(start);
        }
        LocalDate end = cycle.cycleEnd(start);
        LocalDate due = cycle.dueDate(start, policy.reportDueDay());
        if (start.isBefore(snapshot.programmeStart().withDayOfMonth(1))) {
            return List.of();
        }
        Instant from = start.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        Instant to = ProgrammeSnapshots.endOf(due);
        Set<Long> reported = new HashSet<>(snapshots.lastMeasurementRecorded(snapshot.programmeCode(), from, to).keySet());
        reported.addAll(jdbc.sql("select distinct initiative_id from supervision_activity where occurred_at >= :from and occurred_at < :to")
                .param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
                .query(Long.class).list());
        Map<Long, List<InitiativeRow>> owing = new HashMap<>();
        Set<Long> unitsReported = new HashSet<>();
        for (InitiativeRow i : snapshot.initiatives()) {
            boolean running = !i.startDate().isAfter(end) && !i.endDate().isBefore(start)
                    && i.declaredStatus() != InitiativeStatus.COMPLETED && i.declaredStatus() != InitiativeStatus.SUSPENDED;
            if (!running) {
                continue;
            }
            owing.computeIfAbsent(i.leadUnitId(), k -> new ArrayList<>()).add(i);
            if (reported.contains(i.id())) {
                unitsReported.add(i.leadUnitId());
            }
        }
        String label = cycle.label(start);
        List<NoticeManagement.Candidate> missing = new ArrayList<>();
        owing.forEach((unit, initiatives) -> {
            if (unitsReported.contains(unit)) {
                return;
            }
            String list = String.join("、", initiatives.stream().map(i -> i.number() + "." + i.title()).toList());
            Long initiative = initiatives.size() == 1 ? initiatives.get(0).id() : null;
            missing.add(new NoticeManagement.Candidate(snapshot.programmeCode(), NoticeTrigger.REPORT_MISSING,
                    NoticeLevel.REMINDER, unit, null, initiative, null,
                    "report:" + snapshot.programmeCode() + ":" + unit + ":" + label, label, Status.AT_RISK,
                    texts.get("notice.title.REPORT_MISSING", label),
                    texts.get("notice.text.report", label, NoticeTexts.date(due), list),
                    initiatives.size() == 1 ? "/programmes/" + snapshot.programmeCode() + "/initiatives/" + initiatives.get(0).number()
                            : "/programmes/" + snapshot.programmeCode()));
        });
        return missing;
    }
}
