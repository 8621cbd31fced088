package org.gongjian.assessment;

/** What an upheld appeal does to an item: leaves it out of the score, or gives it full credit (no deduction). */
public enum Adjustment {
    EXCLUDED, FULL_CREDIT;

    public String messageKey() { return "assessment.adjustment." + name(); }
}
