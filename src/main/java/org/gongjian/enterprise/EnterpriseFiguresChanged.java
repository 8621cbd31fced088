package org.gongjian.enterprise;

/** Published once per transaction that changed figures or the register, so that ledgers recompute their totals. */
public record EnterpriseFiguresChanged(int earliestYear) {
}
