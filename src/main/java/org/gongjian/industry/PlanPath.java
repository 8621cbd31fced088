package org.gongjian.industry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The yearly path of a long-range target: its slice for every year from the baseline year to the target year.
 * By compound growth, the year {@code y} gets {@code baseline × (target / baseline)^((y − y0) / (y1 − y0))};
 * by points, the stated years get their values and the years between them a straight line (the baseline
 * and the target are points too). Slices are rounded to {@code scale} decimals; the target year gets the
 * target exactly.
 */
public final class PlanPath {

    /** One year's slice. */
    public record Slice(int year, BigDecimal value) {
    }

    private PlanPath() {
    }

    public static List<Slice> slices(PathKind kind, int baselineYear, BigDecimal baseline, int targetYear,
            BigDecimal target, Map<Integer, BigDecimal> points, int scale) {
        if (targetYear <= baselineYear) {
            throw new IllegalArgumentException("target year " + targetYear + " not after baseline year " + baselineYear);
        }
        List<Slice> slices = new ArrayList<>();
        slices.add(new Slice(baselineYear, baseline.setScale(scale, RoundingMode.HALF_UP)));
        if (kind == PathKind.COMPOUND) {
            if (baseline.signum() <= 0 || target.signum() <= 0) {
                throw new IllegalArgumentException("compound growth needs a positive baseline and target");
            }
            double ratio = target.doubleValue() / baseline.doubleValue();
            int span = targetYear - baselineYear;
            for (int y = baselineYear + 1; y < targetYear; y++) {
                double factor = Math.pow(ratio, (double) (y - baselineYear) / span);
                slices.add(new Slice(y, baseline.multiply(new BigDecimal(factor, MathContext.DECIMAL64))
                        .setScale(scale, RoundingMode.HALF_UP)));
            }
        } else {
            NavigableMap<Integer, BigDecimal> known = new TreeMap<>(points);
            known.put(baselineYear, baseline);
            known.putIfAbsent(targetYear, target);
            for (int y = baselineYear + 1; y < targetYear; y++) {
                Map.Entry<Integer, BigDecimal> before = known.floorEntry(y);
                Map.Entry<Integer, BigDecimal> after = known.ceilingEntry(y);
                BigDecimal value;
                if (before.getKey() == y || after == null) {
                    value = before.getValue();
                } else {
                    BigDecimal step = after.getValue().subtract(before.getValue())
                            .divide(BigDecimal.valueOf(after.getKey() - before.getKey()), MathContext.DECIMAL64);
                    value = before.getValue().add(step.multiply(BigDecimal.valueOf(y - before.getKey())));
                }
                slices.add(new Slice(y, value.setScale(scale, RoundingMode.HALF_UP)));
            }
        }
        slices.add(new Slice(targetYear, target.setScale(scale, RoundingMode.HALF_UP)));
        return slices;
    }

    /** The yearly growth rate of a compound path, in percent (e.g. 3.99 for 250亿 in 2023 to 400亿 in 2035). */
    public static BigDecimal growthPercent(int baselineYear, BigDecimal baseline, int targetYear, BigDecimal target) {
        double rate = Math.pow(target.doubleValue() / baseline.doubleValue(), 1.0 / (targetYear - baselineYear)) - 1;
        return BigDecimal.valueOf(rate * 100).setScale(2, RoundingMode.HALF_UP);
    }
}
