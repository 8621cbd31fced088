package org.gongjian.ipcentre;

import java.util.Set;

/**
 * A protection case: RECEIVED → ACCEPTED | REJECTED → (MEDIATION | PLATFORM_NOTICE) → MEASURE_TAKEN →
 * [COUNTER_NOTICE → 15-day timer → COMPLAINT_FILED | MEASURE_LIFTED] → RESOLVED | TRANSFERRED → CLOSED.
 */
public enum ProtectionStatus {
    RECEIVED, ACCEPTED, REJECTED, MEDIATION, PLATFORM_NOTICE, MEASURE_TAKEN, COUNTER_NOTICE, COMPLAINT_FILED,
    MEASURE_LIFTED, RESOLVED, TRANSFERRED, CLOSED;

    public Set<ProtectionStatus> next(ProtectionType type) {
        boolean notice = type == ProtectionType.ECOMMERCE_COMPLAINT || type == ProtectionType.TRADE_FAIR_COMPLAINT;
        return switch (this) {
            case RECEIVED -> Set.of(ACCEPTED, REJECTED);
            case ACCEPTED -> notice ? Set.of(PLATFORM_NOTICE, MEDIATION, TRANSFERRED) : Set.of(MEDIATION, TRANSFERRED);
            case MEDIATION -> Set.of(RESOLVED, TRANSFERRED);
            case PLATFORM_NOTICE -> Set.of(MEASURE_TAKEN, TRANSFERRED);
            case MEASURE_TAKEN -> type == ProtectionType.ECOMMERCE_COMPLAINT ? Set.of(COUNTER_NOTICE, RESOLVED)
                    : Set.of(RESOLVED);
            case COUNTER_NOTICE -> Set.of(COMPLAINT_FILED, MEASURE_LIFTED);
            case COMPLAINT_FILED -> Set.of(RESOLVED, TRANSFERRED);
            case MEASURE_LIFTED -> Set.of(RESOLVED, CLOSED);
            case RESOLVED, TRANSFERRED -> Set.of(CLOSED);
            case REJECTED, CLOSED -> Set.of();
        };
    }
}
