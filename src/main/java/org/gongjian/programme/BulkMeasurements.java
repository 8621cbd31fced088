package org.gongjian.programme;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Permissions;
import org.gongjian.shared.Figures;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a batch of measurements (tens of thousands from one spreadsheet) in one transaction: every row
 * is checked first, within the actor's data scope and for plausibility beside the target's last figure (the
 * database's, or an earlier-dated row of the same file): an implausible row needs the row's confirmation and
 * reason, as the report form does (ADR 0026); then all rows are inserted with JDBC batches, or none.
 * One audit entry sums up the batch, and supervision hears of each target's newest value once.
 */
@Service
public class BulkMeasurements {

    /** Rows per insert statement, and statements per JDBC batch: a thousand rows a round trip, 900 parameters. */
    private static final int ROWS_PER_STATEMENT = 100;
    private static final int STATEMENTS_PER_BATCH = 10;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The SQL types of a row's values, so that a null note needs no look-up of the parameter's type. */
    private static final int[] TYPES = {Types.BIGINT, Types.NUMERIC, Types.DATE, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.BOOLEAN, Types.VARCHAR, Types.VARCHAR};
    static final int MAX_NOTE = 2000;

    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final Guard guard;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final MeasurementStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BulkMeasurements(ProgrammeManagement programmes, TargetManagement targets, Guard guard, AuditLog audit,
            JdbcTemplate jdbc, MeasurementStore store, ApplicationEventPublisher events, Clock clock) {
        this.programmes = programmes;
        this.targets = targets;
        this.guard = guard;
        this.audit = audit;
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks every row and throws with a violation per bad row (field {@code rows[i].…}), writing nothing;
     * else inserts them all and returns how many.
     */
    @Transactional
    public int record(String programmeCode, MeasurementBatch batch) {
        Prepared prepared = prepare(programmeCode, batch);
        if (prepared.denied() > 0) {
            audit.denied("measurement-import", programmeCode + "/" + batch.sourceRef(),
                    prepared.denied() + " rows for initiatives the unit is not responsible for");
        }
        if (!prepared.violations().isEmpty()) {
            throw new InvalidInputException(prepared.violations());
        }
        // Every row is valid here, so rows and batch rows share their indexes. Each target's newest row is
        // inserted last and on its own, for the id supervision hears of; the others go in bulk.
        List<Object[]> rows = prepared.rows();
        Set<Integer> newest = new HashSet<>(prepared.newest().values());
        List<Object[]> bulk = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (!newest.contains(i)) {
                bulk.add(rows.get(i));
            }
        }
        int whole = bulk.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        insert(bulk.subList(0, whole), ROWS_PER_STATEMENT);
        insert(bulk.subList(whole, bulk.size()), bulk.size() - whole);
        store.refreshDays(prepared.newest().keySet());
        Actor actor = guard.actor();
        for (Map.Entry<Long, Integer> e : prepared.newest().entrySet()) {
            Target t = targets.target(e.getKey());
            MeasurementBatch.Row row = batch.rows().get(e.getValue());
            Object[] values = rows.get(e.getValue());
            long id = store.insert(new MeasurementStore.NewRow(t.id(), row.value(), row.asOf(), MeasurementSource.IMPORT,
                    batch.sourceRef(), row.note(), actor.username(), prepared.recordedAt().toInstant(), null, false,
                    (String) values[9], values[10] == null ? null : Plausibility.valueOf((String) values[10]), false));
            events.publishEvent(new MeasurementRecorded(programmeCode, t.code(), t.id(), id, row.value(), row.asOf(),
                    MeasurementSource.IMPORT));
        }
        audit.created("measurement-import", programmeCode + "/" + batch.sourceRef(),
                Map.of("rows", rows.size(), "targets", prepared.newest().size(), "source", batch.sourceRef()));
        return rows.size();
    }

    /**
     * Inserts rows with statements of {@code perStatement} rows each ({@code values (…), (…), …}), sent in JDBC
     * batches: PostgreSQL then parses and plans once per hundred rows instead of once per row, without relying
     * on the driver's reWriteBatchedInserts setting; H2 takes them as it takes single rows.
     */
    private void insert(List<Object[]> rows, int perStatement) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "insert into programme_measurement (target_id, measured_value, as_of, source, source_ref, note, "
                + "reporter, recorded_at, demo, reason, plausibility) values " + String.join(", ", Collections.nCopies(perStatement, ROW));
        int[] types = new int[perStatement * TYPES.length];
        for (int j = 0; j < perStatement; j++) {
            System.arraycopy(TYPES, 0, types, j * TYPES.length, TYPES.length);
        }
        List<Object[]> statements = new ArrayList<>(STATEMENTS_PER_BATCH);
        for (int from = 0; from < rows.size(); from += perStatement) {
            Object[] args = new Object[perStatement * TYPES.length];
            for (int j = 0; j < perStatement; j++) {
                System.arraycopy(rows.get(from + j), 0, args, j * TYPES.length, TYPES.length);
            }
            statements.add(args);
            if (statements.size() == STATEMENTS_PER_BATCH || from + perStatement >= rows.size()) {
                jdbc.batchUpdate(sql, statements, types);
                statements.clear();
            }
        }
    }

    /** Checks the rows as {@link #record} would, writing nothing: the violations, one per bad row field. */
    public List<Violation> check(String programmeCode, MeasurementBatch batch) {
        return prepare(programmeCode, batch).violations();
    }

    private record Prepared(List<Object[]> rows, List<Violation> violations, Map<Long, Integer> newest, int denied,
            Timestamp recordedAt) {
    }

    private Prepared prepare(String programmeCode, MeasurementBatch batch) {
        Programme programme = programmes.programme(programmeCode);
        Actor actor = guard.actor();
        if (!actor.can(Permissions.MEASUREMENT_CREATE)) {
            guard.requireOffice("measurement-import", programmeCode);
        }
        Map<String, Target> byCode = new HashMap<>();
        targets.targets(programme).forEach(t -> byCode.put(t.code(), t));
        Map<Long, Boolean> allowed = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        List<Violation> violations = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>(batch.rows().size());
        Instant now = Instant.now(clock);
        Timestamp recordedAt = Timestamp.from(now);
        Map<Long, Integer> newest = new HashMap<>();
        Map<Long, Known> figures = new HashMap<>();
        int denied = 0;
        for (int i = 0; i < batch.rows().size(); i++) {
            MeasurementBatch.Row row = batch.rows().get(i);
            String p = "rows[" + i + "].";
            Target target = byCode.get(row.targetCode());
            if (target == null) {
                violations.add(new Violation(p + "targetCode", "error.target.not-found", row.targetCode()));
                continue;
            }
            boolean mayAct = allowed.computeIfAbsent(target.id(),
                    id -> Guard.mayReport(actor, target, programmes.initiative(target.initiativeId())));
            if (!mayAct) {
                violations.add(new Violation(p + "targetCode", "error.measurement.not-responsible", row.targetCode()));
                denied++;
                continue;
            }
            int before = violations.size();
            if (row.asOf().isAfter(today)) {
                violations.add(new Violation(p + "asOf", "error.measurement.future", today));
            }
            if (target.baselineDate() != null && row.asOf().isBefore(target.baselineDate())) {
                violations.add(new Violation(p + "asOf", "error.measurement.before-baseline", target.baselineDate()));
            }
            if (row.note() != null && row.note().length() > MAX_NOTE) {
                violations.add(new Violation(p + "note", "error.measurement.note-too-long", MAX_NOTE));
            }
            if (row.value().abs().compareTo(MAX_VALUE) >= 0 || row.value().scale() > 6) {
                violations.add(new Violation(p + "value", "error.measurement.value-range"));
            }
            Known known = figures.computeIfAbsent(target.id(), id -> known(target));
            Map.Entry<LocalDate, BigDecimal> last = known.valid().floorEntry(row.asOf());
            Plausibility doubt = last == null || known.stored(row.asOf(), row.value()) ? null
                    : Plausibility.of(last.getValue(), row.value(), target.direction());
            boolean confirmed = row.confirmed() && row.reason() != null && !row.reason().isBlank();
            if (doubt != null && !confirmed) {
                violations.add(new Violation(p + "value", "error.measurement.import-implausible." + doubt,
                        Figures.format(last.getValue(), target.unit(), LocaleContextHolder.getLocale()), last.getKey()));
            }
            if (row.reason() != null && row.reason().length() > MAX_NOTE) {
                violations.add(new Violation(p + "reason", "error.measurement.note-too-long", MAX_NOTE));
            }
            if (violations.size() == before) {
                known.valid().put(row.asOf(), row.value());   // the next row of the file is compared with this one
                rows.add(new Object[] {target.id(), row.value(), row.asOf(), MeasurementSource.IMPORT.name(),
                        batch.sourceRef(), row.note(), actor.username(), recordedAt, false,
                        doubt == null ? null : row.reason().strip(), doubt == null ? null : doubt.name()});
                newest.merge(target.id(), i, (a, b) -> batch.rows().get(b).asOf().isBefore(batch.rows().get(a).asOf()) ? a : b);
            }
        }
        return new Prepared(rows, violations, newest, denied, recordedAt);
    }

    /**
     * What a target already holds: its valid figures by date (the latest recorded of a date), to compare each
     * imported row with, and every figure ever stored (superseded ones too) as date and value: a row repeating one
     * of those (an export imported again) claims nothing new and is not questioned.
     */
    private record Known(java.util.TreeMap<LocalDate, BigDecimal> valid, Set<String> all) {

        boolean stored(LocalDate asOf, BigDecimal value) {
            return all.contains(key(asOf, value));
        }

        static String key(LocalDate asOf, BigDecimal value) {
            return asOf + "|" + value.stripTrailingZeros().toPlainString();
        }
    }

    private Known known(Target target) {
        java.util.TreeMap<LocalDate, BigDecimal> valid = new java.util.TreeMap<>();
        Set<String> all = new HashSet<>();
        targets.measurements(target).stream()
                .sorted(java.util.Comparator.comparing(Measurement::recordedAt).thenComparing(Measurement::id))
                .forEach(m -> {
                    all.add(Known.key(m.asOf(), m.value()));
                    if (m.valid()) {
                        valid.put(m.asOf(), m.value());
                    }
                });
        return new Known(valid, all);
    }

    /** numeric(24, 6) holds 18 integer digits. */
    private static final BigDecimal MAX_VALUE = new BigDecimal("1e18");
}
