package org.gongjian.volunteers;

import java.util.List;
import org.gongjian.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An activity's quota (计划人数) kept in {@value #SHARDS} shares whose caps add up to it (V286, ADR 0142). A
 * volunteer's first check-in raises one share by a conditional update ({@code taken < cap}), so no race can overfill
 * the quota, while the check-ins of a city-wide day lock sixteen rows in turn instead of all waiting for one.
 */
@Component
class Quotas {

    static final int SHARDS = 16;

    private final JdbcClient jdbc;

    Quotas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes a place for the volunteer: their own share first (volunteer id mod {@value #SHARDS}), then any share with
     * room. Shares only fill between two resizes, so when every share seen with room has filled the quota is full.
     *
     * @return whether a place was free
     */
    boolean take(long activityId, long volunteerId) {
        if (raise(activityId, ownShard(volunteerId))) {
            return true;
        }
        List<Integer> open = jdbc.sql("select shard from volunteers_activity_quota where activity_id = :a and taken < cap "
                + "order by shard").param("a", activityId).query(Integer.class).list();
        for (int shard : open) {
            if (raise(activityId, shard)) {
                return true;
            }
        }
        return false;
    }

    /** The share a volunteer's place is counted in first. */
    static int ownShard(long volunteerId) {
        return Math.floorMod(volunteerId, SHARDS);
    }

    private boolean raise(long activityId, int shard) {
        return jdbc.sql("update volunteers_activity_quota set taken = taken + 1 "
                + "where activity_id = :a and shard = :s and taken < cap")
                .param("a", activityId).param("s", shard).update() == 1;
    }

    /** The places taken: the sum of the shares. */
    int taken(long activityId) {
        return jdbc.sql("select coalesce(sum(taken), 0) from volunteers_activity_quota where activity_id = :a")
                .param("a", activityId).query(Integer.class).single();
    }

    /**
     * Splits a new or changed quota over the shares. The shares are locked first, so check-ins in flight finish and
     * new ones wait; the places taken are then counted from the activity's places and spread again in share order.
     * A quota below the places taken is refused.
     */
    void resize(long activityId, int quota) {
        List<Integer> locked = jdbc.sql("select shard from volunteers_activity_quota where activity_id = :a "
                + "order by shard for update").param("a", activityId).query(Integer.class).list();
        int taken = jdbc.sql("select count(*) from volunteers_activity_place where activity_id = :a")
                .param("a", activityId).query(Integer.class).single();
        if (quota < taken) {
            throw new InvalidInputException("quota", "volunteers.error.quota-below-taken", taken);
        }
        int left = taken;
        for (int shard = 0; shard < SHARDS; shard++) {
            int cap = quota / SHARDS + (shard < quota % SHARDS ? 1 : 0);
            int share = Math.min(cap, left);
            left -= share;
            String sql = locked.contains(shard)
                    ? "update volunteers_activity_quota set cap = :c, taken = :t where activity_id = :a and shard = :s"
                    : "insert into volunteers_activity_quota (activity_id, shard, cap, taken) values (:a, :s, :c, :t)";
            jdbc.sql(sql).param("a", activityId).param("s", shard).param("c", cap).param("t", share).update();
        }
    }
}
