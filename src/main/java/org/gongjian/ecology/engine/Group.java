package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The sums of one town × forest type (forest type empty for external figures given per town).
 * Quotients that every stand divides by the same figure (a lifetime, a bulk density) are summed as
 * exact numerators and divided once when the divisor changes or the sum is read: the same figure as
 * dividing stand by stand, without a 34-digit division per stand.
 */
final class Group {

    final String town;
    final String forestType;
    private final BigDecimal[] sums = new BigDecimal[Slot.values().length];
    private final BigDecimal[] numerators = new BigDecimal[Slot.values().length];
    private final BigDecimal[] divisors = new BigDecimal[Slot.values().length];
    BigDecimal area = BigDecimal.ZERO;
    int stands;

    Group(String town, String forestType) {
        this.town = town;
        this.forestType = forestType;
        Arrays.fill(sums, BigDecimal.ZERO);
    }

    /** Adds exactly: the stands' products are exact and short, so the sum stays short too. */
    void add(Slot slot, BigDecimal amount) {
        sums[slot.ordinal()] = sums[slot.ordinal()].add(amount);
    }

    /** Adds numerator ÷ divisor. */
    void addQuotient(Slot slot, BigDecimal numerator, BigDecimal divisor) {
        int i = slot.ordinal();
        if (divisors[i] != null && divisors[i].compareTo(divisor) != 0) {
            flush(i);
        }
        if (divisors[i] == null) {
            divisors[i] = divisor;
            numerators[i] = numerator;
        } else {
            numerators[i] = numerators[i].add(numerator);
        }
    }

    BigDecimal get(Slot slot) {
        flush(slot.ordinal());
        return sums[slot.ordinal()];
    }

    private void flush(int i) {
        if (divisors[i] != null) {
            sums[i] = sums[i].add(Num.div(numerators[i], divisors[i]), Num.MC);
            divisors[i] = null;
            numerators[i] = null;
        }
    }
}
