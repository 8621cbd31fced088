package org.gongjian.shared;

/** How well a policy parameter's source is established, as the domain notes mark it: [V], [P], [U]. */
public enum Evidence {
    /** [V] verified in an official or reputable primary source. */
    VERIFIED,
    /** [P] partly verified: a mirror, a reprint, a neighbouring case. */
    PARTLY_VERIFIED,
    /** [U] unverified, or a design assumption awaiting the city's decision. */
    UNVERIFIED
}
