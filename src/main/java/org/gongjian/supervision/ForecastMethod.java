package org.gongjian.supervision;

/**
 * How the value at the deadline is forecast. {@code LINEAR_TREND}: an ordinary least-squares line
 * through the measurements (value against date), extended to the deadline, with a Student-t prediction
 * interval and the probability of meeting the target from the same t distribution (ADR 0020).
 */
public enum ForecastMethod { LINEAR_TREND }
