package org.gongjian.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.gongjian.shared.Evidence;
import org.jspecify.annotations.Nullable;

/** A bracket as entered: a new code, or a new version of a code valid from a later day. */
public record BracketData(@Nullable String code, @Nullable String name, @Nullable BigDecimal lowerYuan,
        @Nullable LocalDate validFrom, @Nullable String sourceDoc, @Nullable Evidence evidence) {
}
