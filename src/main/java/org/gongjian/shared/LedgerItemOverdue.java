package org.gongjian.shared;

import java.time.LocalDate;

/**
 * Published by a ledger when one of its items passes its deadline (an overdue defect, case or return).
 * Supervision turns it into a supervision notice (督办单) for the responsible unit, once per item while it
 * is open, and escalates it as other notices; a ledger never escalates on its own.
 *
 * @param ledger   the publishing module, e.g. {@code roads}
 * @param itemKey  the item's key within the ledger, e.g. {@code defect:42}
 * @param unitCode the responsible unit's organisation code
 * @param title    one line saying what is late, in Chinese
 * @param due      the deadline that passed
 * @param link     a relative URL back to the item
 */
public record LedgerItemOverdue(String ledger, String itemKey, String unitCode, String title, LocalDate due, String link) {
}
