package org.gongjian.roads;

/** A road chief's level (总路长, 县级, 乡级, 村级); each answers to one level up. */
public enum ChiefLevel {
    TOTAL, COUNTY, TOWNSHIP, VILLAGE;

    /** The level a chief of this level answers to, or null for the total chief. */
    public @org.jspecify.annotations.Nullable ChiefLevel superior() {
        return this == TOTAL ? null : values()[ordinal() - 1];
    }
}
