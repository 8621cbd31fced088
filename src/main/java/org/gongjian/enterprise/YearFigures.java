package org.gongjian.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One enterprise's figures for a year, with what ledgers group them by: the year's own figure where there is
 * one, otherwise the sum of its months (employees: the latest month's).
 */
public record YearFigures(long enterpriseId, String uscc, String name, String townCode, String industryCode,
        boolean aboveScale, @Nullable LocalDate listingDate, List<String> clusters, int year,
        BigDecimal outputYuan, BigDecimal revenueYuan, BigDecimal exportsUsd, BigDecimal taxYuan, int employees,
        boolean demo) {

    /** Whether the enterprise was listed on a day. */
    public boolean listedOn(LocalDate day) {
        return listingDate != null && !listingDate.isAfter(day);
    }

    /** Whether its GB/T 4754 class falls under one of the prefixes (e.g. {@code C13} covers {@code C1311}). */
    public boolean inIndustry(List<String> prefixes) {
        return prefixes.stream().anyMatch(industryCode::startsWith);
    }
}
