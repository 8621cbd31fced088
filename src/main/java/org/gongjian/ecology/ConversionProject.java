package org.gongjian.ecology;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ecology record of a GEP conversion project (森林GEP转化绿色生态百千万项目): a key project of
 * category GEP转化, referenced by its national project code; the GEP account of its area, the
 * expected GEP change, and what it reports each year.
 *
 * @param investment        planned total investment, 元
 * @param areaGep           the GEP of the project's area (元/a) from {@code gepAccount}, when given
 * @param expectedGepChange the GEP change expected at constant prices, 元/a
 */
public record ConversionProject(String projectCode, String name, String town, LocalDate startedOn,
        BigDecimal investment, @Nullable String gepAccount, @Nullable BigDecimal areaGep,
        BigDecimal expectedGepChange, boolean demo, int version, List<Year> years) {

    /**
     * One year's report: the measured GEP change (元/a), the carbon sink (t CO₂e), and the benefits to
     * farmers (income, 元) and village collectives (income and land rent, 元), with the jobs created.
     */
    public record Year(int year, BigDecimal measuredGepChange, BigDecimal carbonSink, BigDecimal farmerIncome,
            BigDecimal collectiveIncome, int jobs, BigDecimal landRent, LocalDate reportedOn) {
    }

    /** The latest year reported, if any. */
    public @Nullable Year latest() {
        return years.isEmpty() ? null : years.get(years.size() - 1);
    }
}
