package org.gongjian.programme;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the Kaiping demo a year of reported progress, so that rankings have something to rank: on the
 * first start after the demo programme was seeded, and only then, it adds for each of the 16 town-level
 * units its own share of two city-wide tasks (rural roads under initiative 1, bank credit under
 * initiative 4; their figures come from the roads and pairing ledgers), monthly measurements of the departments' targets, and
 * quarterly nodes of the departments' initiatives. Everything is generated from a fixed seed, so every
 * installation gets the same demo; measurements carry {@code demo = true} and milestones the demo flag,
 * and the units' habits (pace, punctuality) differ so that league tables move from month to month. The
 * article's own facts are left as they are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoProgressLoader implements ApplicationRunner {

    static final String PROGRAMME = "kaiping-2024";
    static final String MARKER = "kaiping-2024/progress";
    private static final long SEED = 20240101L;
    private static final ZoneId CITY = ProgrammeSnapshots.CITY;
    private static final String NOTE = "演示数据：由演示进展生成器按固定种子生成，非单位实际填报";
    private static final Logger log = LoggerFactory.getLogger(DemoProgressLoader.class);

    /** Monthly values (as of each month's end) of the article's targets, consistent with its facts. */
    private static final Map<String, String[]> DEPARTMENT_SERIES = new LinkedHashMap<>();

    static {
        // fed by the roads ledger (roads.demo-roads-open): no invented progress, the random draws kept as they were
        DEPARTMENT_SERIES.put("roads.demo-roads", new String[12]);
        // fed by the industry ledger (industry.layout-built.lowalt-2030.park): no invented progress, draws kept
        DEPARTMENT_SERIES.put("lowalt.parks", new String[12]);
        // fed by the key-projects ledger (projects.*@hydrogen.base): no invented progress
        DEPARTMENT_SERIES.put("hydrogen.area", new String[12]);
        DEPARTMENT_SERIES.put("hydrogen.investment", new String[12]);
        // fed by the pairing ledger (finance.pairs-active), its 2024 month-ends included: no invented progress, draws kept
        DEPARTMENT_SERIES.put("finance.pairs", new String[12]);
        // fed by the industry ledger (industry.output.food, industry.firms-above.food.*): no invented progress
        DEPARTMENT_SERIES.put("food.scale", new String[12]);
        DEPARTMENT_SERIES.put("food.firms-2bn", new String[12]);
        DEPARTMENT_SERIES.put("food.firms-1bn", new String[12]);
        DEPARTMENT_SERIES.put("gep.towns-accounted", new String[] {"0", "0", "0", "0", "1", "1", "1", "2", "2", "2", "2", "2"});
    }

    private final ProgrammeManagement programmes;
    private final TargetRepository targets;
    private final MilestoneRepository milestones;
    private final MeasurementStore measurements;
    private final Organisation organisation;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    DemoProgressLoader(ProgrammeManagement programmes, TargetRepository targets, MilestoneRepository milestones,
            MeasurementStore measurements, Organisation organisation, AuditLog audit, JdbcClient jdbc,
            TransactionTemplate tx, Clock clock, @Value("${gongjian.demo.enabled:true}") boolean demo,
            @Value("${gongjian.demo.progress.enabled:true}") boolean progress) {
        this.programmes = programmes;
        this.targets = targets;
        this.milestones = milestones;
        this.measurements = measurements;
        this.organisation = organisation;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.enabled = demo && progress;
    }

    /** A unit's habits: how fast it moves against time, how often it reports on time, and its month-to-month drift. */
    private record Habits(double pace, double punctuality, double[] drift) {

        static Habits draw(Random random) {
            double pace = 0.55 + random.nextDouble() * 0.6;
            double punctuality = 0.45 + random.nextDouble() * 0.5;
            double[] drift = new double[13];
            double d = 1;
            for (int m = 1; m <= 12; m++) {
                d = Math.max(0.6, Math.min(1.4, d + (random.nextDouble() - 0.5) * 0.3));
                drift[m] = d;
            }
            return new Habits(pace, punctuality, drift);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Map<String, Integer> counts = tx.execute(status -> {
            boolean seeded = jdbc.sql("select count(*) from programme_seed where code = :code").param("code", PROGRAMME)
                    .query(Long.class).single() > 0;
            boolean done = jdbc.sql("select count(*) from programme_seed where code = :code").param("code", MARKER)
                    .query(Long.class).single() > 0;
            boolean present = jdbc.sql("select count(*) from programme where code = :code").param("code", PROGRAMME)
                    .query(Long.class).single() > 0;
            if (!seeded || done || !present) {
                return null;
            }
            try {
                jdbc.sql("insert into programme_seed (code, loaded_at) values (:code, :at)")
                        .param("code", MARKER).param("at", Timestamp.from(Instant.now(clock))).update();
            } catch (DuplicateKeyException raced) {
                return null;
            }
            Map<String, Integer> loaded = load(programmes.programme(PROGRAMME));
            audit.created("demo-progress", PROGRAMME, loaded);
            return loaded;
        });
        if (counts != null) {
            log.info("First start: demo progress for {} added: {}", PROGRAMME, counts);
        }
    }

    private Map<String, Integer> load(Programme programme) {
        Random random = new Random(SEED);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("targets", 0);
        counts.put("measurements", 0);
        counts.put("milestones", 0);
        List<Unit> towns = new ArrayList<>(organisation.townLevelUnits());
        towns.sort(Comparator.comparing(Unit::code));
        Initiative roads = programmes.initiative(programme, 1);
        Initiative credit = programmes.initiative(programme, 4);
        Map<Long, Habits> habits = new HashMap<>();
        for (Unit town : towns) {
            Habits h = Habits.draw(random);
            habits.put(town.id(), h);
            BigDecimal km = BigDecimal.valueOf(10L + 5L * random.nextInt(9));
            Target roadsTarget = newTarget(roads, "demo.roads." + town.code(), town.shortName() + "农村公路提质改造",
                    UnitOfMeasure.KILOMETRES, km, LocalDate.of(2024, 1, 1), town, counts, "roads.renovated-km");
            // fed by the roads ledger (roads.renovated-km): no invented progress, the random draws kept as they were
            series(roadsTarget, new BigDecimal[13], h, random, counts);
            BigDecimal yuan = BigDecimal.valueOf(200_000_000L + 50_000_000L * random.nextInt(13));
            Target creditTarget = newTarget(credit, "demo.credit." + town.code(), town.shortName() + "银团授信",
                    UnitOfMeasure.YUAN, yuan, credit.startDate(), town, counts, "finance.credit-granted");
            // fed by the pairing ledger (finance.credit-granted), its 2024 month-ends included (ADR 0160): no invented
            // progress, the random draws kept as they were
            series(creditTarget, new BigDecimal[13], h, random, counts);
        }
        Map<String, Target> byCode = new HashMap<>();
        targets.findByProgrammeIdOrderByInitiativeIdAscPositionAsc(programme.id()).forEach(t -> byCode.put(t.code(), t));
        for (Map.Entry<String, String[]> entry : DEPARTMENT_SERIES.entrySet()) {
            Target target = byCode.get(entry.getKey());
            if (target == null) {
                continue;
            }
            long reporter = target.scopeUnitId() != null ? target.scopeUnitId()
                    : programmes.initiative(target.initiativeId()).leadUnitId();
            Habits h = habits.computeIfAbsent(reporter, id -> Habits.draw(random));
            series(target, fixed(entry.getValue()), h, random, counts);
        }
        for (Initiative initiative : programmes.initiatives(programme)) {
            Unit lead = organisation.unit(initiative.leadUnitId());
            if (lead.kind() == org.gongjian.organisation.UnitKind.DEPARTMENT) {
                nodes(programme, initiative, habits.computeIfAbsent(lead.id(), id -> Habits.draw(random)), random, counts);
            }
        }
        return counts;
    }

    private Target newTarget(Initiative initiative, String code, String name, UnitOfMeasure unit, BigDecimal goal,
            LocalDate start, Unit town, Map<String, Integer> counts, @Nullable String indicator) {
        TargetData data = new TargetData(code, name, unit, Direction.UP, BigDecimal.ZERO, start, goal, null,
                Qualifier.EXACT, LocalDate.of(2024, 12, 31), false, indicator, town.code(), NOTE, List.of());
        int position = targets.findByInitiativeIdOrderByPosition(initiative.id()).size();
        Target saved = targets.save(Target.create(initiative.programmeId(), initiative.id(), position, data, town.id()));
        counts.merge("targets", 1, Integer::sum);
        return saved;
    }

    private static BigDecimal[] fixed(String[] monthly) {
        BigDecimal[] values = new BigDecimal[13];
        for (int m = 1; m <= 12; m++) {
            values[m] = monthly[m - 1] == null ? null : new BigDecimal(monthly[m - 1]);
        }
        return values;
    }

    /**
     * One report a month by the unit's habits: on time (from two days before the month's end to the 5th of
     * the next month), late (the 6th to the 24th) or not at all; the value as of the month's end.
     */
    private void series(Target target, @Nullable BigDecimal[] values, Habits h, Random random, Map<String, Integer> counts) {
        LocalDate today = LocalDate.now(clock);
        for (int m = 1; m <= 12; m++) {
            double draw = random.nextDouble();
            int lateDay = 6 + random.nextInt(19);
            int onTimeOffset = random.nextInt(8) - 2;
            int minute = random.nextInt(9 * 60);
            BigDecimal value = values[m];
            if (value == null) {
                continue;
            }
            LocalDate monthEnd = YearMonth.of(2024, m).atEndOfMonth();
            LocalDate recorded;
            if (draw < h.punctuality()) {
                recorded = monthEnd.plusDays(onTimeOffset);
            } else if (draw < h.punctuality() + (1 - h.punctuality()) * 0.6) {
                recorded = monthEnd.withDayOfMonth(1).plusMonths(1).withDayOfMonth(lateDay);
            } else {
                continue;
            }
            LocalDate asOf = recorded.isBefore(monthEnd) ? recorded : monthEnd;
            if (recorded.isAfter(today) || (target.baselineDate() != null && asOf.isBefore(target.baselineDate()))) {
                continue;
            }
            Instant at = recorded.atTime(9, 0).plusMinutes(minute).atZone(CITY).toInstant();
            measurements.insert(new MeasurementStore.NewRow(target.id(), value, asOf, MeasurementSource.MANUAL, null,
                    NOTE, "demo", at, null, true));
            counts.merge("measurements", 1, Integer::sum);
        }
    }

    /** Quarterly nodes of a department's initiative in 2024, completed on time, late or not, by its habits. */
    private void nodes(Programme programme, Initiative initiative, Habits h, Random random, Map<String, Integer> counts) {
        LocalDate today = LocalDate.now(clock);
        String[] quarters = {"一", "二", "三", "四"};
        for (int q = 1; q <= 4; q++) {
            LocalDate quarterEnd = YearMonth.of(2024, q * 3).atEndOfMonth();
            LocalDate due = q == 4 ? LocalDate.of(2024, 12, 20) : quarterEnd;
            if (due.isBefore(initiative.startDate().plusDays(20)) || due.isAfter(initiative.endDate())) {
                continue;
            }
            double draw = random.nextDouble();
            int early = random.nextInt(12);
            int late = 3 + random.nextInt(18);
            LocalDate completed = draw < h.punctuality() ? due.minusDays(early)
                    : draw < h.punctuality() + (1 - h.punctuality()) * 0.5 ? due.plusDays(late) : null;
            if (completed != null && completed.isAfter(today)) {
                completed = null;
            }
            LocalDate started = due.minusDays(45).isBefore(initiative.startDate()) ? initiative.startDate() : due.minusDays(45);
            MilestoneData data = new MilestoneData("（演示）2024年第" + quarters[q - 1] + "季度推进节点", due, false,
                    started.isAfter(today) ? null : started, completed, NOTE);
            Milestone saved = milestones.save(Milestone.create(programme.id(), initiative.id(), data));
            jdbc.sql("update programme_milestone set demo = true where id = :id").param("id", saved.id()).update();
            counts.merge("milestones", 1, Integer::sum);
        }
    }
}
