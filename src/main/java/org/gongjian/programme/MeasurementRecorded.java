package org.gongjian.programme;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A measurement was recorded for a target: supervision re-evaluates the target at once. */
public record MeasurementRecorded(String programmeCode, String targetCode, long targetId, long measurementId,
        BigDecimal value, LocalDate asOf, MeasurementSource source) {
}
