package org.gongjian.ipcentre;

/** How a protection case ended. */
public enum Outcome {
    TAKEN_DOWN, SETTLED, MEDIATED, WITHDRAWN, TO_ENFORCEMENT, TO_COURT, NOT_ESTABLISHED, MEASURE_LIFTED
}
