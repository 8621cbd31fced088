package org.gongjian.supervision;

/**
 * How 时间进度 (time progress) is computed for a target's period from its start to its deadline.
 * {@code MONTHS_ELAPSED}: completed calendar months / months in the period (k/12 for a calendar year,
 * as bulletins give 25%, 50%, 75%, 91.7%); {@code DAYS_ELAPSED}: days elapsed, both ends counted, /
 * days in the period; {@code PLAN_CURVE}: the planned path's own progress (a monthly cumulative plan).
 */
public enum TimeProgressMethod { MONTHS_ELAPSED, DAYS_ELAPSED, PLAN_CURVE }
