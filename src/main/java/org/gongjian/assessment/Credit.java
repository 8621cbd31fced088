package org.gongjian.assessment;

/**
 * Why an item counts for a unit: as the initiative's lead unit (牵头, full credit), as a co-unit
 * (配合, the scheme's share), or as its own (a target scoped to the unit, a notice or rating addressed
 * to it: full credit).
 */
public enum Credit {
    LEAD, CO_UNIT, OWN;

    public String messageKey() { return "assessment.credit." + name(); }
}
