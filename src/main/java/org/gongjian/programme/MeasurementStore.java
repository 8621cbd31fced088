package org.gongjian.programme;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gongjian.shared.Decimals;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Append-only storage of measurements: rows are inserted, never updated or deleted. */
@Repository
class MeasurementStore {

    private static final String SELECT = """
            select m.id, m.target_id, m.measured_value, m.as_of, m.source, m.source_ref, m.note, m.reporter,
                   m.recorded_at, m.supersedes_id, s.id as superseded_by, m.demo, m.reason, m.plausibility, m.withdrawn
              from programme_measurement m
              left join programme_measurement s on s.supersedes_id = m.id
            """;

    /** Decimals the value column keeps ({@code numeric(24, 6)}). */
    static final int SCALE = 6;

    private final JdbcClient jdbc;
    private final FigureDays days;

    MeasurementStore(JdbcClient jdbc, FigureDays days) {
        this.jdbc = jdbc;
        this.days = days;
    }

    /** What a new row holds. */
    record NewRow(long targetId, BigDecimal value, LocalDate asOf, MeasurementSource source, @Nullable String sourceRef,
            @Nullable String note, String reporter, Instant recordedAt, @Nullable Long supersedesId, boolean demo,
            @Nullable String reason, @Nullable Plausibility plausibility, boolean withdrawn) {

        NewRow(long targetId, BigDecimal value, LocalDate asOf, MeasurementSource source, @Nullable String sourceRef,
                @Nullable String note, String reporter, Instant recordedAt, @Nullable Long supersedesId, boolean demo) {
            this(targetId, value, asOf, source, sourceRef, note, reporter, recordedAt, supersedesId, demo, null, null,
                    false);
        }

        /** The measurement this row is once stored under {@code id}: nothing supersedes a figure just written. */
        Measurement stored(long id) {
            return new Measurement(id, targetId, value, asOf, source, sourceRef, note, reporter, recordedAt, supersedesId,
                    null, demo, reason, plausibility, withdrawn);
        }
    }

    /** Stores a figure and counts it into its target's day (and out of the day of the figure it supersedes). */
    long insert(NewRow row) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into programme_measurement
                  (target_id, measured_value, as_of, source, source_ref, note, reporter, recorded_at, supersedes_id, demo,
                   reason, plausibility, withdrawn)
                values (:target, :value, :asOf, :source, :sourceRef, :note, :reporter, :recordedAt, :supersedes, :demo,
                        :reason, :plausibility, :withdrawn)""")
                .param("target", row.targetId())
                .param("value", row.value())
                .param("asOf", row.asOf())
                .param("source", row.source().name())
                .param("sourceRef", row.sourceRef())
                .param("note", row.note())
                .param("reporter", row.reporter())
                .param("recordedAt", Timestamp.from(row.recordedAt()))
                .param("supersedes", row.supersedesId())
                .param("demo", row.demo())
                .param("reason", row.reason())
                .param("plausibility", row.plausibility() == null ? null : row.plausibility().name())
                .param("withdrawn", row.withdrawn())
                .update(keys, "id");
        long id = java.util.Objects.requireNonNull(keys.getKey()).longValue();
        days.recorded(id, row);
        return id;
    }

    /** Recomputes the days of these targets after figures were inserted past {@link #insert} (in bulk). */
    void refreshDays(Collection<Long> targetIds) {
        days.refresh(targetIds);
    }

    Optional<Measurement> find(long id) {
        return jdbc.sql(SELECT + " where m.id = :id").param("id", id).query(MeasurementStore::map).optional();
    }

    /** All of a target's measurements, superseded ones included, in the order they were recorded. */
    List<Measurement> byTarget(long targetId) {
        return jdbc.sql(SELECT + " where m.target_id = :target order by m.id")
                .param("target", targetId).query(MeasurementStore::map).list();
    }

    List<Measurement> byTargets(Collection<Long> targetIds) {
        if (targetIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where m.target_id in (:targets) order by m.target_id, m.id")
                .param("targets", targetIds).query(MeasurementStore::map).list();
    }

    /**
     * The target's latest valid figure dated on or before {@code asOf} (not superseded, not withdrawn; of two on
     * the same date the one recorded last), other than {@code except}: the current figure of the target's last day
     * on or before the date ({@link FigureDays}), one row by its key; only when that figure is the one left out are
     * the figures of the dates read, by the index on (target, date).
     */
    Optional<Measurement> latestValid(long targetId, LocalDate asOf, long except) {
        // the day's figure by a subquery on the day's key, so that the figure itself is read by its own key (a join
        // let H2 start from the figures and read all of them)
        Optional<Measurement> current = jdbc.sql(SELECT + """
                 where m.id = (select d.measurement_id from programme_figure_day d
                                where d.target_id = :target and d.as_of <= :asOf and d.measurement_id is not null
                                order by d.as_of desc limit 1)""")
                .param("target", targetId).param("asOf", asOf).query(MeasurementStore::map).optional();
        if (current.isEmpty() || current.get().id() != except) {
            return current;
        }
        return jdbc.sql(SELECT + """
                 where m.target_id = :target and m.as_of <= :asOf and m.withdrawn = false and m.id <> :except
                   and not exists (select 1 from programme_measurement x where x.supersedes_id = m.id)
                 order by m.as_of desc, m.recorded_at desc, m.id desc limit 1""")
                .param("target", targetId).param("asOf", asOf).param("except", except).query(MeasurementStore::map)
                .optional();
    }

    /** The target's figure from a ledger for this date that nothing has superseded yet, if any. */
    Optional<Measurement> currentLedgerFigure(long targetId, LocalDate asOf) {
        return jdbc.sql(SELECT + """
                 where m.target_id = :target and m.as_of = :asOf and m.source = 'LEDGER'
                   and not exists (select 1 from programme_measurement x where x.supersedes_id = m.id)
                 order by m.id limit 1""")
                .param("target", targetId).param("asOf", asOf).query(MeasurementStore::map).optional();
    }

    /**
     * Locks the target's row until the transaction ends, so that writers of the same target's figures that must
     * see each other's rows (two ledger observations of one day) take turns, on H2 and PostgreSQL alike.
     */
    void lockTarget(long targetId) {
        jdbc.sql("select id from programme_target where id = :target for update").param("target", targetId)
                .query(Long.class).single();
    }

    List<Measurement> page(long targetId, int offset, int limit) {
        return jdbc.sql(SELECT + " where m.target_id = :target order by m.as_of desc, m.id desc limit :limit offset :offset")
                .param("target", targetId).param("limit", limit).param("offset", offset)
                .query(MeasurementStore::map).list();
    }

    long count(long targetId) {
        return jdbc.sql("select count(*) from programme_measurement where target_id = :target")
                .param("target", targetId).query(Long.class).single();
    }

    private static Measurement map(ResultSet rs, int row) throws SQLException {
        long supersedes = rs.getLong("supersedes_id");
        Long supersedesId = rs.wasNull() ? null : supersedes;
        long supersededBy = rs.getLong("superseded_by");
        Long supersededById = rs.wasNull() ? null : supersededBy;
        return new Measurement(rs.getLong("id"), rs.getLong("target_id"),
                java.util.Objects.requireNonNull(Decimals.normal(rs.getBigDecimal("measured_value"))),
                rs.getObject("as_of", LocalDate.class), MeasurementSource.valueOf(rs.getString("source")),
                rs.getString("source_ref"), rs.getString("note"), rs.getString("reporter"),
                rs.getTimestamp("recorded_at").toInstant(), supersedesId, supersededById, rs.getBoolean("demo"),
                rs.getString("reason"), rs.getString("plausibility") == null ? null
                        : Plausibility.valueOf(rs.getString("plausibility")), rs.getBoolean("withdrawn"));
    }
}
