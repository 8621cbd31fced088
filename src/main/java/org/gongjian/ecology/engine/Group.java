package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.Arrays;

/** The sums of one town × forest type (forest type empty for external figures given per town). */
final class Group {

    final String town;
    final String forestType;
    final BigDecimal[] sums = new BigDecimal[Slot.values().length];
    BigDecimal area = BigDecimal.ZERO;
    int stands;

    Group(String town, String forestType) {
        this.town = town;
        this.forestType = forestType;
        Arrays.fill(sums, BigDecimal.ZERO);
    }

    void add(Slot slot, BigDecimal amount) {
        sums[slot.ordinal()] = sums[slot.ordinal()].add(amount, Num.MC);
    }

    BigDecimal get(Slot slot) {
        return sums[slot.ordinal()];
    }
}
