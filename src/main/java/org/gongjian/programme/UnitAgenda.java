package org.gongjian.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a unit's staff must do first, for the start page: the unit's open supervision notices and the
 * progress report due next. Implemented by the supervision module (as {@link StatusLights}, ADR 0024), so
 * that the programme's pages do not depend on it; without an implementation the start page shows neither.
 */
public interface UnitAgenda {

    /** An open notice to (or copied to) the unit, with its number (编号) once it has one. */
    record OpenNotice(long id, @Nullable String number, String level, String title, String link, LocalDate answerDue,
            boolean overdue) {
    }

    /** The progress report the unit owes next: the cycle (e.g. 2026-11) and the day it is due. */
    record ReportDue(String cycle, LocalDate due) {
    }

    /** The unit's open notices, the most urgent first, in the reader's language. */
    List<OpenNotice> openNotices(long unitId);

    /** The next progress report due for a programme under way; empty once it has ended. */
    Optional<ReportDue> reportDue(String programmeCode);
}
