package org.gongjian.forms;

/** What a field holds. */
public enum FieldType {
    /** A decimal in a unit of measure, with min, max and decimals. */
    NUMBER,
    INTEGER,
    /** Money, held in 元 or typed in 万元/亿元 (the field's scale). */
    MONEY,
    PERCENTAGE,
    TEXT,
    DATE,
    CHOICE,
    MULTI_CHOICE,
    /** Evidence: an uploaded PDF, PNG or JPEG, checked by its content. */
    FILE,
    /** A repeating table (one row per village, per school…) with its own columns. */
    TABLE;

    public boolean numeric() {
        return this == NUMBER || this == INTEGER || this == MONEY || this == PERCENTAGE;
    }
}
