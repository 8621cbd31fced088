package org.gongjian.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.gongjian.assessment.Credit;
import org.gongjian.assessment.Fact;
import org.gongjian.assessment.FactKind;
import org.gongjian.assessment.Outcome;
import org.gongjian.assessment.PeerGroup;
import org.gongjian.assessment.Period;
import org.gongjian.assessment.Rating;
import org.gongjian.assessment.SchemeRules;
import org.gongjian.assessment.UnitRef;
import org.gongjian.assessment.scoring.ReportBook;
import org.gongjian.assessment.scoring.ReportBook.Report;
import org.gongjian.assessment.scoring.Responsibility;
import org.gongjian.assessment.scoring.Responsibility.Credited;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.DemoData;
import org.gongjian.programme.Honour;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeRecords;
import org.gongjian.programme.ProgrammeSnapshot;
import org.gongjian.programme.ProgrammeSnapshot.TargetRow;
import org.gongjian.programme.ProgrammeSnapshots;
import org.gongjian.supervision.InitiativeStanding;
import org.gongjian.supervision.MilestoneStatus;
import org.gongjian.supervision.ProgrammeStatus;
import org.gongjian.supervision.Status;
import org.gongjian.supervision.StatusEngine;
import org.gongjian.supervision.SupervisionPolicy;
import org.gongjian.supervision.TargetStatus;
import org.springframework.stereotype.Component;

/**
 * Gathers, for a programme and period, every item of every ranked unit as it stood at the end of the
 * period: targets running in the period (progress and time progress from the status engine; a target
 * with nothing reported before its first report fell due is not assessed yet), milestones due in the
 * period, progress reports due in it, notices, honours won in it and ratings given in it.
 */
@Component
public class FactCollector {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final ProgrammeManagement programmes;
    private final ProgrammeSnapshots snapshots;
    private final ProgrammeRecords records;
    private final StatusEngine engine;
    private final Organisation organisation;
    private final DemoData demo;
    private final NoticeFacts notices;
    private final RatingStore ratings;
    private final LedgerReportFacts ledgerReports;
    private final Clock clock;

    FactCollector(ProgrammeManagement programmes, ProgrammeSnapshots snapshots, ProgrammeRecords records,
            StatusEngine engine, Organisation organisation, DemoData demo, NoticeFacts notices, RatingStore ratings,
            LedgerReportFacts ledgerReports, Clock clock) {
        this.programmes = programmes;
        this.snapshots = snapshots;
        this.records = records;
        this.engine = engine;
        this.organisation = organisation;
        this.demo = demo;
        this.notices = notices;
        this.ratings = ratings;
        this.ledgerReports = ledgerReports;
        this.clock = clock;
    }

    /** Every item of every ranked unit for a period, by unit id; units with none have an empty list. */
    public record Collected(Period period, Map<Long, UnitRef> units, Map<Long, List<Fact>> facts) {
    }

    /** The units ranked in some peer group, by id. */
    public Map<Long, UnitRef> rankedUnits() {
        Map<Long, UnitRef> units = new LinkedHashMap<>();
        organisation.all().stream().filter(Unit::active).sorted(java.util.Comparator.comparing(Unit::code))
                .forEach(u -> PeerGroup.of(u.kind()).ifPresent(g -> units.put(u.id(),
                        new UnitRef(u.id(), u.code(), u.shortName(), u.nameEn(), g))));
        return units;
    }

    /**
     * Every item of a period as it stood at its end, or, for a period still running, as it stands today:
     * then what is due later in the period is not assessed yet.
     */
    public Collected collect(String programmeCode, Period period, SchemeRules rules) {
        LocalDate from = period.start();
        LocalDate to = period.end();
        LocalDate today = LocalDate.now(clock);
        boolean over = to.isBefore(today);
        LocalDate asOf = over ? to : today;
        Map<Long, UnitRef> units = rankedUnits();
        LongPredicate ranked = units::containsKey;
        Map<Long, List<Fact>> facts = new HashMap<>();
        units.keySet().forEach(id -> facts.put(id, new ArrayList<>()));

        ProgrammeSnapshot snapshot = snapshots.snapshot(programmeCode, asOf);
        ProgrammeStatus status = engine.evaluate(snapshot);
        Set<Long> demoTargets = demo.targetsWithDemoMeasurements(programmeCode, asOf);
        Set<Long> demoMilestones = demo.demoMilestones(programmeCode);
        Map<Long, TargetRow> rows = new HashMap<>();
        snapshot.targets().forEach(t -> rows.put(t.id(), t));

        SupervisionPolicy policy = status.policy();
        for (InitiativeStanding initiative : status.initiatives()) {
            for (TargetStatus t : initiative.targets()) {
                if (t.start().isAfter(to) || t.deadline().isBefore(from) || t.timeProgress() <= 0) {
                    continue;
                }
                LocalDate firstDue = policy.reportCycle().dueDate(policy.reportCycle().cycleStart(t.start()),
                        policy.reportDueDay());
                if (t.actual() == null && firstDue.isAfter(asOf)) {
                    continue; // nothing reported, and nothing owed yet: not assessed in this period
                }
                TargetRow row = rows.get(t.targetId());
                java.util.function.Function<Credit, Fact> fact = target(t, demoTargets.contains(t.targetId()));
                for (Credited c : Responsibility.ofTarget(row == null ? null : row.scopeUnitId(),
                        initiative.leadUnitId(), initiative.coUnitIds(), ranked)) {
                    facts.get(c.unitId()).add(fact.apply(c.credit()));
                }
            }
            for (MilestoneStatus m : initiative.milestones()) {
                if (m.dueDate().isBefore(from) || m.dueDate().isAfter(to)
                        || (m.completedOn() == null && !over && !m.dueDate().isBefore(asOf))) {
                    continue; // not in the period, or not due yet in a running one
                }
                Outcome outcome = m.completedOn() == null ? Outcome.MISSED : m.completedLate() ? Outcome.LATE : Outcome.ON_TIME;
                for (Credited c : Responsibility.ofInitiative(initiative.leadUnitId(), initiative.coUnitIds(), ranked)) {
                    facts.get(c.unitId()).add(new Fact("milestone:" + m.milestoneId(), FactKind.MILESTONE, c.credit(),
                            m.title(), initiative.number(), outcome, null, null, m.dueDate(), m.completedOn(), null,
                            demoMilestones.contains(m.milestoneId())));
                }
            }
        }
        for (Report r : reports(snapshot, status, ranked, from, to, asOf)) {
            if (r.state() == ReportBook.State.PENDING && !over) {
                continue; // not due yet in a running period
            }
            Outcome outcome = switch (r.state()) {
                case ON_TIME -> Outcome.ON_TIME;
                case LATE -> Outcome.LATE;
                case MISSED, PENDING -> Outcome.MISSED;
            };
            facts.get(r.unitId()).add(new Fact(r.key(), FactKind.REPORT, Credit.OWN, r.initiativeTitle(),
                    r.initiativeNumber(), outcome, null, null, r.due(),
                    r.submitted() == null ? null : r.submitted().atZone(CITY).toLocalDate(), r.cycle(),
                    r.targetIds().stream().anyMatch(demoTargets::contains)));
        }
        notices.facts(programmeCode, from, asOf, over, ranked).forEach((unit, list) -> facts.get(unit).addAll(list));
        ledgerReports.facts(from, to, asOf, over, ranked).forEach((unit, list) -> facts.get(unit).addAll(list));
        honours(programmeCode, status, rules, from, asOf, ranked, facts);
        Map<Long, Integer> numbers = new HashMap<>();
        Map<Long, String> titles = new HashMap<>();
        status.initiatives().forEach(i -> {
            numbers.put(i.initiativeId(), i.number());
            titles.put(i.initiativeId(), i.title());
        });
        for (Rating r : ratings.givenBetween(programmeCode, from, asOf)) {
            if (ranked.test(r.unitId())) {
                facts.get(r.unitId()).add(new Fact("rating:" + r.id(), FactKind.RATING, Credit.OWN,
                        titles.getOrDefault(r.initiativeId(), ""), numbers.get(r.initiativeId()), r.grade().outcome(),
                        null, null, null, r.ratedAt().atZone(CITY).toLocalDate(), r.cycle(), r.demo()));
            }
        }
        return new Collected(period, units, facts);
    }

    /** The progress reports due within {@code [from, to]} as they stood at the end of {@code asOf}. */
    public List<Report> reports(String programmeCode, LocalDate from, LocalDate to, LocalDate asOf) {
        ProgrammeSnapshot snapshot = snapshots.snapshot(programmeCode, asOf);
        ProgrammeStatus status = engine.evaluate(snapshot);
        Map<Long, UnitRef> units = rankedUnits();
        return reports(snapshot, status, units::containsKey, from, to, asOf);
    }

    private static List<Report> reports(ProgrammeSnapshot snapshot, ProgrammeStatus status, LongPredicate ranked,
            LocalDate from, LocalDate to, LocalDate asOf) {
        SupervisionPolicy policy = status.policy();
        ReportBook book = new ReportBook(policy.reportCycle(), policy.reportDueDay(), CITY);
        Map<Long, InitiativeStanding> initiatives = new HashMap<>();
        status.initiatives().forEach(i -> initiatives.put(i.initiativeId(), i));
        Map<Long, TargetStatus> statuses = new HashMap<>();
        status.targets().forEach(t -> statuses.put(t.targetId(), t));
        List<ReportBook.Duty> duties = new ArrayList<>();
        for (TargetRow t : snapshot.targets()) {
            InitiativeStanding initiative = initiatives.get(t.initiativeId());
            TargetStatus s = statuses.get(t.id());
            Long reporter = initiative == null || s == null ? null
                    : Responsibility.reporter(t.scopeUnitId(), initiative.leadUnitId(), ranked);
            if (reporter != null) {
                duties.add(new ReportBook.Duty(reporter, initiative.initiativeId(), initiative.number(),
                        initiative.title(), t.id(), s.start(), t.deadline()));
            }
        }
        List<ReportBook.Recorded> recorded = snapshot.measurements().stream()
                .map(m -> new ReportBook.Recorded(m.targetId(), m.recordedAt())).toList();
        return book.reports(duties, recorded, from, to, asOf);
    }

    /** A target's item, for whichever unit and credit it counts. */
    private static java.util.function.Function<Credit, Fact> target(TargetStatus t, boolean demo) {
        Outcome outcome;
        if (t.status() == Status.ACHIEVED || (t.progress() != null && t.progress() >= 1)) {
            outcome = Outcome.MET;
        } else if (t.actual() == null) {
            outcome = Outcome.NOT_REPORTED;
        } else if (t.progress() == null) {
            outcome = Outcome.NOT_MEASURABLE;
        } else {
            outcome = Outcome.PROGRESS;
        }
        return credit -> new Fact("target:" + t.code(), FactKind.TARGET, credit, t.name(), t.initiativeNumber(),
                outcome, t.progress(), t.timeProgress(), t.deadline(), t.actualAsOf(), null, demo);
    }

    private void honours(String programmeCode, ProgrammeStatus status, SchemeRules rules, LocalDate from,
            LocalDate asOf, LongPredicate ranked, Map<Long, List<Fact>> facts) {
        Programme programme = programmes.programme(programmeCode);
        Map<Long, InitiativeStanding> initiatives = new HashMap<>();
        status.initiatives().forEach(i -> initiatives.put(i.initiativeId(), i));
        for (Honour h : records.honours(programme)) {
            InitiativeStanding initiative = h.initiativeId() == null ? null : initiatives.get(h.initiativeId());
            if (initiative == null || !rules.honours().statuses().contains(h.status())
                    || h.date().start().isBefore(from) || h.date().start().isAfter(asOf)) {
                continue;
            }
            Outcome outcome = Outcome.valueOf("HONOUR_" + h.level().name());
            for (Credited c : Responsibility.ofInitiative(initiative.leadUnitId(), initiative.coUnitIds(), ranked)) {
                facts.get(c.unitId()).add(new Fact("honour:" + h.id(), FactKind.HONOUR, c.credit(), h.name(),
                        initiative.number(), outcome, null, null, null, h.date().start(), h.level().name(), false));
            }
        }
    }
}
