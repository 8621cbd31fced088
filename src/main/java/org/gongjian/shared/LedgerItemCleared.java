package org.gongjian.shared;

import java.time.LocalDate;

/**
 * Published by a ledger when an item it reported as {@link LedgerItemOverdue} is done (repaired, closed,
 * submitted): supervision closes the item's open notice with the reason.
 */
public record LedgerItemCleared(String ledger, String itemKey, LocalDate on, String reason) {
}
