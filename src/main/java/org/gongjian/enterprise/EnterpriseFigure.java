package org.gongjian.enterprise;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An enterprise's figures for a year ({@code month} 0) or for one month of it, as the statistics bureau
 * reports them: output value, revenue and tax in 元, exports in US dollars (held as reported, never
 * converted), employees.
 */
public record EnterpriseFigure(long enterpriseId, int year, int month, @Nullable BigDecimal outputYuan,
        @Nullable BigDecimal revenueYuan, @Nullable BigDecimal exportsUsd, @Nullable BigDecimal taxYuan,
        @Nullable Integer employees, FigureSource source, boolean demo, int version) {

    /** Whether this is the whole year's figure rather than one month's. */
    public boolean yearly() {
        return month == 0;
    }
}
