package org.gongjian.forms;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The forms tables. */
@Repository
class FormStore {

    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FormStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- forms and versions ------------------------------------------------------------------

    long insertForm(String code, String title, boolean demo, Instant at, String by) {
        jdbc.sql("insert into forms_form (code, title, demo, created_at, created_by) values (:c, :t, :d, :at, :by)")
                .param("c", code).param("t", title).param("d", demo).param("at", ts(at)).param("by", by).update();
        return jdbc.sql("select id from forms_form where code = :c").param("c", code).query(Long.class).single();
    }

    void updateTitle(long formId, String title) {
        jdbc.sql("update forms_form set title = :t where id = :id").param("t", title).param("id", formId).update();
    }

    int insertVersion(long formId, FormDefinition definition, Instant at, String by) {
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from forms_version where form_id = :f")
                .param("f", formId).query(Integer.class).single();
        jdbc.sql("""
                insert into forms_version (form_id, number, status, definition, created_at, created_by)
                values (:f, :n, 'DRAFT', :d, :at, :by)""")
                .param("f", formId).param("n", number).param("d", json.writeValueAsString(definition))
                .param("at", ts(at)).param("by", by).update();
        return number;
    }

    /** Replaces a draft's definition; false when it is published or was changed meanwhile. */
    boolean updateDraft(long versionId, FormDefinition definition, int rowVersion) {
        return jdbc.sql("""
                update forms_version set definition = :d, row_version = row_version + 1
                where id = :id and status = 'DRAFT' and row_version = :rv""")
                .param("d", json.writeValueAsString(definition)).param("id", versionId).param("rv", rowVersion)
                .update() == 1;
    }

    boolean publish(long versionId, @Nullable LocalDate effectiveFrom, Instant at, String by) {
        return jdbc.sql("""
                update forms_version set status = 'PUBLISHED', effective_from = :e, published_at = :at,
                  published_by = :by, row_version = row_version + 1
                where id = :id and status = 'DRAFT'""")
                .param("e", effectiveFrom).param("at", ts(at)).param("by", by).param("id", versionId).update() == 1;
    }

    Optional<Form> find(String code) {
        return jdbc.sql("select id from forms_form where code = :c").param("c", code).query(Long.class).optional()
                .map(this::load);
    }

    Form load(long id) {
        record Row(long id, String code, String title, boolean demo) {
        }
        Row row = jdbc.sql("select id, code, title, demo from forms_form where id = :id").param("id", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).single();
        List<Form.Version> versions = jdbc.sql("""
                select id, number, status, effective_from, definition, created_at, created_by, published_at, row_version
                from forms_version where form_id = :id order by number""").param("id", id)
                .query((rs, n) -> new Form.Version(rs.getLong(1), rs.getInt(2), Form.VersionStatus.valueOf(rs.getString(3)),
                        date(rs, 4), json.readValue(rs.getString(5), FormDefinition.class), rs.getTimestamp(6).toInstant(),
                        rs.getString(7), instant(rs, 8), rs.getInt(9)))
                .list();
        List<Form.Assignment> assignments = jdbc.sql("""
                select id, unit_codes, unit_kind, cycle, due_days, reminder_days, starts_on, ends_on
                from forms_assignment where form_id = :id order by id""").param("id", id)
                .query((rs, n) -> new Form.Assignment(rs.getLong(1), codes(rs.getString(2)), rs.getString(3),
                        Cycle.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getDate(7).toLocalDate(),
                        date(rs, 8)))
                .list();
        return new Form(row.id(), row.code(), row.title(), row.demo(), versions, assignments);
    }

    List<Form> all() {
        return jdbc.sql("select id from forms_form order by code").query(Long.class).list().stream().map(this::load)
                .toList();
    }

    long insertAssignment(long formId, List<String> unitCodes, @Nullable String unitKind, Cycle cycle, int dueDays,
            int reminderDays, LocalDate startsOn, @Nullable LocalDate endsOn, Instant at, String by) {
        jdbc.sql("""
                insert into forms_assignment (form_id, unit_codes, unit_kind, cycle, due_days, reminder_days, starts_on,
                  ends_on, created_at, created_by)
                values (:f, :u, :k, :c, :d, :r, :s, :e, :at, :by)""")
                .param("f", formId).param("u", unitCodes.isEmpty() ? null : String.join(",", unitCodes))
                .param("k", unitKind).param("c", cycle.name()).param("d", dueDays).param("r", reminderDays)
                .param("s", startsOn).param("e", endsOn).param("at", ts(at)).param("by", by).update();
        return jdbc.sql("select max(id) from forms_assignment where form_id = :f").param("f", formId).query(Long.class)
                .single();
    }

    // --- returns ---------------------------------------------------------------------------------

    private static final String RETURN_COLUMNS = """
            r.id, f.code, f.title, v.number, r.unit_code, r.period, r.period_start, r.period_end, r.due, r.status, r.data,
            r.submitted_at, r.submitted_on, r.return_reason, r.demo, r.row_version
            from forms_return r join forms_form f on f.id = r.form_id join forms_version v on v.id = r.version_id""";

    /** Opens a return unless the unit already has one for the period; true when it was opened. */
    boolean openReturn(long formId, long versionId, long assignmentId, String unitCode, Cycle.Period period,
            LocalDate due, boolean demo) {
        int exists = jdbc.sql("select count(*) from forms_return where form_id = :f and unit_code = :u and period = :p")
                .param("f", formId).param("u", unitCode).param("p", period.code()).query(Integer.class).single();
        if (exists > 0) {
            return false;
        }
        jdbc.sql("""
                insert into forms_return (form_id, version_id, assignment_id, unit_code, period, period_start, period_end,
                  due, status, data, demo)
                values (:f, :v, :a, :u, :p, :ps, :pe, :due, 'OPEN', '{}', :demo)""")
                .param("f", formId).param("v", versionId).param("a", assignmentId).param("u", unitCode)
                .param("p", period.code()).param("ps", period.start()).param("pe", period.end()).param("due", due)
                .param("demo", demo).update();
        return true;
    }

    Optional<FormReturn> findReturn(long id) {
        return jdbc.sql("select " + RETURN_COLUMNS + " where r.id = :id").param("id", id).query(this::mapReturn)
                .optional();
    }

    long formIdOfReturn(long id) {
        return jdbc.sql("select form_id from forms_return where id = :id").param("id", id).query(Long.class).single();
    }

    FormDefinition definitionOfReturn(long id) {
        return json.readValue(jdbc.sql("""
                select v.definition from forms_return r join forms_version v on v.id = r.version_id where r.id = :id""")
                .param("id", id).query(String.class).single(), FormDefinition.class);
    }

    /** Returns matching a filter, newest period first; {@code unitCode} null for every unit. */
    List<FormReturn> returns(@Nullable String formCode, @Nullable String unitCode, @Nullable String period,
            @Nullable ReturnStatus status, int offset, int limit) {
        return jdbc.sql("select " + RETURN_COLUMNS + where(formCode, unitCode, period, status)
                        + " order by r.period_start desc, f.code, r.unit_code limit :limit offset :offset")
                .params(params(formCode, unitCode, period, status)).param("limit", limit).param("offset", offset)
                .query(this::mapReturn).list();
    }

    long countReturns(@Nullable String formCode, @Nullable String unitCode, @Nullable String period,
            @Nullable ReturnStatus status) {
        return jdbc.sql("select count(*) from forms_return r join forms_form f on f.id = r.form_id"
                        + where(formCode, unitCode, period, status))
                .params(params(formCode, unitCode, period, status)).query(Long.class).single();
    }

    private static String where(@Nullable String formCode, @Nullable String unitCode, @Nullable String period,
            @Nullable ReturnStatus status) {
        List<String> w = new ArrayList<>();
        if (formCode != null) {
            w.add("f.code = :form");
        }
        if (unitCode != null) {
            w.add("r.unit_code = :unit");
        }
        if (period != null) {
            w.add("r.period = :period");
        }
        if (status != null) {
            w.add("r.status = :status");
        }
        return w.isEmpty() ? "" : " where " + String.join(" and ", w);
    }

    private static Map<String, Object> params(@Nullable String formCode, @Nullable String unitCode,
            @Nullable String period, @Nullable ReturnStatus status) {
        Map<String, Object> p = new java.util.HashMap<>();
        if (formCode != null) {
            p.put("form", formCode);
        }
        if (unitCode != null) {
            p.put("unit", unitCode);
        }
        if (period != null) {
            p.put("period", period);
        }
        if (status != null) {
            p.put("status", status.name());
        }
        return p;
    }

    /** Moves a return on; false when someone changed it meanwhile (optimistic lock) or its status moved. */
    boolean updateReturn(long id, int rowVersion, ReturnStatus from, ReturnStatus to, Map<String, Object> values,
            @Nullable Instant submittedAt, @Nullable LocalDate submittedOn, @Nullable String reason) {
        return jdbc.sql("""
                update forms_return set status = :to, data = :d, row_version = row_version + 1,
                  submitted_at = coalesce(:sat, submitted_at), submitted_on = coalesce(submitted_on, :son),
                  return_reason = :reason, accepted_at = coalesce(:acc, accepted_at)
                where id = :id and row_version = :rv and status = :from""")
                .param("to", to.name()).param("d", json.writeValueAsString(values)).param("sat", ts(submittedAt))
                .param("son", submittedOn).param("reason", reason).param("acc", to == ReturnStatus.ACCEPTED ? ts(Instant.now()) : null)
                .param("id", id).param("rv", rowVersion).param("from", from.name()).update() == 1;
    }

    void insertEvent(long returnId, String action, ReturnStatus status, Map<String, Object> values,
            @Nullable String reason, Instant at, String by) {
        jdbc.sql("""
                insert into forms_return_event (return_id, action, status, data, reason, happened_at, by_user)
                values (:r, :a, :s, :d, :reason, :at, :by)""")
                .param("r", returnId).param("a", action).param("s", status.name())
                .param("d", json.writeValueAsString(values)).param("reason", reason).param("at", ts(at))
                .param("by", by).update();
    }

    /** A return's history, each entry signed with {@code names} (login → what people read). */
    List<FormReturn.Event> events(long returnId, java.util.function.UnaryOperator<String> names) {
        return jdbc.sql("""
                select id, action, status, data, reason, happened_at, by_user from forms_return_event where return_id = :r
                order by id""").param("r", returnId)
                .query((rs, n) -> new FormReturn.Event(rs.getLong(1), rs.getString(2), ReturnStatus.valueOf(rs.getString(3)),
                        json.readValue(rs.getString(4), VALUES), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getString(7), names.apply(rs.getString(7))))
                .list();
    }

    /** Accepted returns of a form and period (every unit's). */
    List<FormReturn> accepted(long formId, String period) {
        return jdbc.sql("select " + RETURN_COLUMNS + " where r.form_id = :f and r.period = :p and r.status = 'ACCEPTED'")
                .param("f", formId).param("p", period).query(this::mapReturn).list();
    }

    /** Returns still not handed in after their due date and not yet reported as overdue. */
    List<FormReturn> overdueUnreported(LocalDate today) {
        return jdbc.sql("select " + RETURN_COLUMNS
                        + " where r.due < :today and r.status in ('OPEN', 'DRAFT') and r.overdue_published_on is null")
                .param("today", today).query(this::mapReturn).list();
    }

    /** Marks a return as reported overdue; false when another run did first. */
    boolean markOverdue(long id, LocalDate on) {
        return jdbc.sql("update forms_return set overdue_published_on = :on where id = :id and overdue_published_on is null")
                .param("on", on).param("id", id).update() == 1;
    }

    boolean overdueReported(long id) {
        return jdbc.sql("select overdue_published_on from forms_return where id = :id").param("id", id)
                .query(LocalDate.class).optional().isPresent();
    }

    List<FormReturn> remindable(LocalDate today, LocalDate horizon) {
        return jdbc.sql("select " + RETURN_COLUMNS
                        + " where r.due >= :today and r.due <= :h and r.status in ('OPEN', 'DRAFT') and r.reminded_on is null")
                .param("today", today).param("h", horizon).query(this::mapReturn).list();
    }

    int reminderDays(long returnId) {
        return jdbc.sql("select a.reminder_days from forms_return r join forms_assignment a on a.id = r.assignment_id where r.id = :id")
                .param("id", returnId).query(Integer.class).single();
    }

    boolean markReminded(long id, LocalDate on) {
        return jdbc.sql("update forms_return set reminded_on = :on where id = :id and reminded_on is null")
                .param("on", on).param("id", id).update() == 1;
    }

    /** What was last published for an indicator, unit (or {@code *} for the city) and date. */
    Optional<BigDecimal> lastPublished(long formId, String indicator, String unit, LocalDate asOf) {
        return jdbc.sql("select figure from forms_published where form_id = :f and indicator_code = :i and unit_code = :u and as_of = :a")
                .param("f", formId).param("i", indicator).param("u", unit).param("a", asOf).query(BigDecimal.class).optional();
    }

    void recordPublished(long formId, String indicator, String unit, LocalDate asOf, BigDecimal value) {
        int n = jdbc.sql("update forms_published set figure = :v where form_id = :f and indicator_code = :i and unit_code = :u and as_of = :a")
                .param("f", formId).param("v", value).param("i", indicator).param("u", unit).param("a", asOf).update();
        if (n == 0) {
            jdbc.sql("insert into forms_published (form_id, indicator_code, unit_code, as_of, figure) values (:f, :i, :u, :a, :v)")
                    .param("f", formId).param("v", value).param("i", indicator).param("u", unit).param("a", asOf).update();
        }
    }

    /** Whether a file was uploaded to a return (a FILE field may only name its own return's files). */
    boolean fileBelongsTo(String fileId, long returnId) {
        return jdbc.sql("select count(*) from forms_file where id = :id and return_id = :r")
                .param("id", Long.parseLong(fileId)).param("r", returnId).query(Integer.class).single() > 0;
    }

    boolean seeded(String code) {
        return jdbc.sql("select count(*) from forms_seed where code = :c").param("c", code).query(Integer.class).single() > 0;
    }

    void markSeeded(String code, Instant at) {
        jdbc.sql("insert into forms_seed (code, loaded_at) values (:c, :at)").param("c", code).param("at", ts(at)).update();
    }

    private FormReturn mapReturn(ResultSet rs, int n) throws SQLException {
        return new FormReturn(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(), rs.getDate(9).toLocalDate(),
                ReturnStatus.valueOf(rs.getString(10)), json.readValue(rs.getString(11), VALUES), instant(rs, 12),
                date(rs, 13), rs.getString(14), rs.getBoolean(15), rs.getInt(16));
    }

    private static List<String> codes(@Nullable String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
    }

    private static @Nullable LocalDate date(ResultSet rs, int i) throws SQLException {
        java.sql.Date d = rs.getDate(i);
        return d == null ? null : d.toLocalDate();
    }

    private static @Nullable Instant instant(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
