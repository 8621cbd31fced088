package org.gongjian.assessment;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Published by a ledger about a report a unit owes it (a data-collection return, say): once when it falls
 * due, again when it is handed in. Assessment keeps the latest word per item and counts it in the unit's
 * timeliness component as a {@link FactKind#REPORT}: on time, late (handed in after {@code due}) or missed.
 *
 * @param ledger    the publishing module, e.g. {@code forms}
 * @param itemKey   the item's key within the ledger, e.g. {@code return:42}
 * @param unitCode  the unit that owes it
 * @param label     what it is, e.g. the form's title
 * @param reference the period it covers, e.g. {@code 2024-10}
 * @param done      the day it was first handed in (null while it is not)
 */
public record LedgerReportDue(String ledger, String itemKey, String unitCode, String label, String reference,
        LocalDate due, @Nullable LocalDate done, boolean demo) {
}
