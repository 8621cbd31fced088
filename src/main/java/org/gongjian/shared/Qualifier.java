package org.gongjian.shared;

/**
 * How a figure relates to its number, as Chinese reports write it: 约68亿元, 超6万人, 3000多家,
 * 400亿元以上, 5-8家.
 */
public enum Qualifier {
    /** The number as it stands. */
    EXACT,
    /** 约: about. */
    APPROX,
    /** 超: more than. */
    OVER,
    /** 多: a few more than (3000多家). */
    MORE,
    /** 以上: at least. */
    AT_LEAST,
    /** 最快 / 不超过: at most. */
    AT_MOST,
    /** A range from the value to an upper value (5-8家). */
    RANGE
}
