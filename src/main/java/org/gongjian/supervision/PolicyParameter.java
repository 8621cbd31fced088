package org.gongjian.supervision;

import org.gongjian.shared.Evidence;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One version of a policy parameter: its value from {@code validFrom} until {@code validTo} (exclusive,
 * open when null), for one programme or, when {@code programmeCode} is null, for every programme that
 * sets no value of its own; with the document it comes from and how well that is established.
 */
public record PolicyParameter(long id, @Nullable String programmeCode, String key, String value, LocalDate validFrom,
        @Nullable LocalDate validTo, String sourceDocument, Evidence evidence, @Nullable String note,
        String recordedBy, Instant recordedAt) {

    public boolean validOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || date.isBefore(validTo));
    }
}
