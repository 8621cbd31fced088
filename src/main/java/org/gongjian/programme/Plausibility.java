package org.gongjian.programme;

/**
 * Why a reported figure looks wrong beside the target's last valid one, so that it is stored only when the
 * reporter confirms it with a reason: more than ten times the last figure, less than a tenth of it, or a
 * move against the target's direction (a rising target falling, a falling one rising).
 */
public enum Plausibility {
    TENFOLD_RISE,
    TENFOLD_FALL,
    AGAINST_DIRECTION;

    /**
     * Whether {@code now} looks wrong after {@code before}, the target's last valid figure on or before its date:
     * ten times more or less (beside a positive figure), or a move against the direction; null when it looks right.
     */
    public static @org.jspecify.annotations.Nullable Plausibility of(java.math.BigDecimal before, java.math.BigDecimal now,
            Direction direction) {
        if (before.signum() > 0 && now.signum() >= 0) {
            if (now.compareTo(before.multiply(java.math.BigDecimal.TEN)) > 0) {
                return TENFOLD_RISE;
            }
            if (now.multiply(java.math.BigDecimal.TEN).compareTo(before) < 0) {
                return TENFOLD_FALL;
            }
        }
        int cmp = now.compareTo(before);
        if ((direction == Direction.UP && cmp < 0) || (direction == Direction.DOWN && cmp > 0)) {
            return AGAINST_DIRECTION;
        }
        return null;
    }
}
