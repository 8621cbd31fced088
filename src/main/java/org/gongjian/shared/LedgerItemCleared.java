package org.gongjian.shared;

import java.time.LocalDate;

/**
 * Published by a ledger when an item it reported overdue ({@link LedgerItemOverdue}) is done or no longer
 * due. Supervision closes the matching notice with {@code reason}.
 *
 * @param ledger  the publishing ledger, as in {@link LedgerItemOverdue#ledger()}
 * @param itemKey the item's key, as in {@link LedgerItemOverdue#itemKey()}
 * @param on      the day the cause cleared
 * @param reason  one Chinese line saying why, recorded on the notice
 */
public record LedgerItemCleared(String ledger, String itemKey, LocalDate on, String reason) {}
