package org.gongjian.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A unit's return of a form for one period, with the values as last saved. */
public record FormReturn(long id, String formCode, String formTitle, int versionNumber, String unitCode,
        String period, LocalDate periodStart, LocalDate periodEnd, LocalDate due, ReturnStatus status,
        Map<String, Object> values, @Nullable Instant submittedAt, @Nullable LocalDate submittedOn,
        @Nullable String returnReason, boolean demo, int rowVersion) {

    /** Whether it was (or still is) not handed in by its due date. */
    public boolean late(LocalDate today) {
        if (submittedOn != null) {
            return submittedOn.isAfter(due);
        }
        return today.isAfter(due);
    }

    /**
     * An entry of a return's history: a save, submission or decision, with the values as they were; who did it
     * as a login ({@code by}, {@code demo:…} for generated demo entries) and as people read it ({@code byName}).
     */
    public record Event(long id, String action, ReturnStatus status, Map<String, Object> values,
            @Nullable String reason, Instant at, String by, String byName) {
    }
}
