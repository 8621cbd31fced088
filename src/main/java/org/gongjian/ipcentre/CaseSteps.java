package org.gongjian.ipcentre;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a step of a design case and of a protection case share: the status asked for must be one the case may move
 * to, the step is dated on or after the case's last step, and the case's row takes the new status and the step's
 * columns only under the version the caller read (someone else's step in between is a conflict).
 */
final class CaseSteps {

    private CaseSteps() {
    }

    /** The status asked for, when the case may move there from where it stands; refused otherwise. */
    static <S extends Enum<S>> S target(@Nullable S to, S from, Set<S> next, String transitionKey) {
        if (to == null) {
            throw new InvalidInputException("to", "ipcentre.error.status-required");
        }
        if (!next.contains(to)) {
            throw new ConflictException(transitionKey, from, to);
        }
        return to;
    }

    /** The step's date (today when not given, never in the future), not before the case's last step. */
    static LocalDate dated(Access access, @Nullable LocalDate given, LocalDate last) {
        LocalDate on = access.on(given, "on");
        if (on.isBefore(last)) {
            throw new InvalidInputException("on", "ipcentre.error.before-previous", last);
        }
        return on;
    }

    /** Moves the case's row of {@code table} to {@code to} with the step's columns, under {@code version}. */
    static void update(JdbcClient jdbc, String table, long id, Enum<?> to, Map<String, Object> columns, int version,
            String caseNo) {
        StringBuilder sql = new StringBuilder("update " + table + " set status = :status, version = version + 1");
        columns.keySet().forEach(k -> sql.append(", ").append(k).append(" = :").append(k));
        sql.append(" where id = :id and version = :version");
        var spec = jdbc.sql(sql.toString()).param("status", to.name()).param("id", id).param("version", version);
        for (var e : columns.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        if (spec.update() == 0) {
            throw new ConflictException("error.stale-version", caseNo);
        }
    }
}
