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
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Forecast(ForecastMethod method, int points, LocalDate at, @Nullable BigDecimal value,
        @Nullable BigDecimal lower, @Nullable BigDecimal upper, double confidence, @Nullable Double probability,
        @Nullable Double slopePerDay, Availability availability) {

    /** The minimum number of points (measurements, and the dated baseline) a forecast needs. */
    public static final int MIN_POINTS = 3;

    /** Whether there is a forecast, and why not when there is none. */
    public enum Availability {
        /** Forecast with interval and probability. */
        FORECAST,
        /** Fewer than {@link #MIN_POINTS} points (or all on one date): no guess. */
        INSUFFICIENT_DATA,
        /** The deadline has passed: the outcome is known, nothing is forecast. */
        PAST_DEADLINE
    }

    public Forecast(ForecastMethod method, int points, LocalDate at, @Nullable BigDecimal value,
            @Nullable BigDecimal lower, @Nullable BigDecimal upper, double confidence, @Nullable Double probability,
            @Nullable Double slopePerDay) {
        this(method, points, at, value, lower, upper, confidence, probability, slopePerDay,
                value == null ? Availability.INSUFFICIENT_DATA : Availability.FORECAST);
    }

    public static Forecast insufficient(ForecastMethod method, int points, LocalDate at, double confidence) {
        return new Forecast(method, points, at, null, null, null, confidence, null, null, Availability.INSUFFICIENT_DATA);
    }

    /** No forecast for a target whose deadline has passed. */
    public static Forecast pastDeadline(ForecastMethod method, int points, LocalDate at, double confidence) {
        return new Forecast(method, points, at, null, null, null, confidence, null, null, Availability.PAST_DEADLINE);
    }

    /** "Insufficient data" as a flag (the API shows it instead of a set of nulls). */
    @com.fasterxml.jackson.annotation.JsonProperty("insufficientData")
    public boolean insufficientData() {
        return availability == Availability.INSUFFICIENT_DATA;
    }

    /** The minimum number of points, beside {@link #points()} when the data is insufficient. */
    @com.fasterxml.jackson.annotation.JsonProperty("minPoints")
    public int minPoints() {
        return MIN_POINTS;
    }

    /** Whether there was enough data to forecast; when false every figure is null ("insufficient data"). */
    public boolean sufficient() {
        return value != null;
    }
}
