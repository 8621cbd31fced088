package org.gongjian.supervision.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.gongjian.programme.Direction;
import org.gongjian.supervision.Forecast;
import org.gongjian.supervision.ForecastMethod;

/**
 * The linear-trend forecast: ordinary least squares of value on date through the measurements (one per
 * as-of date), extended to the deadline. The prediction interval for a new observation at the deadline
 * is ŷ ± t(n−2) · s · √(1 + 1/n + (x₀ − x̄)² / Sxx); the probability of meeting the target is read from
 * the same Student-t distribution. Fewer than {@value Forecast#MIN_POINTS} points: no forecast.
 */
public final class LinearTrend {

    /** Student-t distributions and their quantiles by degrees of freedom: the inverse is an iterative solve. */
    private static final java.util.Map<Integer, TDistribution> DISTRIBUTIONS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, Double> QUANTILES = new java.util.concurrent.ConcurrentHashMap<>();

    private LinearTrend() {
    }

    private static TDistribution distribution(int df) {
        return DISTRIBUTIONS.computeIfAbsent(df, TDistribution::new);
    }

    /** One measurement: its as-of date and value. */
    public record Point(LocalDate date, double value) {
    }

    /**
     * @param points     measurements in ascending date order, one per date
     * @param confidence the prediction interval's coverage, e.g. 0.8
     */
    public static Forecast forecast(List<Point> points, LocalDate deadline, Direction direction, double target,
            double confidence) {
        return forecast(points, deadline, direction, target, confidence, 0, 0);
    }

    /**
     * The forecast with a floor of uncertainty (ADR 0025): a standard deviation of
     * {@code floor × range × √(h / 365) / √n} — {@code range} the distance from baseline to target, {@code h}
     * the days from the last point to the deadline, {@code n} the points — is added in quadrature to the
     * least-squares prediction error. It grows with the horizon and shrinks with more points, so three
     * collinear points months before the deadline never give a zero-width interval or a certainty.
     */
    public static Forecast forecast(List<Point> points, LocalDate deadline, Direction direction, double target,
            double confidence, double floor, double range) {
        int n = points.size();
        if (n < Forecast.MIN_POINTS) {
            return Forecast.insufficient(ForecastMethod.LINEAR_TREND, n, deadline, confidence);
        }
        LocalDate origin = points.get(0).date();
        double sumX = 0;
        double sumY = 0;
        for (Point p : points) {
            sumX += ChronoUnit.DAYS.between(origin, p.date());
            sumY += p.value();
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double sxx = 0;
        double sxy = 0;
        for (Point p : points) {
            double dx = ChronoUnit.DAYS.between(origin, p.date()) - meanX;
            sxx += dx * dx;
            sxy += dx * (p.value() - meanY);
        }
        if (sxx == 0) {
            return Forecast.insufficient(ForecastMethod.LINEAR_TREND, n, deadline, confidence);
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double sse = 0;
        for (Point p : points) {
            double r = p.value() - (intercept + slope * ChronoUnit.DAYS.between(origin, p.date()));
            sse += r * r;
        }
        int df = n - 2;
        double s = Math.sqrt(sse / df);
        double x0 = ChronoUnit.DAYS.between(origin, deadline);
        double predicted = intercept + slope * x0;
        double ols = s * Math.sqrt(1 + 1.0 / n + (x0 - meanX) * (x0 - meanX) / sxx);
        double horizon = Math.max(0, ChronoUnit.DAYS.between(points.get(n - 1).date(), deadline));
        double floorSd = floor * Math.abs(range) * Math.sqrt(horizon / 365.0) / Math.sqrt(n);
        double se = Math.sqrt(ols * ols + floorSd * floorSd);
        double lower;
        double upper;
        double probability;
        if (se < 1e-12 * Math.max(1, Math.abs(predicted))) {
            lower = predicted;
            upper = predicted;
            probability = meets(direction, predicted, target) ? 1 : 0;
        } else {
            TDistribution t = distribution(df);
            double q = QUANTILES.computeIfAbsent(df + "@" + confidence,
                    k -> t.inverseCumulativeProbability((1 + confidence) / 2));
            lower = predicted - q * se;
            upper = predicted + q * se;
            double z = (target - predicted) / se;
            probability = direction == Direction.UP ? 1 - t.cumulativeProbability(z) : t.cumulativeProbability(z);
        }
        return new Forecast(ForecastMethod.LINEAR_TREND, n, deadline, decimal(predicted), decimal(lower), decimal(upper),
                confidence, round(probability, 4), slope);
    }

    static boolean meets(Direction direction, double value, double target) {
        return direction == Direction.UP ? value >= target : value <= target;
    }

    static BigDecimal decimal(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
