package org.gongjian.assessment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gongjian.assessment.PeerGroup;
import org.gongjian.assessment.UnitScore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stored rankings of closed periods: one row per version, one entry per unit with its full breakdown as JSON. */
@Repository
public class RunStore {

    private static final String RUN = """
            select id, programme_code, period, version, scheme_id, computed_at, computed_by, reason, appeal_id
              from assessment_run""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    RunStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** A stored version of a period's ranking. */
    public record Run(long id, String programmeCode, String period, int version, long schemeId, Instant computedAt,
            String computedBy, String reason, @Nullable Long appealId) {
    }

    /** A unit's entry in a run. */
    public record Entry(long unitId, PeerGroup group, @Nullable Integer rank, UnitScore card) {
    }

    /** A unit's rank and total in a run, without the breakdown. */
    public record Summary(long unitId, PeerGroup group, @Nullable Integer rank, BigDecimal total) {
    }

    public Optional<Run> latest(String programmeCode, String period) {
        return jdbc.sql(RUN + " where programme_code = :code and period = :period order by version desc")
                .param("code", programmeCode).param("period", period).query(RunStore::run).list().stream().findFirst();
    }

    /** Every version of a period's ranking, oldest first. */
    public List<Run> versions(String programmeCode, String period) {
        return jdbc.sql(RUN + " where programme_code = :code and period = :period order by version")
                .param("code", programmeCode).param("period", period).query(RunStore::run).list();
    }

    public List<Entry> entries(long runId) {
        return jdbc.sql("select unit_id, peer_group, rank_no, card from assessment_run_entry where run_id = :run")
                .param("run", runId)
                .query((rs, n) -> new Entry(rs.getLong("unit_id"), PeerGroup.valueOf(rs.getString("peer_group")),
                        rank(rs), json.readValue(rs.getString("card"), UnitScore.class)))
                .list();
    }

    /** Each unit's rank and total in a run. */
    public Map<Long, Summary> summaries(long runId) {
        Map<Long, Summary> summaries = new HashMap<>();
        jdbc.sql("select unit_id, peer_group, rank_no, total from assessment_run_entry where run_id = :run")
                .param("run", runId)
                .query((rs, n) -> summaries.put(rs.getLong("unit_id"), new Summary(rs.getLong("unit_id"),
                        PeerGroup.valueOf(rs.getString("peer_group")), rank(rs), rs.getBigDecimal("total"))))
                .list();
        return summaries;
    }

    /** A unit's rank and total in every version of a period's ranking, oldest first. */
    public List<Summary> unitHistory(String programmeCode, String period, long unitId) {
        return jdbc.sql("""
                select e.unit_id, e.peer_group, e.rank_no, e.total from assessment_run_entry e
                  join assessment_run r on r.id = e.run_id
                 where r.programme_code = :code and r.period = :period and e.unit_id = :unit order by r.version""")
                .param("code", programmeCode).param("period", period).param("unit", unitId)
                .query((rs, n) -> new Summary(rs.getLong("unit_id"), PeerGroup.valueOf(rs.getString("peer_group")),
                        rank(rs), rs.getBigDecimal("total")))
                .list();
    }

    /** Stores a new version; a concurrent store of the same version fails on the unique key. */
    public Run insert(String programmeCode, String period, int version, long schemeId, Instant at, String by,
            String reason, @Nullable Long appealId, List<Entry> entries) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_run (programme_code, period, version, scheme_id, computed_at, computed_by, reason, appeal_id)
                values (:code, :period, :version, :scheme, :at, :by, :reason, :appeal)""")
                .param("code", programmeCode).param("period", period).param("version", version)
                .param("scheme", schemeId).param("at", Timestamp.from(at)).param("by", by).param("reason", reason)
                .param("appeal", appealId).update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            rows.add(new Object[] {id, e.unitId(), e.group().name(), e.card().ranked(), e.rank(), e.card().total(),
                    json.writeValueAsString(e.card())});
        }
        template.batchUpdate("""
                insert into assessment_run_entry (run_id, unit_id, peer_group, ranked, rank_no, total, card)
                values (?, ?, ?, ?, ?, ?, ?)""", rows);
        return new Run(id, programmeCode, period, version, schemeId, at, by, reason, appealId);
    }

    private static @Nullable Integer rank(ResultSet rs) throws SQLException {
        int rank = rs.getInt("rank_no");
        return rs.wasNull() ? null : rank;
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        long appeal = rs.getLong("appeal_id");
        Long appealId = rs.wasNull() ? null : appeal;
        return new Run(rs.getLong("id"), rs.getString("programme_code"), rs.getString("period"), rs.getInt("version"),
                rs.getLong("scheme_id"), rs.getTimestamp("computed_at").toInstant(), rs.getString("computed_by"),
                rs.getString("reason"), appealId);
    }
}
