package org.gongjian.ipcentre;

/** The part a person or firm plays in a protection case. */
public enum PartyRole {
    /** 申请人: who asks the centre for help (mediation, assistance). */
    APPLICANT,
    /** 权利人: who holds the patent or mark. */
    RIGHT_HOLDER,
    /** 被投诉人/被申请人: who is complained about. */
    RESPONDENT,
    /** 代理机构: the agency acting for a party. */
    AGENCY,
    /** 电商平台/展会主办方: the platform or fair that takes the measure. */
    PLATFORM,
    /** 其他: a witness, a third party. */
    OTHER;

    /** Whether the party speaks for the complaining side (its names are the case's complainant). */
    boolean complaining() {
        return this == APPLICANT || this == RIGHT_HOLDER;
    }
}
