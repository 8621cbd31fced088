package org.gongjian.reporting.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.gongjian.shared.InvalidInputException;

/** A bulletin's month as 2024-09. */
final class Months {

    private Months() {
    }

    static YearMonth parse(String text) {
        try {
            YearMonth month = YearMonth.parse(text.trim());
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                throw new InvalidInputException("month", "error.report.month", text);
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "error.report.month", text);
        }
    }
}
