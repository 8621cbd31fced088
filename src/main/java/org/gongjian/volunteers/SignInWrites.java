package org.gongjian.volunteers;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.gongjian.shared.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The writes of a sign-in (ADR 0142, second amendment): the conditional insert that numbers the day's sign-in and
 * refuses a fourth one or a second open one, the volunteer's place at a first sign-in to the activity, and that
 * place's share of the quota. On PostgreSQL the three are one statement (a data-modifying {@code with}); on H2, which
 * has no such statement, they are three, with the same outcome. Both are run by {@code VolunteersContract}.
 */
@Component
class SignInWrites {

    /** The day's sign-in: made only under the day's rules, and never twice for one key. */
    private static final String INSERT = """
            insert into volunteers_check_in (activity_id, volunteer_id, service_date, daily_index, method,
                idempotency_key, checked_in_at, latitude, longitude, reason, recorded_by)
            select :a, :v, cast(:d as date), count(*) + 1, :m, :k, cast(:at as timestamp with time zone),
                   cast(:lat as numeric(9, 6)), cast(:lng as numeric(9, 6)), :reason, :by
              from volunteers_check_in c
             where c.activity_id = :a and c.volunteer_id = :v and c.service_date = :d
            having count(*) < :max and count(case when c.checked_out_at is null then 1 end) = 0
            on conflict do nothing""";

    /** The place, unless the volunteer has one already (later sessions and days use the same place). */
    private static final String PLACE = """
            insert into volunteers_activity_place (activity_id, volunteer_id, placed_at)
            values (:a, :v, cast(:at as timestamp with time zone)) on conflict do nothing""";

    /** PostgreSQL: the sign-in, then the place, then the volunteer's own share of the quota, in one statement. */
    private static final String ALL_IN_ONE = "with ins as (" + INSERT + " returning id, daily_index), "
            + """
            placed as (
              insert into volunteers_activity_place (activity_id, volunteer_id, placed_at)
              select :a, :v, cast(:at as timestamp with time zone) from ins on conflict do nothing returning volunteer_id),
            share as (
              update volunteers_activity_quota set taken = taken + 1
               where activity_id = :a and shard = :s and taken < cap and exists (select 1 from placed) returning shard)
            select ins.id, ins.daily_index, (select count(*) from placed) as placed, (select count(*) from share) as raised
              from ins""";

    /** What the writes made. */
    record Made(long id, int dailyIndex) {
    }

    /** PostgreSQL's answer: the sign-in, and whether its new place still needs a share (its own was full). */
    private record Row(long id, int dailyIndex, boolean shareStillToTake) {
    }

    private final JdbcClient jdbc;
    private final Quotas quotas;
    private final boolean postgres;

    SignInWrites(JdbcClient jdbc, Quotas quotas, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.quotas = quotas;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        }
    }

    /** A new sign-in (empty: the day's rules or a unique key refused it, and nothing was written). */
    Optional<Made> signIn(long activityId, long volunteerId, LocalDate day, CheckInMethod method, String key, Instant at,
            @Nullable BigDecimal latitude, @Nullable BigDecimal longitude, @Nullable String reason, String by,
            int maxPerDay, int quota) {
        JdbcClient.StatementSpec spec = jdbc.sql(postgres ? ALL_IN_ONE : INSERT)
                .param("a", activityId).param("v", volunteerId).param("d", day).param("m", method.name())
                .param("k", key).param("at", Timestamp.from(at)).param("lat", latitude).param("lng", longitude)
                .param("reason", reason).param("by", by).param("max", maxPerDay);
        if (postgres) {
            Optional<Row> row = spec.param("s", Quotas.ownShard(volunteerId)).query((rs, n) -> new Row(rs.getLong("id"),
                    rs.getInt("daily_index"), rs.getInt("placed") == 1 && rs.getInt("raised") == 0)).optional();
            // a new place whose own share was full: another share with room takes it, or the quota is full
            row.filter(Row::shareStillToTake).ifPresent(r -> takeShare(activityId, volunteerId, quota));
            return row.map(r -> new Made(r.id(), r.dailyIndex()));
        }
        KeyHolder keys = new GeneratedKeyHolder();
        spec.update(keys, "id", "daily_index");
        if (keys.getKeyList().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = keys.getKeyList().get(0);
        int placed = jdbc.sql(PLACE).param("a", activityId).param("v", volunteerId).param("at", Timestamp.from(at)).update();
        if (placed == 1) {
            takeShare(activityId, volunteerId, quota);
        }
        return Optional.of(new Made(((Number) row.get("id")).longValue(), ((Number) row.get("daily_index")).intValue()));
    }

    /** A new place's share of the quota ({@link Quotas#take}); none left: the quota is full and the attempt fails. */
    private void takeShare(long activityId, long volunteerId, int quota) {
        if (!quotas.take(activityId, volunteerId)) {
            throw new ConflictException("volunteers.error.quota-full", quota);
        }
    }
}
