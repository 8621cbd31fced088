package org.gongjian.roads;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.shared.Evidence;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's policy data, versioned by validity: deadlines by severity (working days), patrol plans by
 * chief level, the MQI and PQI weights and the grade floors. Nothing of it is a literal in code.
 */
@Service
@Transactional(readOnly = true)
public class RoadPolicies {

    /** The kinds of policy parameter. */
    public enum Kind { DEADLINE, PATROL_PLAN, MQI_WEIGHT, PQI_WEIGHT, GRADE_FLOOR }

    /** A patrol plan's period. */
    public enum Period { WEEK, MONTH, QUARTER }

    /** One parameter version. */
    public record Parameter(long id, Kind kind, String key, BigDecimal value, @Nullable Period period,
            String sourceDocument, Evidence evidence, LocalDate validFrom, @Nullable LocalDate validTo) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    RoadPolicies(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Parameter> all() {
        return jdbc.sql("select * from roads_policy order by kind, param_key, valid_from")
                .query((rs, n) -> new Parameter(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                        rs.getString("param_key"), rs.getBigDecimal("param_value"),
                        rs.getString("period") == null ? null : Period.valueOf(rs.getString("period")),
                        rs.getString("source_document"), Evidence.valueOf(rs.getString("evidence")),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    /** The parameters of a kind valid on a date, by key (the latest version that started on or before it). */
    public Map<String, Parameter> valid(Kind kind, LocalDate on) {
        Map<String, Parameter> found = new LinkedHashMap<>();
        for (Parameter p : all()) {
            if (p.kind() == kind && !p.validFrom().isAfter(on) && (p.validTo() == null || !p.validTo().isBefore(on))) {
                Parameter before = found.get(p.key());
                if (before == null || before.validFrom().isBefore(p.validFrom())) {
                    found.put(p.key(), p);
                }
            }
        }
        return found;
    }

    public Map<String, BigDecimal> values(Kind kind, LocalDate on) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        valid(kind, on).forEach((k, p) -> values.put(k, p.value()));
        return values;
    }

    /** Working days allowed to fix a defect of a severity. */
    public int deadlineDays(Severity severity, LocalDate on) {
        Parameter p = valid(Kind.DEADLINE, on).get(severity.name());
        if (p == null) {
            throw new InvalidInputException("severity", "roads.error.no-deadline", severity);
        }
        return p.value().intValue();
    }

    /**
     * A new version of a parameter from a date: the version valid then ends the day before. The source
     * document is required.
     */
    @Transactional
    public Parameter enter(Kind kind, String key, BigDecimal value, @Nullable Period period, String sourceDocument,
            Evidence evidence, LocalDate validFrom) {
        if (sourceDocument == null || sourceDocument.isBlank()) {
            throw new InvalidInputException("sourceDocument", "error.policy.source-required");
        }
        if (value.signum() < 0) {
            throw new InvalidInputException("value", "roads.error.negative");
        }
        Parameter before = valid(kind, validFrom).get(key);
        if (before != null && before.validFrom().equals(validFrom)) {
            throw new InvalidInputException("validFrom", "roads.error.policy-same-day", validFrom);
        }
        if (before != null) {
            jdbc.sql("update roads_policy set valid_to = :to where id = :id").param("to", validFrom.minusDays(1))
                    .param("id", before.id()).update();
        }
        jdbc.sql("""
                insert into roads_policy (kind, param_key, param_value, period, source_document, evidence, valid_from)
                values (:k, :key, :v, :p, :doc, :ev, :from)""")
                .param("k", kind.name()).param("key", key).param("v", value)
                .param("p", period == null ? null : period.name()).param("doc", sourceDocument)
                .param("ev", evidence.name()).param("from", validFrom).update();
        Parameter after = valid(kind, validFrom).get(key);
        audit.created("roads-policy", kind + "/" + key + "/" + validFrom, after);
        return java.util.Objects.requireNonNull(after);
    }
}
