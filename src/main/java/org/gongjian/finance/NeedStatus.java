package org.gongjian.finance;

import java.util.Set;

/**
 * Where a financing need stands: declared (申报清单), screened on the five criteria into the recommendation list
 * (推荐清单) or found not eligible, pushed to the paired consortium, contacted by a bank, decided, disbursed, or
 * withdrawn with a reason.
 */
public enum NeedStatus {
    DECLARED, NOT_ELIGIBLE, RECOMMENDED, PUSHED, CONTACTED, APPROVED, DECLINED, DISBURSED, WITHDRAWN;

    /** The statuses a bank sees: pushed to its consortium and after. */
    public static final Set<NeedStatus> AT_BANK = Set.of(PUSHED, CONTACTED, APPROVED, DECLINED, DISBURSED, WITHDRAWN);

    /** Whether the need waits for a bank's first contact or its decision (the SLA clocks run). */
    public boolean awaitingBank() {
        return this == PUSHED || this == CONTACTED;
    }

    public boolean withdrawable() {
        return this != WITHDRAWN && this != DECLINED && this != DISBURSED;
    }
}
