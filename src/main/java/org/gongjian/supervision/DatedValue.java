package org.gongjian.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A value on a date: a point of a planned path, a measurement, a year-end planned value. */
public record DatedValue(LocalDate date, BigDecimal value) {
}
