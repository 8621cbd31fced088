package org.gongjian.enterprise;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What is entered for an enterprise's year ({@code month} null or 0) or month: money in 元, exports in US dollars.
 */
public record FigureData(@Nullable Integer year, @Nullable Integer month, @Nullable BigDecimal outputYuan,
        @Nullable BigDecimal revenueYuan, @Nullable BigDecimal exportsUsd, @Nullable BigDecimal taxYuan,
        @Nullable Integer employees) {
}
