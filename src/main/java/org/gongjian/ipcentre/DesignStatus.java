package org.gongjian.ipcentre;

import java.util.Set;

/**
 * A design pre-examination case: DRAFT → SUBMITTED → ACCEPTED → IN_EXAM ⇄ NEEDS_CORRECTION → PASSED →
 * FILED_AT_CNIPA → GRANTED, ending otherwise in FAILED, WITHDRAWN or CNIPA_REJECTED.
 */
public enum DesignStatus {
    DRAFT, SUBMITTED, ACCEPTED, IN_EXAM, NEEDS_CORRECTION, PASSED, FILED_AT_CNIPA, GRANTED, FAILED, WITHDRAWN,
    CNIPA_REJECTED;

    public Set<DesignStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> Set.of(ACCEPTED, FAILED, WITHDRAWN);
            case ACCEPTED -> Set.of(IN_EXAM, WITHDRAWN);
            case IN_EXAM -> Set.of(NEEDS_CORRECTION, PASSED, FAILED, WITHDRAWN);
            case NEEDS_CORRECTION -> Set.of(IN_EXAM, FAILED, WITHDRAWN);
            case PASSED -> Set.of(FILED_AT_CNIPA, WITHDRAWN);
            case FILED_AT_CNIPA -> Set.of(GRANTED, CNIPA_REJECTED, WITHDRAWN);
            case GRANTED, FAILED, WITHDRAWN, CNIPA_REJECTED -> Set.of();
        };
    }

    public boolean terminal() {
        return next().isEmpty();
    }
}
