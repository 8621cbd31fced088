package org.gongjian.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.assessment.Adjustment;
import org.gongjian.assessment.Fact;
import org.gongjian.assessment.ItemScore;
import org.gongjian.assessment.PeerGroup;
import org.gongjian.assessment.Period;
import org.gongjian.assessment.Ranking;
import org.gongjian.assessment.SchemeRules;
import org.gongjian.assessment.ScoringScheme;
import org.gongjian.assessment.ScoringSchemes;
import org.gongjian.assessment.UnitRef;
import org.gongjian.assessment.UnitScore;
import org.gongjian.assessment.internal.RunStore.Run;
import org.gongjian.assessment.internal.RunStore.Summary;
import org.gongjian.assessment.scoring.Ranker;
import org.gongjian.assessment.scoring.Scorer;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes and keeps rankings. A period that is over is computed once from the data as it stood at its
 * end and stored; later readers get the stored version, and a re-score (an upheld appeal, the office's
 * recomputation) adds a version. A period still running is computed afresh and marked provisional.
 */
@Component
public class RunService {

    static final String CLOSED = "期末生成";

    private final ProgrammeManagement programmes;
    private final ScoringSchemes schemes;
    private final FactCollector collector;
    private final RunStore runs;
    private final AppealStore appeals;
    private final Organisation organisation;
    private final Accounts accounts;
    private final Clock clock;
    private final TransactionTemplate separate;

    RunService(ProgrammeManagement programmes, ScoringSchemes schemes, FactCollector collector, RunStore runs,
            AppealStore appeals, Organisation organisation, Accounts accounts, Clock clock,
            PlatformTransactionManager transactions) {
        this.programmes = programmes;
        this.schemes = schemes;
        this.collector = collector;
        this.runs = runs;
        this.appeals = appeals;
        this.organisation = organisation;
        this.accounts = accounts;
        this.clock = clock;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether the period is over, so that its ranking is stored and may be appealed. */
    public boolean closed(Period period) {
        return period.end().isBefore(today());
    }

    /** The programme, if the period lies within it and has begun; else a clear refusal naming {@code period}. */
    public Programme check(String programmeCode, Period period) {
        Programme programme = programmes.programme(programmeCode);
        if (period.end().isBefore(programme.startDate()) || period.start().isAfter(programme.endDate())) {
            throw new InvalidInputException("period", "error.assessment.period-outside", period.code(),
                    programme.startDate(), programme.endDate());
        }
        if (period.start().isAfter(today())) {
            throw new InvalidInputException("period", "error.assessment.period-future", period.code());
        }
        return programme;
    }

    /** A period's ranking: the latest stored version once the period is over (stored now if need be), else live. */
    public Ranking ranking(String programmeCode, Period period) {
        check(programmeCode, period);
        if (!closed(period)) {
            return live(programmeCode, period);
        }
        return runs.latest(programmeCode, period.code()).map(this::read)
                .orElseGet(() -> store(programmeCode, period, CLOSED, null, true));
    }

    /** Each unit's rank and total in a period, without the breakdowns. */
    public Map<Long, Summary> summaries(String programmeCode, Period period) {
        check(programmeCode, period);
        if (closed(period)) {
            Run run = runs.latest(programmeCode, period.code()).orElse(null);
            if (run == null) {
                ranking(programmeCode, period);
                run = runs.latest(programmeCode, period.code()).orElseThrow();
            }
            return runs.summaries(run.id());
        }
        Map<Long, Summary> summaries = new HashMap<>();
        for (Ranking.Entry e : live(programmeCode, period).entries()) {
            summaries.put(e.unit().id(), new Summary(e.unit().id(), e.unit().group(), e.rank(), e.score().total()));
        }
        return summaries;
    }

    /** Computes a period's ranking from the data as it stood at its end, with upheld appeals applied; not stored. */
    public Ranking live(String programmeCode, Period period) {
        ScoringScheme scheme = schemes.inForce(programmeCode, period.end());
        FactCollector.Collected collected = collector.collect(programmeCode, period, scheme.rules());
        List<Ranking.Entry> entries = score(collected.units(), collected.facts(), scheme.rules(),
                appeals.adjustments(programmeCode, period.code()));
        return new Ranking(programmeCode, period, !closed(period), 0, null, null, scheme, entries);
    }

    /**
     * Adds a version: re-scored from the facts of the latest version with every upheld appeal applied
     * (an appeal), or recomputed from the data (the office, after correcting data).
     */
    public Ranking revise(String programmeCode, Period period, String reason, @Nullable Long appealId,
            boolean fromData) {
        Run latest = runs.latest(programmeCode, period.code())
                .orElseThrow(() -> new InvalidInputException("period", "error.assessment.not-stored", period.code()));
        if (fromData) {
            return store(programmeCode, period, reason, appealId, false);
        }
        ScoringScheme scheme = schemes.scheme(latest.schemeId());
        Map<Long, UnitRef> units = new HashMap<>();
        Map<Long, List<Fact>> facts = new HashMap<>();
        Map<Long, UnitRef> known = collector.rankedUnits();
        for (RunStore.Entry e : runs.entries(latest.id())) {
            units.put(e.unitId(), unit(known, e.unitId(), e.group()));
            List<Fact> list = new ArrayList<>();
            e.card().components().forEach(c -> c.items().stream().map(ItemScore::fact).forEach(list::add));
            facts.put(e.unitId(), list);
        }
        List<Ranking.Entry> entries = score(units, facts, scheme.rules(), appeals.adjustments(programmeCode, period.code()));
        return save(programmeCode, period, scheme, entries, reason, appealId, latest.version() + 1, false);
    }

    private Ranking store(String programmeCode, Period period, String reason, @Nullable Long appealId, boolean first) {
        Ranking computed = live(programmeCode, period);
        int version = first ? 1 : runs.latest(programmeCode, period.code()).map(r -> r.version() + 1).orElse(1);
        try {
            return save(programmeCode, period, computed.scheme(), computed.entries(), reason, appealId, version, first);
        } catch (DuplicateKeyException raced) {
            return runs.latest(programmeCode, period.code()).map(this::read).orElseThrow(() -> raced);
        }
    }

    private Ranking save(String programmeCode, Period period, ScoringScheme scheme, List<Ranking.Entry> entries,
            String reason, @Nullable Long appealId, int version, boolean ownTransaction) {
        Instant now = Instant.now(clock);
        String by = accounts.current().username();
        List<RunStore.Entry> rows = entries.stream()
                .map(e -> new RunStore.Entry(e.unit().id(), e.unit().group(), e.rank(), e.score())).toList();
        // a first store may happen while reading (even in a read-only transaction): it commits on its own;
        // a revision belongs to the decision that caused it
        Run run = ownTransaction
                ? separate.execute(status -> runs.insert(programmeCode, period.code(), version, scheme.id(), now, by,
                        reason, appealId, rows))
                : runs.insert(programmeCode, period.code(), version, scheme.id(), now, by, reason, appealId, rows);
        return new Ranking(programmeCode, period, false, java.util.Objects.requireNonNull(run).version(), now, reason,
                scheme, entries);
    }

    private Ranking read(Run run) {
        Map<Long, UnitRef> known = collector.rankedUnits();
        List<Ranking.Entry> entries = runs.entries(run.id()).stream()
                .map(e -> new Ranking.Entry(unit(known, e.unitId(), e.group()), e.rank(), e.card())).toList();
        return new Ranking(run.programmeCode(), Period.parse(run.period()), false, run.version(), run.computedAt(),
                run.reason(), schemes.scheme(run.schemeId()), entries);
    }

    private UnitRef unit(Map<Long, UnitRef> known, long id, PeerGroup group) {
        UnitRef ref = known.get(id);
        if (ref != null) {
            return ref;
        }
        Unit unit = organisation.unit(id);
        return new UnitRef(id, unit.code(), unit.shortName(), unit.nameEn(), group);
    }

    /** Scores every unit and ranks each peer group. */
    static List<Ranking.Entry> score(Map<Long, UnitRef> units, Map<Long, List<Fact>> facts, SchemeRules rules,
            Map<Long, Map<String, Adjustment>> adjustments) {
        Scorer scorer = new Scorer(rules);
        Ranker ranker = new Ranker(rules.tieBreak());
        Map<PeerGroup, List<UnitScore>> byGroup = new HashMap<>();
        for (UnitRef unit : units.values()) {
            UnitScore score = scorer.score(unit.id(), facts.getOrDefault(unit.id(), List.of()),
                    adjustments.getOrDefault(unit.id(), Map.of()));
            byGroup.computeIfAbsent(unit.group(), g -> new ArrayList<>()).add(score);
        }
        List<Ranking.Entry> entries = new ArrayList<>();
        for (Map.Entry<PeerGroup, List<UnitScore>> group : byGroup.entrySet()) {
            Map<Long, Integer> ranks = ranker.rank(group.getValue());
            for (UnitScore score : group.getValue()) {
                entries.add(new Ranking.Entry(units.get(score.unitId()), ranks.get(score.unitId()), score));
            }
        }
        entries.sort(java.util.Comparator.comparing((Ranking.Entry e) -> e.unit().group())
                .thenComparing(e -> e.rank() == null ? Integer.MAX_VALUE : e.rank())
                .thenComparing(e -> e.unit().code()));
        return entries;
    }
}
