package org.gongjian.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gongjian.shared.ConflictException;
import org.gongjian.supervision.NoticeView.Answer;
import org.gongjian.supervision.NoticeView.EvidenceFile;
import org.gongjian.supervision.NoticeView.HistoryEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of notices, their history, answers and evidence; history and answers are only ever added. */
@Repository
class NoticeStore {

    private static final String COLUMNS = """
            select id, version, programme_code, doc_number, trigger_kind, notice_level, state, title, matter, requirement,
                   unit_id, initiative_id, subject_key, basis, open_key, severity, raised_on, original_due, answer_due,
                   level_since, raised_by, raised_at, closed_at, closed_reason from supervision_notice
            """;

    private final JdbcClient jdbc;

    NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new notice; a duplicate subject and basis, or a second open notice, fails with DuplicateKeyException. */
    long insert(Notice n) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into supervision_notice (version, programme_code, doc_number, trigger_kind, notice_level, state,
                  title, matter, requirement, unit_id, initiative_id, subject_key, basis, open_key, severity, raised_on,
                  original_due, answer_due, level_since, raised_by, raised_at, closed_at)
                values (0, :programme, :number, :trigger, :level, :state, :title, :matter, :requirement, :unit,
                  :initiative, :subject, :basis, :openKey, :severity, :raisedOn, :originalDue, :answerDue, :levelSince,
                  :raisedBy, :raisedAt, :closedAt)""")
                .param("programme", n.programmeCode).param("number", n.number).param("trigger", n.trigger.name())
                .param("level", n.level.name()).param("state", n.state.name()).param("title", n.title)
                .param("matter", n.matter).param("requirement", n.requirement).param("unit", n.unitId)
                .param("initiative", n.initiativeId).param("subject", n.subjectKey).param("basis", n.basis)
                .param("openKey", n.openKey).param("severity", n.severity.name()).param("raisedOn", n.raisedOn)
                .param("originalDue", n.originalDue).param("answerDue", n.answerDue).param("levelSince", n.levelSince)
                .param("raisedBy", n.raisedBy).param("raisedAt", Timestamp.from(n.raisedAt))
                .param("closedAt", n.closedAt == null ? null : Timestamp.from(n.closedAt))
                .update(keys, "id");
        n.id = Objects.requireNonNull(keys.getKey()).longValue();
        return n.id;
    }

    /** Saves the moving parts of a notice if nobody changed it meanwhile (optimistic lock). */
    void update(Notice n) {
        int rows = jdbc.sql("""
                update supervision_notice set version = version + 1, doc_number = :number, notice_level = :level,
                       state = :state, open_key = :openKey, answer_due = :answerDue, level_since = :levelSince,
                       closed_at = :closedAt, closed_reason = :closedReason
                 where id = :id and version = :version""")
                .param("closedReason", n.closedReason)
                .param("number", n.number).param("level", n.level.name()).param("state", n.state.name())
                .param("openKey", n.openKey).param("answerDue", n.answerDue).param("levelSince", n.levelSince)
                .param("closedAt", n.closedAt == null ? null : Timestamp.from(n.closedAt))
                .param("id", n.id).param("version", n.version).update();
        if (rows == 0) {
            throw new ConflictException("error.stale-version");
        }
        n.version++;
    }

    void history(long noticeId, Notice.Transition t) {
        jdbc.sql("""
                insert into supervision_notice_history (notice_id, occurred_at, actor, action, from_state, to_state,
                  from_level, to_level, comment)
                values (:notice, :at, :actor, :action, :fromState, :toState, :fromLevel, :toLevel, :comment)""")
                .param("notice", noticeId).param("at", Timestamp.from(t.at())).param("actor", t.actor())
                .param("action", t.action().name())
                .param("fromState", t.fromState() == null ? null : t.fromState().name()).param("toState", t.toState().name())
                .param("fromLevel", t.fromLevel() == null ? null : t.fromLevel().name()).param("toLevel", t.toLevel().name())
                .param("comment", t.comment()).update();
    }

    long answer(long noticeId, String text, String actor, Instant at) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from supervision_notice_answer where notice_id = :n")
                .param("n", noticeId).query(Integer.class).single();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into supervision_notice_answer (notice_id, seq, text, answered_by, answered_at) values (:n, :seq, :text, :by, :at)")
                .param("n", noticeId).param("seq", seq).param("text", text).param("by", actor)
                .param("at", Timestamp.from(at)).update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    void evidence(long answerId, String fileName, String contentType, byte[] content, String sha256) {
        jdbc.sql("""
                insert into supervision_notice_evidence (answer_id, file_name, content_type, size_bytes, sha256, content)
                values (:a, :name, :type, :size, :sha, :content)""")
                .param("a", answerId).param("name", fileName).param("type", contentType).param("size", content.length)
                .param("sha", sha256).param("content", content).update();
    }

    /** An evidence file's metadata and bytes, with the notice it belongs to. */
    record StoredFile(long noticeId, EvidenceFile file, byte[] content) {
    }

    Optional<StoredFile> file(long evidenceId) {
        return jdbc.sql("""
                select e.id, e.file_name, e.content_type, e.size_bytes, e.sha256, e.content, a.notice_id
                  from supervision_notice_evidence e join supervision_notice_answer a on a.id = e.answer_id
                 where e.id = :id""").param("id", evidenceId)
                .query((rs, n) -> new StoredFile(rs.getLong("notice_id"), evidenceFile(rs), rs.getBytes("content")))
                .optional();
    }

    Optional<Notice> find(long id) {
        return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(NoticeStore::map).optional();
    }

    Optional<Notice> findOpen(String subjectKey) {
        return jdbc.sql(COLUMNS + " where open_key = :k").param("k", subjectKey).query(NoticeStore::map).optional();
    }

    boolean exists(String subjectKey, String basis) {
        return jdbc.sql("select count(*) from supervision_notice where subject_key = :s and basis = :b")
                .param("s", subjectKey).param("b", basis).query(Long.class).single() > 0;
    }

    /** Notices awaiting the unit, of a programme: the candidates for escalation. */
    List<Notice> awaitingUnit(String programmeCode) {
        return jdbc.sql(COLUMNS + " where programme_code = :p and state in ('ISSUED', 'RETURNED') order by id")
                .param("p", programmeCode).query(NoticeStore::map).list();
    }

    /** What a list of notices filters on. */
    record Filter(@Nullable String programmeCode, @Nullable Collection<Long> unitIds, @Nullable Collection<NoticeState> states,
            @Nullable NoticeLevel level) {
    }

    List<Notice> list(Filter f) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.programmeCode() != null) {
            sql.append(" and programme_code = :p");
            params.put("p", f.programmeCode());
        }
        if (f.unitIds() != null) {
            if (f.unitIds().isEmpty()) {
                return List.of();
            }
            sql.append(" and (unit_id in (:units) or id in (select c.notice_id from supervision_notice_copy c where c.unit_id in (:units)))");
            params.put("units", f.unitIds());
        }
        if (f.states() != null && !f.states().isEmpty()) {
            sql.append(" and state in (:states)");
            params.put("states", f.states().stream().map(Enum::name).toList());
        }
        if (f.level() != null) {
            sql.append(" and notice_level = :level");
            params.put("level", f.level().name());
        }
        sql.append(" order by id desc");
        return jdbc.sql(sql.toString()).params(params).query(NoticeStore::map).list();
    }

    /** The notice's transitions, each signed with {@code names} (login → what people read). */
    List<HistoryEntry> historyOf(long noticeId, java.util.function.UnaryOperator<String> names) {
        return jdbc.sql("select * from supervision_notice_history where notice_id = :n order by id").param("n", noticeId)
                .query((rs, n) -> new HistoryEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        names.apply(rs.getString("actor")), NoticeAction.valueOf(rs.getString("action")), state(rs.getString("from_state")),
                        NoticeState.valueOf(rs.getString("to_state")), level(rs.getString("from_level")),
                        NoticeLevel.valueOf(rs.getString("to_level")), rs.getString("comment")))
                .list();
    }

    /** The notice's answers, each signed with {@code names} (login → what people read). */
    List<Answer> answersOf(long noticeId, java.util.function.UnaryOperator<String> names) {
        Map<Long, List<EvidenceFile>> files = new HashMap<>();
        jdbc.sql("""
                select e.id, e.answer_id, e.file_name, e.content_type, e.size_bytes, e.sha256
                  from supervision_notice_evidence e join supervision_notice_answer a on a.id = e.answer_id
                 where a.notice_id = :n order by e.id""").param("n", noticeId)
                .query((rs, n) -> files.computeIfAbsent(rs.getLong("answer_id"), k -> new ArrayList<>()).add(evidenceFile(rs)))
                .list();
        return jdbc.sql("select id, seq, text, answered_by, answered_at from supervision_notice_answer where notice_id = :n order by seq")
                .param("n", noticeId)
                .query((rs, n) -> new Answer(rs.getInt("seq"), rs.getString("text"), rs.getString("answered_by"),
                        names.apply(rs.getString("answered_by")), rs.getTimestamp("answered_at").toInstant(), List.copyOf(files.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    // --- items and copies ---------------------------------------------------------------------------

    /** One matter listed on a notice; while open it holds its subject as {@code openKey}. */
    record Item(long id, long noticeId, int position, String subjectKey, String basis, @Nullable String openKey,
            NoticeTrigger trigger, @Nullable Long initiativeId, @Nullable Long targetId, String title, String matter,
            @Nullable String link, @Nullable LocalDate clearedOn, @Nullable String clearedReason) {
    }

    void insertItem(long noticeId, int position, String subjectKey, String basis, NoticeTrigger trigger,
            @Nullable Long initiativeId, @Nullable Long targetId, String title, String matter, @Nullable String link) {
        jdbc.sql("""
                insert into supervision_notice_item (notice_id, position, subject_key, basis, open_key, trigger_kind,
                  initiative_id, target_id, title, matter, link)
                values (:n, :pos, :s, :b, :s, :t, :i, :target, :title, :matter, :link)""")
                .param("n", noticeId).param("pos", position).param("s", subjectKey).param("b", basis)
                .param("t", trigger.name()).param("i", initiativeId).param("target", targetId).param("title", title)
                .param("matter", matter).param("link", link).update();
    }

    private static final String ITEM_COLUMNS = """
            select id, notice_id, position, subject_key, basis, open_key, trigger_kind, initiative_id, target_id, title,
                   matter, link, cleared_on, cleared_reason from supervision_notice_item\s""";

    List<Item> itemsOf(long noticeId) {
        return jdbc.sql(ITEM_COLUMNS + " where notice_id = :n order by position").param("n", noticeId)
                .query(NoticeStore::item).list();
    }

    /** Open items of a programme's open notices (optionally of one initiative): what the sweep re-checks. */
    List<Item> openItems(String programmeCode) {
        return jdbc.sql(ITEM_COLUMNS + """
                 where open_key is not null and notice_id in
                       (select id from supervision_notice where programme_code = :p and open_key is not null)
                 order by notice_id, position""").param("p", programmeCode).query(NoticeStore::item).list();
    }

    Optional<Item> openItem(String subjectKey) {
        return jdbc.sql(ITEM_COLUMNS + " where open_key = :k").param("k", subjectKey).query(NoticeStore::item).optional();
    }

    boolean itemExists(String subjectKey, String basis) {
        return jdbc.sql("select count(*) from supervision_notice_item where subject_key = :s and basis = :b")
                .param("s", subjectKey).param("b", basis).query(Long.class).single() > 0;
    }

    /** The item's cause cleared: it is closed with the day and the reason. */
    void clearItem(long itemId, LocalDate on, String reason) {
        jdbc.sql("update supervision_notice_item set open_key = null, cleared_on = :on, cleared_reason = :r where id = :id")
                .param("on", on).param("r", reason).param("id", itemId).update();
    }

    /** The office closed or cancelled the notice: its items are no longer open (nor cleared). */
    void releaseItems(long noticeId) {
        jdbc.sql("update supervision_notice_item set open_key = null where notice_id = :n").param("n", noticeId).update();
    }

    /** The notice was reopened: its items not cleared are open again. */
    void reopenItems(long noticeId) {
        jdbc.sql("update supervision_notice_item set open_key = subject_key where notice_id = :n and cleared_on is null")
                .param("n", noticeId).update();
    }

    void insertCopy(long noticeId, long unitId) {
        jdbc.sql("insert into supervision_notice_copy (notice_id, unit_id) values (:n, :u)").param("n", noticeId)
                .param("u", unitId).update();
    }

    List<Long> copiesOf(long noticeId) {
        return jdbc.sql("select unit_id from supervision_notice_copy where notice_id = :n order by unit_id")
                .param("n", noticeId).query(Long.class).list();
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        long i = rs.getLong("initiative_id");
        Long initiative = rs.wasNull() ? null : i;
        long t = rs.getLong("target_id");
        Long target = rs.wasNull() ? null : t;
        return new Item(rs.getLong("id"), rs.getLong("notice_id"), rs.getInt("position"), rs.getString("subject_key"),
                rs.getString("basis"), rs.getString("open_key"), NoticeTrigger.valueOf(rs.getString("trigger_kind")),
                initiative, target, rs.getString("title"), rs.getString("matter"), rs.getString("link"),
                rs.getObject("cleared_on", LocalDate.class), rs.getString("cleared_reason"));
    }

    /** The next document number of a prefix in a year; the row lock makes concurrent callers queue. */
    int nextSequence(String prefix, int year) {
        int updated = jdbc.sql("update supervision_notice_sequence set last_no = last_no + 1 where prefix = :p and seq_year = :y")
                .param("p", prefix).param("y", year).update();
        if (updated == 0) {
            jdbc.sql("insert into supervision_notice_sequence (prefix, seq_year, last_no) values (:p, :y, 1)")
                    .param("p", prefix).param("y", year).update();
            return 1;
        }
        return jdbc.sql("select last_no from supervision_notice_sequence where prefix = :p and seq_year = :y")
                .param("p", prefix).param("y", year).query(Integer.class).single();
    }

    private static EvidenceFile evidenceFile(ResultSet rs) throws SQLException {
        return new EvidenceFile(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"));
    }

    private static @Nullable NoticeState state(@Nullable String s) {
        return s == null ? null : NoticeState.valueOf(s);
    }

    private static @Nullable NoticeLevel level(@Nullable String s) {
        return s == null ? null : NoticeLevel.valueOf(s);
    }

    private static Notice map(ResultSet rs, int row) throws SQLException {
        long initiative = rs.getLong("initiative_id");
        Long initiativeId = rs.wasNull() ? null : initiative;
        Notice n = new Notice(rs.getString("programme_code"), NoticeTrigger.valueOf(rs.getString("trigger_kind")),
                NoticeLevel.valueOf(rs.getString("notice_level")), NoticeState.valueOf(rs.getString("state")),
                rs.getString("title"), rs.getString("matter"), rs.getString("requirement"), rs.getLong("unit_id"),
                initiativeId, rs.getString("subject_key"), rs.getString("basis"), Status.valueOf(rs.getString("severity")),
                rs.getObject("raised_on", LocalDate.class), rs.getObject("original_due", LocalDate.class),
                rs.getObject("answer_due", LocalDate.class), rs.getObject("level_since", LocalDate.class),
                rs.getString("raised_by"), rs.getTimestamp("raised_at").toInstant());
        n.id = rs.getLong("id");
        n.version = rs.getInt("version");
        n.number = rs.getString("doc_number");
        n.openKey = rs.getString("open_key");
        Timestamp closed = rs.getTimestamp("closed_at");
        n.closedAt = closed == null ? null : closed.toInstant();
        n.closedReason = rs.getString("closed_reason");
        return n;
    }
}
