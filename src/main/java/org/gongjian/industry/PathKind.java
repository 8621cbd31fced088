package org.gongjian.industry;

/** How a long-range target is split into yearly slices. */
public enum PathKind {
    /** The same growth rate every year, from the baseline to the target (复合增长). */
    COMPOUND,
    /** Values the plan states for given years, straight lines between them (明确节点). */
    POINTS
}
