package org.gongjian.programme;

/**
 * Why a reported figure looks wrong beside the target's last valid one, so that it is stored only when the
 * reporter confirms it with a reason: more than ten times the last figure, less than a tenth of it, or a
 * move against the target's direction (a rising target falling, a falling one rising).
 */
public enum Plausibility {
    TENFOLD_RISE,
    TENFOLD_FALL,
    AGAINST_DIRECTION
}
