package org.gongjian.supervision;

/**
 * How the shortfall behind the planned path is measured against the yellow and red tolerances.
 * {@code ABS_POINTS}: planned progress minus actual progress, in percentage points (银川: 10 / 30).
 * {@code RELATIVE_SHORTFALL}: that gap as a percentage of planned progress (三亚: below plan by 50%).
 */
public enum WarningKind { ABS_POINTS, RELATIVE_SHORTFALL }
