package org.gongjian.shared;

import java.time.LocalDate;

/**
 * Published by a ledger when one of its items has passed its deadline without being done. Supervision
 * turns it into a notice to the responsible unit, once per {@code (ledger, itemKey)} while open.
 *
 * @param ledger   the publishing ledger, e.g. {@code "roads"}
 * @param itemKey  the item's key inside the ledger, e.g. {@code "defect:42"}
 * @param unitCode the responsible unit's organisation code
 * @param title    one Chinese line saying what is late
 * @param due      the deadline that has passed
 * @param link     relative URL back to the item
 */
public record LedgerItemOverdue(String ledger, String itemKey, String unitCode, String title, LocalDate due, String link) {}
