package org.gongjian.assessment.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.supervision.ReportCycle;
import org.jspecify.annotations.Nullable;

/**
 * Periodic progress reports (进展报告). A unit owes one report per initiative and reporting cycle
 * (monthly or quarterly, by the supervision policy) for the targets it reports on that are running in the
 * cycle. The report is the measurements the unit records for those targets; it is <em>on time</em> when
 * one is recorded between the day after the previous cycle's due date and this cycle's due date (the
 * policy's day of the next month), <em>late</em> when the first comes after the due date, and
 * <em>missed</em> when none has come by the day asked about.
 */
public final class ReportBook {

    /** Where a report stands on a date. */
    public enum State { PENDING, ON_TIME, LATE, MISSED }

    /** A target a unit reports on, with the days it runs. */
    public record Duty(long unitId, long initiativeId, int initiativeNumber, String initiativeTitle, long targetId,
            LocalDate start, LocalDate deadline) {
    }

    /** When a measurement of a target was recorded. */
    public record Recorded(long targetId, Instant recordedAt) {
    }

    /**
     * A unit's report on an initiative for a cycle.
     *
     * @param windowStart the first day a measurement counts for this cycle
     * @param submitted   when the first measurement that counts was recorded (null when none yet)
     * @param measurements how many measurements count: those in the window, or for a late report those after it
     */
    public record Report(long unitId, long initiativeId, int initiativeNumber, String initiativeTitle, String cycle,
            LocalDate cycleStart, LocalDate cycleEnd, LocalDate windowStart, LocalDate due, State state,
            @Nullable Instant submitted, int measurements, List<Long> targetIds) {

        /** The report's key within its unit: {@code report:4:2024-05}. */
        public String key() {
            return "report:" + initiativeNumber + ":" + cycle;
        }
    }

    private final ReportCycle cycle;
    private final int dueDay;
    private final ZoneId zone;

    public ReportBook(ReportCycle cycle, int dueDay, ZoneId zone) {
        this.cycle = cycle;
        this.dueDay = dueDay;
        this.zone = zone;
    }

    /** The start of every cycle whose report falls due within {@code [from, to]}. */
    public List<LocalDate> cyclesDueBetween(LocalDate from, LocalDate to) {
        List<LocalDate> starts = new ArrayList<>();
        LocalDate start = cycle.cycleStart(from.minusMonths(4));
        while (!cycle.dueDate(start, dueDay).isAfter(to)) {
            if (!cycle.dueDate(start, dueDay).isBefore(from)) {
                starts.add(start);
            }
            start = cycle.cycleEnd(start).plusDays(1);
        }
        return starts;
    }

    /** The cycle that starts on a date, by its label (2024-05 or 2024-Q2). */
    public String label(LocalDate cycleStart) {
        return cycle.label(cycleStart);
    }

    /**
     * The reports due within {@code [from, to]}, as they stood at the end of {@code asOf}; measurements
     * recorded later do not count.
     */
    public List<Report> reports(List<Duty> duties, List<Recorded> recorded, LocalDate from, LocalDate to,
            LocalDate asOf) {
        Map<Long, List<Instant>> byTarget = new HashMap<>();
        for (Recorded r : recorded) {
            byTarget.computeIfAbsent(r.targetId(), k -> new ArrayList<>()).add(r.recordedAt());
        }
        byTarget.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        List<Report> reports = new ArrayList<>();
        for (LocalDate start : cyclesDueBetween(from, to)) {
            LocalDate end = cycle.cycleEnd(start);
            LocalDate due = cycle.dueDate(start, dueDay);
            LocalDate windowStart = cycle.dueDate(cycle.previous(start), dueDay).plusDays(1);
            Map<String, List<Duty>> owed = new java.util.LinkedHashMap<>();
            for (Duty d : duties) {
                if (!d.start().isAfter(end) && !d.deadline().isBefore(start)) {
                    owed.computeIfAbsent(d.unitId() + "/" + d.initiativeId(), k -> new ArrayList<>()).add(d);
                }
            }
            for (List<Duty> group : owed.values()) {
                reports.add(report(group, byTarget, start, end, windowStart, due, asOf));
            }
        }
        reports.sort(Comparator.comparing(Report::cycleStart).thenComparingLong(Report::unitId)
                .thenComparingInt(Report::initiativeNumber));
        return reports;
    }

    private Report report(List<Duty> duties, Map<Long, List<Instant>> byTarget, LocalDate start, LocalDate end,
            LocalDate windowStart, LocalDate due, LocalDate asOf) {
        Duty first = duties.get(0);
        Instant from = windowStart.atStartOfDay(zone).toInstant();
        Instant dueEnd = due.plusDays(1).atStartOfDay(zone).toInstant();
        Instant cutOff = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        Instant onTime = null;
        Instant late = null;
        int count = 0;
        int lateCount = 0;
        for (Duty d : duties) {
            for (Instant at : byTarget.getOrDefault(d.targetId(), List.of())) {
                if (at.isBefore(from) || !at.isBefore(cutOff)) {
                    continue;
                }
                if (at.isBefore(dueEnd)) {
                    count++;
                    onTime = onTime == null || at.isBefore(onTime) ? at : onTime;
                } else {
                    lateCount++;
                    late = late == null || at.isBefore(late) ? at : late;
                }
            }
        }
        State state;
        Instant submitted;
        if (onTime != null) {
            state = State.ON_TIME;
            submitted = onTime;
        } else if (late != null) {
            state = State.LATE;
            submitted = late;
            count = lateCount;
        } else {
            state = asOf.isAfter(due) ? State.MISSED : State.PENDING;
            submitted = null;
        }
        return new Report(first.unitId(), first.initiativeId(), first.initiativeNumber(), first.initiativeTitle(),
                cycle.label(start), start, end, windowStart, due, state, submitted, count,
                duties.stream().map(Duty::targetId).toList());
    }
}
