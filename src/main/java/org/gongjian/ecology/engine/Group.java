package org.gongjian.ecology.engine;

import java.math.BigDecimal;

/**
 * The sums of one town × forest type (forest type empty for external figures given per town), in
 * double with Neumaier's compensation, so that 100,000 stands add up with the error of one rounding
 * rather than of 100,000. A sum is read as a decimal of {@link Num#DIGITS} significant digits.
 */
final class Group implements Valuer.Sums {

    final String town;
    final String forestType;
    private final double[] sums = new double[Slot.values().length + 1];
    private final double[] compensations = new double[sums.length];
    private final BigDecimal[] read = new BigDecimal[sums.length];
    private static final int AREA = Slot.values().length;
    int stands;

    Group(String town, String forestType) {
        this.town = town;
        this.forestType = forestType;
    }

    void add(Slot slot, double amount) {
        add(slot.ordinal(), amount);
    }

    void addArea(double hectares) {
        add(AREA, hectares);
    }

    private void add(int i, double amount) {
        double s = sums[i];
        double t = s + amount;
        compensations[i] += lost(s, amount, t);
        sums[i] = t;
        read[i] = null;
    }

    /** Neumaier's step: what the addition {@code t = s + amount} rounded away, to be added back at the end. */
    static double lost(double s, double amount, double t) {
        return Math.abs(s) >= Math.abs(amount) ? (s - t) + amount : (amount - t) + s;
    }

    @Override
    public BigDecimal get(Slot slot) {
        return read(slot.ordinal());
    }

    /** The stands' area, hm². */
    BigDecimal area() {
        return read(AREA);
    }

    private BigDecimal read(int i) {
        BigDecimal r = read[i];
        if (r == null) {
            r = Num.ofDouble(sums[i] + compensations[i]);
            read[i] = r;
        }
        return r;
    }
}
