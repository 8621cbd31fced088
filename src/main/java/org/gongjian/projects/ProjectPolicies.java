package org.gongjian.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.shared.Evidence;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's policy data, versioned by validity with its source document and evidence mark: the schedule
 * thresholds (percentage points ahead of or behind time progress), the reporting deadline and a problem's
 * default deadline in working days.
 */
@Service
@Transactional(readOnly = true)
public class ProjectPolicies {

    public static final String AHEAD_POINTS = "AHEAD_POINTS";
    public static final String BEHIND_POINTS = "BEHIND_POINTS";
    public static final String REPORT_DUE_WORKING_DAYS = "REPORT_DUE_WORKING_DAYS";
    public static final String PROBLEM_DUE_WORKING_DAYS = "PROBLEM_DUE_WORKING_DAYS";

    /** One version of a parameter. */
    public record Parameter(String key, BigDecimal value, String sourceDocument, Evidence evidence, LocalDate validFrom,
            @Nullable LocalDate validTo) {
    }

    private final JdbcClient jdbc;

    ProjectPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Parameter> all() {
        return jdbc.sql("select * from projects_policy order by param_key, valid_from")
                .query((rs, n) -> new Parameter(rs.getString("param_key"), rs.getBigDecimal("param_value"),
                        rs.getString("source_document"), Evidence.valueOf(rs.getString("evidence")),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    /** The value of a parameter on a day: the latest version that started by then and has not ended. */
    public BigDecimal value(String key, LocalDate on) {
        Parameter found = null;
        for (Parameter p : all()) {
            if (p.key().equals(key) && !p.validFrom().isAfter(on) && (p.validTo() == null || !p.validTo().isBefore(on))
                    && (found == null || found.validFrom().isBefore(p.validFrom()))) {
                found = p;
            }
        }
        if (found == null) {
            throw new IllegalStateException("No projects policy " + key + " valid on " + on);
        }
        return found.value();
    }

    public Progress.Thresholds thresholds(LocalDate on) {
        return new Progress.Thresholds(value(AHEAD_POINTS, on), value(BEHIND_POINTS, on));
    }

    public int workingDays(String key, LocalDate on) {
        return value(key, on).intValueExact();
    }
}
