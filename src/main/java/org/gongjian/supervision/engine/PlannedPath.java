package org.gongjian.supervision.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a target should be on any date. Piecewise linear through its knots (flat before the first and
 * after the last), or a step path that jumps at each knot and stays level between them.
 */
public final class PlannedPath {

    /** A point the path passes through. */
    public record Knot(LocalDate date, double value) {
    }

    private final List<Knot> knots;
    private final boolean steps;

    private PlannedPath(List<Knot> knots, boolean steps) {
        if (knots.isEmpty()) {
            throw new IllegalArgumentException("a planned path needs at least one point");
        }
        this.knots = List.copyOf(knots);
        this.steps = steps;
    }

    /** A straight line from the baseline at the start to the target at the deadline. */
    public static PlannedPath linear(LocalDate start, double baseline, LocalDate deadline, double target) {
        if (!deadline.isAfter(start)) {
            return new PlannedPath(List.of(new Knot(deadline, target)), false);
        }
        return new PlannedPath(List.of(new Knot(start, baseline), new Knot(deadline, target)), false);
    }

    /**
     * Straight lines through explicit planned points, starting from the baseline at the start when the
     * first point is later, and ending at the target on the deadline when the last point is earlier.
     */
    public static PlannedPath points(LocalDate start, double baseline, LocalDate deadline, double target,
            List<Knot> points) {
        List<Knot> knots = new ArrayList<>(points);
        knots.sort(Comparator.comparing(Knot::date));
        if (knots.isEmpty() || start.isBefore(knots.get(0).date())) {
            knots.add(0, new Knot(start, baseline));
        }
        if (deadline.isAfter(knots.get(knots.size() - 1).date())) {
            knots.add(new Knot(deadline, target));
        }
        return new PlannedPath(knots, false);
    }

    /**
     * A step path: the baseline until the first milestone is due; each milestone's due date adds an
     * equal share of the way to the target; the target is planned when the last one is due.
     */
    public static PlannedPath steps(LocalDate start, double baseline, double target, List<LocalDate> milestoneDues) {
        List<LocalDate> dues = milestoneDues.stream().sorted().toList();
        List<Knot> knots = new ArrayList<>();
        knots.add(new Knot(start, baseline));
        int n = dues.size();
        for (int k = 1; k <= n; k++) {
            knots.add(new Knot(dues.get(k - 1), baseline + (target - baseline) * k / n));
        }
        return new PlannedPath(knots, true);
    }

    /** The planned value on a date. */
    public double valueOn(LocalDate date) {
        Knot first = knots.get(0);
        if (!date.isAfter(first.date())) {
            return first.value();
        }
        for (int i = 1; i < knots.size(); i++) {
            Knot a = knots.get(i - 1);
            Knot b = knots.get(i);
            if (date.isBefore(b.date())) {
                if (steps) {
                    return a.value();
                }
                double span = ChronoUnit.DAYS.between(a.date(), b.date());
                double t = ChronoUnit.DAYS.between(a.date(), date) / span;
                return a.value() + (b.value() - a.value()) * t;
            }
        }
        return knots.get(knots.size() - 1).value();
    }

    /** The knots, e.g. to draw the path. */
    public List<Knot> knots() {
        return knots;
    }

    public boolean isSteps() {
        return steps;
    }
}
