package org.gongjian.ipcentre;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.gongjian.shared.Evidence;
import org.jspecify.annotations.Nullable;

/** A threshold of the centre's policy, with its source document, evidence mark and validity. */
public record PolicyParameter(String code, BigDecimal value, String unit, String sourceDocument, Evidence evidence,
        LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String note) {
}
