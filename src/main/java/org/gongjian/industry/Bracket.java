package org.gongjian.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.gongjian.shared.Evidence;
import org.jspecify.annotations.Nullable;

/**
 * An output bracket (产值规模档次) as policy data: a firm whose yearly output is at least {@code lowerYuan}
 * counts in it (a firm at exactly 10亿 counts in 「10亿元以上」), valid from a day until the day before
 * {@code validTo}.
 */
public record Bracket(long id, String code, String name, BigDecimal lowerYuan, LocalDate validFrom,
        @Nullable LocalDate validTo, String sourceDoc, Evidence evidence, int version) {

    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }

    public boolean counts(BigDecimal outputYuan) {
        return outputYuan.compareTo(lowerYuan) >= 0;
    }
}
