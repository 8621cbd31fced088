package org.gongjian.programme;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each target's standing kept as its figures are written (ADR 0037): one row of {@code programme_figure_day} per
 * target and date with the day's current figure (the valid one recorded last), the number of valid figures of the
 * day and when a figure touching the day was last recorded. Every write of a figure updates its day in the same
 * transaction ({@link MeasurementStore#insert}), so the status engine and the plausibility rule read one row per
 * target and date instead of the target's whole series.
 */
@Repository
public class FigureDays {

    private static final String DAYS = """
            select a.target_id, a.as_of, v.id, v.recorded_at, coalesce(v.figures, 0), a.changed_at
              from (select m.target_id, m.as_of,
                           max(greatest(m.recorded_at, coalesce(s.recorded_at, m.recorded_at))) as changed_at
                      from programme_measurement m left join programme_measurement s on s.supersedes_id = m.id
                     where 1 = 1%1$s
                     group by m.target_id, m.as_of) a
              left join (select w.target_id, w.as_of, w.id, w.recorded_at, w.figures
                           from (select m.target_id, m.as_of, m.id, m.recorded_at,
                                        count(*) over (partition by m.target_id, m.as_of) as figures,
                                        row_number() over (partition by m.target_id, m.as_of
                                                           order by m.recorded_at desc, m.id desc) as n
                                   from programme_measurement m
                                  where m.withdrawn = false%1$s
                                    and not exists (select 1 from programme_measurement x where x.supersedes_id = m.id)) w
                          where w.n = 1) v on v.target_id = a.target_id and v.as_of = a.as_of""";
    private static final String INSERT = """
            insert into programme_figure_day (target_id, as_of, measurement_id, current_recorded_at, figures, changed_at)
            """;

    /**
     * The statements that recompute every day from the stored figures, as migration V280 first did: for tools that
     * insert figures with plain JDBC, past the application (benchmarks' preloads).
     */
    public static final List<String> REBUILD = List.of("delete from programme_figure_day",
            INSERT + DAYS.formatted(""));

    private final JdbcClient jdbc;

    FigureDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes every day from the stored figures over a plain connection (see {@link #REBUILD}). */
    public static void rebuild(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : REBUILD) {
                s.executeUpdate(sql);
            }
        }
    }

    /** Recomputes the days of these targets from their stored figures (after figures inserted in bulk). */
    void refresh(Collection<Long> targetIds) {
        if (targetIds.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(targetIds);
        jdbc.sql("delete from programme_figure_day where target_id in (:targets)").param("targets", ids).update();
        jdbc.sql(INSERT + DAYS.formatted(" and m.target_id in (:targets)")).param("targets", ids).update();
    }

    /**
     * A figure was inserted: its day counts it and takes it as current when it is valid and recorded last; the day of
     * the figure it supersedes loses that one and, if it was that day's current figure, takes the next one.
     */
    void recorded(long id, MeasurementStore.NewRow row) {
        if (row.supersedesId() != null) {
            superseded(row.supersedesId(), row.recordedAt());
        }
        touch(row.targetId(), row.asOf(), row.recordedAt(), row.withdrawn() ? null : id);
    }

    /**
     * Counts a figure into its day in one statement (the expressions of an update see the row as it was); the first
     * figure of a day inserts the row under the target's row lock, so two first figures of one day take turns.
     */
    private void touch(long targetId, LocalDate asOf, Instant recordedAt, @Nullable Long current) {
        if (update(targetId, asOf, recordedAt, current) > 0) {
            return;
        }
        jdbc.sql("select id from programme_target where id = :target for update").param("target", targetId)
                .query(Long.class).single();
        if (update(targetId, asOf, recordedAt, current) == 0) {
            jdbc.sql(INSERT + "values (:target, :asOf, :id, :current, :figures, :at)").param("target", targetId)
                    .param("asOf", asOf).param("id", current).param("current", current == null ? null : Timestamp.from(recordedAt))
                    .param("figures", current == null ? 0 : 1).param("at", Timestamp.from(recordedAt)).update();
        }
    }

    private int update(long targetId, LocalDate asOf, Instant recordedAt, @Nullable Long current) {
        String later = "(:valid = 1 and (current_recorded_at is null or current_recorded_at < :at"
                + " or (current_recorded_at = :at and measurement_id < :id)))";
        return jdbc.sql("update programme_figure_day set figures = figures + :valid,"
                        + " measurement_id = case when " + later + " then :id else measurement_id end,"
                        + " current_recorded_at = case when " + later + " then :at else current_recorded_at end,"
                        + " changed_at = case when changed_at < :at then :at else changed_at end"
                        + " where target_id = :target and as_of = :asOf")
                .param("valid", current == null ? 0 : 1).param("id", current == null ? -1L : current)
                .param("at", Timestamp.from(recordedAt)).param("target", targetId).param("asOf", asOf).update();
    }

    /** The day of a figure just superseded (its superseding row is stored already) loses it. */
    private void superseded(long supersededId, Instant recordedAt) {
        record Day(long targetId, LocalDate asOf, boolean withdrawn) {
        }
        Day day = jdbc.sql("select target_id, as_of, withdrawn from programme_measurement where id = :id")
                .param("id", supersededId)
                .query((rs, n) -> new Day(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3))).single();
        jdbc.sql("""
                update programme_figure_day set figures = figures - :valid,
                       changed_at = case when changed_at < :at then :at else changed_at end
                 where target_id = :target and as_of = :asOf""")
                .param("valid", day.withdrawn() ? 0 : 1).param("at", Timestamp.from(recordedAt))
                .param("target", day.targetId()).param("asOf", day.asOf()).update();
        // the day's next current figure, when the superseded one was it: the valid one recorded last, if any
        jdbc.sql("""
                update programme_figure_day set
                       measurement_id = (select m.id from programme_measurement m
                                          where m.target_id = :target and m.as_of = :asOf and m.withdrawn = false
                                            and not exists (select 1 from programme_measurement x where x.supersedes_id = m.id)
                                          order by m.recorded_at desc, m.id desc limit 1),
                       current_recorded_at = (select m.recorded_at from programme_measurement m
                                          where m.target_id = :target and m.as_of = :asOf and m.withdrawn = false
                                            and not exists (select 1 from programme_measurement x where x.supersedes_id = m.id)
                                          order by m.recorded_at desc, m.id desc limit 1)
                 where target_id = :target and as_of = :asOf and measurement_id = :superseded""")
                .param("target", day.targetId()).param("asOf", day.asOf()).param("superseded", supersededId).update();
    }
}
