package org.gongjian.assessment;

/** Where an appeal stands: waiting for the office, upheld (the score recomputed) or rejected with a reason. */
public enum AppealState {
    PENDING, UPHELD, REJECTED;

    public String messageKey() { return "assessment.appeal-state." + name(); }
}
