package org.gongjian.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The value a target is forecast to reach on its deadline, with a prediction interval at
 * {@code confidence} and the estimated probability of meeting the target. With fewer than three
 * measurements (or all on one date) it is {@linkplain #sufficient() insufficient}: no value, no guess.
 *
 * @param points      the measurements the forecast rests on (one per as-of date)
 * @param slopePerDay the trend in the target's unit per day
 */
public record Forecast(ForecastMethod method, int points, LocalDate at, @Nullable BigDecimal value,
        @Nullable BigDecimal lower, @Nullable BigDecimal upper, double confidence, @Nullable Double probability,
        @Nullable Double slopePerDay) {

    /** The minimum number of measurements a forecast needs. */
    public static final int MIN_POINTS = 3;

    public static Forecast insufficient(ForecastMethod method, int points, LocalDate at, double confidence) {
        return new Forecast(method, points, at, null, null, null, confidence, null, null);
    }

    /** Whether there was enough data to forecast; when false every figure is null ("insufficient data"). */
    public boolean sufficient() {
        return value != null;
    }
}
