package org.gongjian.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A unit's appeal (申诉) against one item of its score for a period, with its evidence, and the office's
 * decision: upheld (the item adjusted, the ranking re-scored as a new version, the unit's total and rank
 * before and after recorded) or rejected with a reason.
 *
 * @param runVersion the ranking version the appeal was filed against
 * @param answerDue  the day by which the office should decide (the scheme's working days after filing)
 */
public record AppealView(long id, int version, String programmeCode, String period, UnitRef unit, String itemKey,
        String itemLabel, Component component, String reason, AppealState state, String filedBy, Instant filedAt,
        LocalDate answerDue, int runVersion, @Nullable String decidedBy, @Nullable Instant decidedAt,
        @Nullable String decision, @Nullable Adjustment adjustment, @Nullable BigDecimal totalBefore,
        @Nullable BigDecimal totalAfter, @Nullable Integer rankBefore, @Nullable Integer rankAfter,
        List<EvidenceFile> evidence) {

    /** A file of evidence (佐证材料) attached to an appeal. */
    public record EvidenceFile(long id, String fileName, String contentType, long size, String sha256) {
    }
}
