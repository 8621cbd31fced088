package org.gongjian.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gongjian.assessment.internal.RunService;
import org.gongjian.assessment.internal.RunStore;
import org.gongjian.assessment.internal.RunStore.Summary;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rankings (争先进位): league tables per peer group and period with movement and the best and worst movers,
 * scorecards explained item by item, rank history, and the month's ranking for the bulletin. A period
 * that is over is ranked once from the data as it stood at its end and kept, so that it reads the same
 * whenever it is asked for.
 */
@Service
public class Rankings {

    private final RunService runs;
    private final RunStore store;
    private final Appeals appeals;
    private final ProgrammeManagement programmes;
    private final Organisation organisation;
    private final Accounts accounts;
    private final AuditLog audit;

    Rankings(RunService runs, RunStore store, Appeals appeals, ProgrammeManagement programmes, Organisation organisation,
            Accounts accounts, AuditLog audit) {
        this.runs = runs;
        this.store = store;
        this.appeals = appeals;
        this.programmes = programmes;
        this.organisation = organisation;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Every ranked unit's score for a period. */
    public Ranking ranking(String programmeCode, Period period) {
        return runs.ranking(programmeCode, period);
    }

    /** The periods of a kind that a programme can be ranked for: within it and begun, newest first. */
    public List<Period> periods(String programmeCode, PeriodKind kind) {
        Programme programme = programmes.programme(programmeCode);
        LocalDate last = programme.endDate().isBefore(runs.today()) ? programme.endDate() : runs.today();
        if (last.isBefore(programme.startDate())) {
            return List.of();
        }
        List<Period> periods = new ArrayList<>(Period.between(kind, programme.startDate(), last));
        Collections.reverse(periods);
        return periods;
    }

    /** The period a page opens on: the latest one that is over, else the running one. */
    public Period latestPeriod(String programmeCode, PeriodKind kind) {
        List<Period> periods = periods(programmeCode, kind);
        if (periods.isEmpty()) {
            throw new InvalidInputException("period", "error.assessment.programme-not-started", programmeCode);
        }
        return periods.stream().filter(runs::closed).findFirst().orElse(periods.get(0));
    }

    public LeagueTable league(String programmeCode, Period period, PeerGroup group) {
        Ranking ranking = runs.ranking(programmeCode, period);
        Period previous = previous(programmeCode, period);
        return league(ranking, previous, before(programmeCode, previous), group);
    }

    private Map<Long, Summary> before(String programmeCode, @Nullable Period previous) {
        return previous == null ? Map.of() : runs.summaries(programmeCode, previous);
    }

    /** One peer group's table of a ranking, with each unit's movement since {@code previous}. */
    private static LeagueTable league(Ranking ranking, @Nullable Period previous, Map<Long, Summary> before,
            PeerGroup group) {
        String programmeCode = ranking.programmeCode();
        Period period = ranking.period();
        List<LeagueTable.Row> rows = new ArrayList<>();
        List<UnitRef> unranked = new ArrayList<>();
        boolean demo = false;
        for (Ranking.Entry e : ranking.group(group)) {
            boolean itemsDemo = e.score().components().stream().flatMap(c -> c.items().stream()).anyMatch(i -> i.fact().demo());
            demo |= itemsDemo;
            if (e.rank() == null) {
                unranked.add(e.unit());
                continue;
            }
            Summary was = before.get(e.unit().id());
            Integer previousRank = was == null ? null : was.rank();
            Map<Component, BigDecimal> components = new EnumMap<>(Component.class);
            e.score().components().stream().filter(ComponentScore::applicable)
                    .forEach(c -> components.put(c.component(), c.points().setScale(2, java.math.RoundingMode.HALF_UP)));
            rows.add(new LeagueTable.Row(e.rank(), e.unit(), e.score().total(), components, previousRank,
                    previousRank == null ? null : previousRank - e.rank(), itemsDemo));
        }
        return new LeagueTable(programmeCode, period, group, ranking.provisional(), ranking.version(),
                ranking.computedAt(), ranking.scheme(), previous, rows, unranked, movers(rows, true), movers(rows, false),
                demo);
    }

    private static List<LeagueTable.Row> movers(List<LeagueTable.Row> rows, boolean up) {
        int best = 0;
        for (LeagueTable.Row r : rows) {
            if (r.movement() != null && (up ? r.movement() > best : r.movement() < best)) {
                best = r.movement();
            }
        }
        int extreme = best;
        return extreme == 0 ? List.of()
                : rows.stream().filter(r -> r.movement() != null && r.movement() == extreme).toList();
    }

    public Scorecard scorecard(String programmeCode, String unitCode, Period period) {
        Unit unit = organisation.unit(unitCode);
        Ranking ranking = runs.ranking(programmeCode, period);
        Ranking.Entry entry = ranking.unit(unit.id())
                .orElseThrow(() -> new NotFoundException("error.assessment.unit-not-ranked", unitCode));
        Period previous = previous(programmeCode, period);
        Summary was = previous == null ? null : runs.summaries(programmeCode, previous).get(unit.id());
        List<Scorecard.Revision> revisions = new ArrayList<>();
        List<RunStore.Run> versions = store.versions(programmeCode, period.code());
        List<Summary> history = store.unitHistory(programmeCode, period.code(), unit.id());
        for (int i = 0; i < versions.size() && i < history.size(); i++) {
            RunStore.Run v = versions.get(i);
            revisions.add(new Scorecard.Revision(v.version(), v.computedAt(), v.reason(), history.get(i).total(),
                    history.get(i).rank()));
        }
        LocalDate deadline = appealDeadline(programmeCode, period);
        return new Scorecard(programmeCode, period, entry.unit(), ranking.provisional(), ranking.version(),
                ranking.computedAt(), ranking.scheme(), entry.rank(), ranking.rankedIn(entry.unit().group()),
                was == null ? null : was.rank(), entry.score(),
                appeals.list(programmeCode, period.code(), unit.id(), null), deadline,
                deadline != null && !runs.today().isAfter(deadline), revisions);
    }

    /** The last day a period's ranking may be appealed; null while it is provisional. */
    public @Nullable LocalDate appealDeadline(String programmeCode, Period period) {
        return appeals.deadline(programmeCode, period);
    }

    /** Ranks and totals of some units of a group over the periods of a kind up to {@code upTo}. */
    public RankHistory history(String programmeCode, PeerGroup group, Period upTo, List<String> unitCodes) {
        List<Period> periods = new ArrayList<>(periods(programmeCode, upTo.kind()).stream()
                .filter(p -> !p.end().isAfter(upTo.end())).toList());
        Collections.reverse(periods);
        List<Unit> units = unitCodes.stream().distinct().map(organisation::unit).toList();
        for (Unit u : units) {
            if (PeerGroup.of(u.kind()).orElse(null) != group) {
                throw new InvalidInputException("units", "error.assessment.unit-not-in-group", u.code(), group.code());
            }
        }
        List<List<Integer>> ranks = new ArrayList<>();
        List<List<BigDecimal>> totals = new ArrayList<>();
        units.forEach(u -> {
            ranks.add(new ArrayList<>());
            totals.add(new ArrayList<>());
        });
        for (Period p : periods) {
            Map<Long, Summary> summaries = runs.summaries(programmeCode, p);
            for (int i = 0; i < units.size(); i++) {
                Summary s = summaries.get(units.get(i).id());
                boolean inGroup = s != null && s.group() == group;
                ranks.get(i).add(inGroup ? s.rank() : null);
                totals.get(i).add(inGroup && s.rank() != null ? s.total() : null);
            }
        }
        List<RankHistory.Line> lines = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            lines.add(new RankHistory.Line(new UnitRef(u.id(), u.code(), u.shortName(), u.nameEn(), group),
                    ranks.get(i), totals.get(i)));
        }
        return new RankHistory(group, upTo.kind(), periods, lines);
    }

    /**
     * The month's ranking as the monthly bulletin prints it, for both peer groups. Reporting calls this for
     * its 进度排名 section. It runs in a transaction of its own, as a closed month's table is stored the
     * first time it is asked for, even from a reader's read-only transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public BulletinRanking bulletin(String programmeCode, YearMonth month) {
        Period period = Period.month(month);
        // one ranking and one previous month for both groups: a running month's ranking is computed, not read
        Ranking ranking = runs.ranking(programmeCode, period);
        Period previous = previous(programmeCode, period);
        Map<Long, Summary> before = before(programmeCode, previous);
        List<BulletinRanking.Group> groups = new ArrayList<>();
        LeagueTable first = null;
        for (PeerGroup group : PeerGroup.values()) {
            LeagueTable table = league(ranking, previous, before, group);
            first = first == null ? table : first;
            List<BulletinRanking.Line> lines = table.rows().stream().map(Rankings::line).toList();
            // the first and last three, with every unit tied with the third (同分并列)
            int topRank = lines.isEmpty() ? 0 : lines.get(Math.min(3, lines.size()) - 1).rank();
            int bottomRank = lines.size() <= 3 ? Integer.MAX_VALUE : lines.get(lines.size() - 3).rank();
            List<BulletinRanking.Line> top = lines.stream().filter(l -> l.rank() <= topRank).toList();
            List<BulletinRanking.Line> bottom = lines.stream().filter(l -> l.rank() >= bottomRank).toList();
            groups.add(new BulletinRanking.Group(group, top, bottom,
                    table.bestMovers().stream().map(Rankings::line).toList(),
                    table.worstMovers().stream().map(Rankings::line).toList(), lines, table.unranked()));
        }
        return new BulletinRanking(programmeCode, period, first.provisional(), first.version(), first.scheme().name(),
                groups);
    }

    private static BulletinRanking.Line line(LeagueTable.Row r) {
        return new BulletinRanking.Line(r.rank(), r.unit(), r.total().setScale(2, java.math.RoundingMode.HALF_UP),
                r.movement());
    }

    /**
     * Recomputes a stored period from the data, with upheld appeals applied, as a new version: for the
     * office, after it corrected data the period rested on. The reason is kept with the version.
     */
    @Transactional
    public Ranking recompute(String programmeCode, Period period, String reason) {
        if (!accounts.current().can(Permissions.ASSESSMENT_MANAGE)) {
            audit.denied("ranking", programmeCode + "/" + period.code(), "programme office only");
            throw new AccessDeniedException("error.access-denied");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidInputException("reason", "error.assessment.reason-required");
        }
        runs.check(programmeCode, period);
        if (!runs.closed(period)) {
            throw new InvalidInputException("period", "error.assessment.period-open", period.code());
        }
        runs.ranking(programmeCode, period);
        Ranking revised = runs.revise(programmeCode, period, "改革办重新计算：" + reason.trim(), null, true);
        audit.created("ranking-version", programmeCode + "/" + period.code() + "/v" + revised.version(),
                java.util.Map.of("reason", reason.trim()));
        return revised;
    }

    private @Nullable Period previous(String programmeCode, Period period) {
        Period previous = period.previous();
        return previous.end().isBefore(programmes.programme(programmeCode).startDate()) ? null : previous;
    }
}
