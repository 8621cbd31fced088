package org.gongjian.supervision;

import org.gongjian.shared.Evidence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Permissions;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned policy parameters: tolerances, time limits, the reporting cycle. A programme's own value
 * valid on a date wins; else the default for all programmes. Changing a value adds a version from a
 * date, with its source document; earlier versions stay, so a past status is computed under the rules
 * then in force.
 */
@Service
@Transactional(readOnly = true)
public class PolicyParameters {

    private static final String COLUMNS = """
            select id, programme_code, param_key, param_value, valid_from, valid_to, source_document, evidence, note,
                   recorded_by, recorded_at from supervision_policy_parameter
            """;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final org.gongjian.programme.ProgrammeManagement programmes;

    PolicyParameters(JdbcClient jdbc, Accounts accounts, AuditLog audit, Clock clock,
            org.gongjian.programme.ProgrammeManagement programmes) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a new version says. */
    public record NewValue(String value, LocalDate validFrom, String sourceDocument, Evidence evidence,
            @Nullable String note) {
    }

    /** The supervision rules in force for a programme on a date. */
    public SupervisionPolicy policy(String programmeCode, LocalDate on) {
        Map<PolicyKey, PolicyParameter> in = new EnumMap<>(PolicyKey.class);
        for (PolicyParameter p : effective(programmeCode, on)) {
            PolicyKey.of(p.key()).ifPresent(k -> in.put(k, p));
        }
        List<PolicyKey> missing = java.util.Arrays.stream(PolicyKey.values()).filter(k -> !in.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No policy value in force on " + on + " for " + missing);
        }
        return new SupervisionPolicy(programmeCode, on,
                TimeProgressMethod.valueOf(text(in, PolicyKey.TIME_PROGRESS_METHOD)),
                WarningKind.valueOf(text(in, PolicyKey.WARNING_KIND)),
                new BigDecimal(text(in, PolicyKey.WARNING_YELLOW)), new BigDecimal(text(in, PolicyKey.WARNING_RED)),
                Boolean.parseBoolean(text(in, PolicyKey.WARNING_INCLUSIVE)),
                Double.parseDouble(text(in, PolicyKey.FORECAST_CONFIDENCE)),
                Double.parseDouble(text(in, PolicyKey.FORECAST_AT_RISK_BELOW)),
                number(in, PolicyKey.MILESTONE_DUE_SOON_WORKDAYS), number(in, PolicyKey.NOTICE_ANSWER_WORKDAYS),
                number(in, PolicyKey.NOTICE_CHASE_AFTER_DUE_WORKDAYS),
                number(in, PolicyKey.NOTICE_SUPERVISE_AFTER_CHASE_WORKDAYS),
                number(in, PolicyKey.NOTICE_BULLETIN_AFTER_SUPERVISE_WORKDAYS),
                text(in, PolicyKey.NOTICE_NUMBER_PREFIX), ReportCycle.valueOf(text(in, PolicyKey.REPORT_CYCLE)),
                number(in, PolicyKey.REPORT_DUE_DAY), List.copyOf(in.values()),
                Double.parseDouble(text(in, PolicyKey.FORECAST_FLOOR)),
                Double.parseDouble(text(in, PolicyKey.FORECAST_MISS_POINTS)));
    }

    /**
     * The version of every key in force for a programme on a date: the programme's own where it has
     * one, else the default. Keys other modules add (e.g. {@code score.*}) are included.
     */
    public List<PolicyParameter> effective(String programmeCode, LocalDate on) {
        Map<String, PolicyParameter> chosen = new java.util.TreeMap<>();
        for (PolicyParameter p : jdbc.sql(COLUMNS + """
                 where (programme_code = :code or programme_code is null) and valid_from <= :on
                   and (valid_to is null or valid_to > :on)
                 order by valid_from, id""").param("code", programmeCode).param("on", on)
                .query(PolicyParameters::map).list()) {
            PolicyParameter current = chosen.get(p.key());
            if (current == null || current.programmeCode() == null || p.programmeCode() != null) {
                chosen.put(p.key(), p);
            }
        }
        return List.copyOf(chosen.values());
    }

    /** The value of one key in force for a programme on a date. */
    public Optional<PolicyParameter> value(String programmeCode, String key, LocalDate on) {
        return effective(programmeCode, on).stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** Every version of every key that applies to a programme, its own and the defaults, newest first. */
    public List<PolicyParameter> history(String programmeCode) {
        return jdbc.sql(COLUMNS + " where programme_code = :code or programme_code is null order by param_key, valid_from desc, id desc")
                .param("code", programmeCode).query(PolicyParameters::map).list();
    }

    /**
     * Sets a programme's own value of a key from a date, closing its version then in force. Only the
     * programme office may; supervision keys are checked against their rules.
     */
    @Transactional
    public PolicyParameter set(String programmeCode, String key, NewValue value) {
        if (!accounts.current().can(Permissions.SUPERVISION_MANAGE)) {
            audit.denied("policy-parameter", programmeCode + "/" + key, "programme office only");
            throw new AccessDeniedException("error.access-denied");
        }
        programmes.programme(programmeCode);
        List<Violation> violations = new ArrayList<>();
        if (!key.matches("[a-zA-Z][a-zA-Z0-9.]{0,63}")) {
            violations.add(new Violation("key", "error.policy.key", key));
        }
        PolicyKey.of(key).filter(k -> !k.accepts(value.value()))
                .ifPresent(k -> violations.add(new Violation("value", "error.policy.value", key, value.value())));
        if (value.sourceDocument().isBlank()) {
            violations.add(new Violation("sourceDocument", "error.policy.source-required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<PolicyParameter> own = jdbc.sql(COLUMNS + " where programme_code = :code and param_key = :key order by valid_from")
                .param("code", programmeCode).param("key", key).query(PolicyParameters::map).list();
        for (PolicyParameter p : own) {
            if (!p.validFrom().isBefore(value.validFrom())) {
                throw new ConflictException("error.policy.later-version", key, p.validFrom());
            }
        }
        own.stream().filter(p -> p.validTo() == null).forEach(p -> jdbc.sql(
                "update supervision_policy_parameter set valid_to = :to where id = :id")
                .param("to", value.validFrom()).param("id", p.id()).update());
        String actor = accounts.current().username();
        Instant now = Instant.now(clock);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into supervision_policy_parameter (programme_code, param_key, param_value, valid_from,
                  source_document, evidence, note, recorded_by, recorded_at)
                values (:code, :key, :value, :from, :doc, :evidence, :note, :by, :at)""")
                .param("code", programmeCode).param("key", key).param("value", value.value())
                .param("from", value.validFrom()).param("doc", value.sourceDocument())
                .param("evidence", value.evidence().name()).param("note", value.note()).param("by", actor)
                .param("at", Timestamp.from(now)).update(keys, "id");
        long id = java.util.Objects.requireNonNull(keys.getKey()).longValue();
        PolicyParameter saved = new PolicyParameter(id, programmeCode, key, value.value(), value.validFrom(), null,
                value.sourceDocument(), value.evidence(), value.note(), actor, now);
        audit.created("policy-parameter", programmeCode + "/" + key + "@" + value.validFrom(), saved);
        return saved;
    }

    private static String text(Map<PolicyKey, PolicyParameter> in, PolicyKey key) {
        return in.get(key).value();
    }

    private static int number(Map<PolicyKey, PolicyParameter> in, PolicyKey key) {
        return Integer.parseInt(text(in, key));
    }

    private static PolicyParameter map(ResultSet rs, int row) throws SQLException {
        return new PolicyParameter(rs.getLong("id"), rs.getString("programme_code"), rs.getString("param_key"),
                rs.getString("param_value"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getString("source_document"),
                Evidence.valueOf(rs.getString("evidence")), rs.getString("note"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
