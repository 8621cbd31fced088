package org.gongjian.assessment;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Permissions;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.Evidence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Versioned scoring schemes (考核评分办法). A programme's own version valid on a date wins; else the
 * default for all programmes. A new version starts on a date and closes the one before, which stays, so
 * a past period is scored under the scheme then in force.
 */
@Service
@Transactional(readOnly = true)
public class ScoringSchemes {

    private static final String SELECT = """
            select id, programme_code, version, name, source_document, evidence, valid_from, valid_to, rules,
                   recorded_by, recorded_at from assessment_scheme
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Validator validator;
    private final ProgrammeManagement programmes;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    ScoringSchemes(JdbcClient jdbc, JsonMapper json, Validator validator, ProgrammeManagement programmes,
            Accounts accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.validator = validator;
        this.programmes = programmes;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a new version says. */
    public record NewScheme(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 500) String sourceDocument,
            @NotNull Evidence evidence, @NotNull LocalDate validFrom, @NotNull @Valid SchemeRules rules) {
    }

    /** The scheme in force for a programme on a date: its own, else the default. */
    public ScoringScheme inForce(String programmeCode, LocalDate on) {
        ScoringScheme chosen = null;
        for (ScoringScheme s : jdbc.sql(SELECT + """
                 where (programme_code = :code or programme_code is null) and valid_from <= :on
                   and (valid_to is null or valid_to > :on) order by valid_from, id""")
                .param("code", programmeCode).param("on", on).query(this::map).list()) {
            if (chosen == null || chosen.programmeCode() == null || s.programmeCode() != null) {
                chosen = s;
            }
        }
        if (chosen == null) {
            throw new InvalidInputException("period", "error.assessment.no-scheme", on);
        }
        return chosen;
    }

    public ScoringScheme scheme(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("error.assessment.scheme-not-found", id));
    }

    /** Every version that applies to a programme, its own and the defaults, newest first. */
    public List<ScoringScheme> history(String programmeCode) {
        programmes.programme(programmeCode);
        return jdbc.sql(SELECT + " where programme_code = :code or programme_code is null order by valid_from desc, id desc")
                .param("code", programmeCode).query(this::map).list();
    }

    /**
     * Adds a programme's own version from a date, closing its version then open. Only the programme
     * office may; the rules are checked field by field and across fields.
     */
    @Transactional
    public ScoringScheme define(String programmeCode, NewScheme scheme) {
        if (!accounts.current().can(Permissions.ASSESSMENT_MANAGE)) {
            audit.denied("scoring-scheme", programmeCode, "programme office only");
            throw new AccessDeniedException("error.access-denied");
        }
        programmes.programme(programmeCode);
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<NewScheme> cv : validator.validate(scheme)) {
            violations.add(new Violation(cv.getPropertyPath().toString(), cv.getMessage()));
        }
        if (violations.isEmpty()) {
            violations.addAll(scheme.rules().crossFieldViolations().stream()
                    .map(v -> new Violation("rules." + v.field(), v.messageKey(), v.args())).toList());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<ScoringScheme> own = jdbc.sql(SELECT + " where programme_code = :code order by valid_from")
                .param("code", programmeCode).query(this::map).list();
        for (ScoringScheme s : own) {
            if (!s.validFrom().isBefore(scheme.validFrom())) {
                throw new ConflictException("error.assessment.scheme-later-version", s.version(), s.validFrom());
            }
        }
        own.stream().filter(s -> s.validTo() == null).forEach(s -> jdbc.sql(
                "update assessment_scheme set valid_to = :to where id = :id")
                .param("to", scheme.validFrom()).param("id", s.id()).update());
        int version = jdbc.sql("select coalesce(max(version), 0) from assessment_scheme where programme_code = :code or programme_code is null")
                .param("code", programmeCode).query(Integer.class).single() + 1;
        String actor = accounts.current().username();
        Instant now = Instant.now(clock);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_scheme (programme_code, version, name, source_document, evidence, valid_from,
                  rules, recorded_by, recorded_at)
                values (:code, :version, :name, :doc, :evidence, :from, :rules, :by, :at)""")
                .param("code", programmeCode).param("version", version).param("name", scheme.name().trim())
                .param("doc", scheme.sourceDocument().trim()).param("evidence", scheme.evidence().name())
                .param("from", scheme.validFrom()).param("rules", json.writeValueAsString(scheme.rules()))
                .param("by", actor).param("at", Timestamp.from(now)).update(keys, "id");
        ScoringScheme saved = scheme(Objects.requireNonNull(keys.getKey()).longValue());
        audit.created("scoring-scheme", programmeCode + "/v" + version, saved);
        return saved;
    }

    private ScoringScheme map(ResultSet rs, int row) throws SQLException {
        return new ScoringScheme(rs.getLong("id"), rs.getString("programme_code"), rs.getInt("version"),
                rs.getString("name"), rs.getString("source_document"), Evidence.valueOf(rs.getString("evidence")),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                json.readValue(rs.getString("rules"), SchemeRules.class), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
