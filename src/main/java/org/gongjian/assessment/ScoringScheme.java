package org.gongjian.assessment;

import java.time.Instant;
import java.time.LocalDate;
import org.gongjian.shared.Evidence;
import org.jspecify.annotations.Nullable;

/**
 * One version of a scoring scheme: its rules from {@code validFrom} until {@code validTo} (exclusive, open
 * when null), for one programme or, when {@code programmeCode} is null, for every programme without its
 * own; with the document it comes from. A period is scored under the version in force on its last day.
 */
public record ScoringScheme(long id, @Nullable String programmeCode, int version, String name, String sourceDocument,
        Evidence evidence, LocalDate validFrom, @Nullable LocalDate validTo, SchemeRules rules, String recordedBy,
        Instant recordedAt) {

    public boolean validOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || date.isBefore(validTo));
    }
}
