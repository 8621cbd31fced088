package org.gongjian.forms;

/** How a feeding field's city value is made from the units' accepted figures. */
public enum Aggregate {
    /** No city value, only the units'. */
    NONE,
    SUM,
    AVERAGE
}
