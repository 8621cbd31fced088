package org.gongjian.assessment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gongjian.assessment.Adjustment;
import org.gongjian.assessment.AppealState;
import org.gongjian.assessment.Component;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Appeals and their evidence files. */
@Repository
public class AppealStore {

    private static final String SELECT = """
            select id, version, programme_code, period, unit_id, item_key, item_label, component, reason, state,
                   filed_by, filed_at, answer_due, run_version, decided_by, decided_at, decision, adjustment,
                   total_before, total_after, rank_before, rank_after from assessment_appeal""";

    private final JdbcClient jdbc;

    AppealStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An appeal as stored. */
    public record Row(long id, int version, String programmeCode, String period, long unitId, String itemKey,
            String itemLabel, Component component, String reason, AppealState state, String filedBy, Instant filedAt,
            LocalDate answerDue, int runVersion, @Nullable String decidedBy, @Nullable Instant decidedAt,
            @Nullable String decision, @Nullable Adjustment adjustment, @Nullable BigDecimal totalBefore,
            @Nullable BigDecimal totalAfter, @Nullable Integer rankBefore, @Nullable Integer rankAfter) {
    }

    /** An evidence file's metadata and, when asked for, content. */
    public record File(long id, long appealId, String fileName, String contentType, long size, String sha256,
            byte @Nullable [] content) {
    }

    public long insert(Row a) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_appeal (version, programme_code, period, unit_id, item_key, item_label, component,
                  reason, state, filed_by, filed_at, answer_due, run_version, total_before, rank_before)
                values (0, :code, :period, :unit, :key, :label, :component, :reason, :state, :by, :at, :due, :run,
                  :total, :rank)""")
                .param("code", a.programmeCode()).param("period", a.period()).param("unit", a.unitId())
                .param("key", a.itemKey()).param("label", a.itemLabel()).param("component", a.component().name())
                .param("reason", a.reason()).param("state", a.state().name()).param("by", a.filedBy())
                .param("at", Timestamp.from(a.filedAt())).param("due", a.answerDue()).param("run", a.runVersion())
                .param("total", a.totalBefore()).param("rank", a.rankBefore()).update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** Records the decision if the appeal is still at {@code expectedVersion}; false when someone was quicker. */
    public boolean decide(long id, int expectedVersion, AppealState state, String by, Instant at, String decision,
            @Nullable Adjustment adjustment) {
        return jdbc.sql("""
                update assessment_appeal set version = version + 1, state = :state, decided_by = :by, decided_at = :at,
                       decision = :decision, adjustment = :adjustment
                 where id = :id and version = :version and state = 'PENDING'""")
                .param("state", state.name()).param("by", by).param("at", Timestamp.from(at))
                .param("decision", decision).param("adjustment", adjustment == null ? null : adjustment.name())
                .param("id", id).param("version", expectedVersion).update() == 1;
    }

    /** The unit's total and rank in the version an upheld appeal produced. */
    public void recordEffect(long id, BigDecimal totalAfter, @Nullable Integer rankAfter) {
        jdbc.sql("update assessment_appeal set total_after = :total, rank_after = :rank where id = :id")
                .param("total", totalAfter).param("rank", rankAfter).param("id", id).update();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(AppealStore::map).optional();
    }

    /** Appeals of a programme, newest first, filtered by period, unit and state when given. */
    public List<Row> list(String programmeCode, @Nullable String period, @Nullable Long unitId, @Nullable AppealState state) {
        StringBuilder where = new StringBuilder(" where programme_code = :code");
        Map<String, Object> params = new HashMap<>();
        params.put("code", programmeCode);
        if (period != null) {
            where.append(" and period = :period");
            params.put("period", period);
        }
        if (unitId != null) {
            where.append(" and unit_id = :unit");
            params.put("unit", unitId);
        }
        if (state != null) {
            where.append(" and state = :state");
            params.put("state", state.name());
        }
        return jdbc.sql(SELECT + where + " order by filed_at desc, id desc").params(params)
                .query(AppealStore::map).list();
    }

    /** What upheld appeals did to a period's items: by unit, by item key. */
    public Map<Long, Map<String, Adjustment>> adjustments(String programmeCode, String period) {
        Map<Long, Map<String, Adjustment>> byUnit = new HashMap<>();
        jdbc.sql("""
                select unit_id, item_key, adjustment from assessment_appeal
                 where programme_code = :code and period = :period and state = 'UPHELD' order by decided_at, id""")
                .param("code", programmeCode).param("period", period)
                .query((rs, n) -> byUnit.computeIfAbsent(rs.getLong("unit_id"), k -> new HashMap<>())
                        .put(rs.getString("item_key"), Adjustment.valueOf(rs.getString("adjustment"))))
                .list();
        return byUnit;
    }

    public long insertFile(long appealId, String fileName, String contentType, byte[] content, String sha256) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_appeal_file (appeal_id, file_name, content_type, size_bytes, sha256, content)
                values (:appeal, :name, :type, :size, :sha, :content)""")
                .param("appeal", appealId).param("name", fileName).param("type", contentType)
                .param("size", content.length).param("sha", sha256).param("content", content).update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** The evidence of some appeals, without content, by appeal id. */
    public Map<Long, List<File>> files(List<Long> appealIds) {
        Map<Long, List<File>> byAppeal = new HashMap<>();
        if (appealIds.isEmpty()) {
            return byAppeal;
        }
        jdbc.sql("""
                select id, appeal_id, file_name, content_type, size_bytes, sha256 from assessment_appeal_file
                 where appeal_id in (:ids) order by id""").param("ids", appealIds)
                .query((rs, n) -> byAppeal.computeIfAbsent(rs.getLong("appeal_id"), k -> new ArrayList<>())
                        .add(new File(rs.getLong("id"), rs.getLong("appeal_id"), rs.getString("file_name"),
                                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), null)))
                .list();
        return byAppeal;
    }

    public Optional<File> file(long id) {
        return jdbc.sql("""
                select id, appeal_id, file_name, content_type, size_bytes, sha256, content from assessment_appeal_file
                 where id = :id""").param("id", id)
                .query((rs, n) -> new File(rs.getLong("id"), rs.getLong("appeal_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getBytes("content")))
                .optional();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        String adjustment = rs.getString("adjustment");
        return new Row(rs.getLong("id"), rs.getInt("version"), rs.getString("programme_code"), rs.getString("period"),
                rs.getLong("unit_id"), rs.getString("item_key"), rs.getString("item_label"),
                Component.valueOf(rs.getString("component")), rs.getString("reason"),
                AppealState.valueOf(rs.getString("state")), rs.getString("filed_by"),
                rs.getTimestamp("filed_at").toInstant(), rs.getObject("answer_due", LocalDate.class),
                rs.getInt("run_version"), rs.getString("decided_by"),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
                rs.getString("decision"), adjustment == null ? null : Adjustment.valueOf(adjustment),
                rs.getBigDecimal("total_before"), rs.getBigDecimal("total_after"), integer(rs, "rank_before"),
                integer(rs, "rank_after"));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
