package org.gongjian.ipcentre;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A protection case.
 *
 * @param counterDeadline    for an e-commerce complaint with a counter-notice: the last day (电子商务法 §43:
 *                           15 days after the declaration was forwarded, moved past a holiday) by which a
 *                           complaint or lawsuit must be notified, or the platform lifts its measure
 * @param measureMustBeLifted the timer ran out with no complaint filed
 * @param days               calendar days from receipt to closure (or to the day asked for while open)
 * @param parties            who takes part (complainant and respondent are their names, as lists show them)
 */
public record ProtectionCase(long id, String caseNo, ProtectionType type, ProtectionStatus status,
        @Nullable Long complainantFirmId, String complainant, String respondent, @Nullable Platform platform,
        @Nullable String patentNo, LocalDate receivedOn, @Nullable LocalDate noticeSentOn, @Nullable LocalDate measureOn,
        @Nullable LocalDate counterNoticeOn, @Nullable LocalDate counterDeadline, @Nullable LocalDate complaintFiledOn,
        @Nullable LocalDate measureLiftedOn, @Nullable LocalDate closedOn, @Nullable Outcome outcome, int linksRemoved,
        BigDecimal compensationYuan, @Nullable String note, boolean measureMustBeLifted, int days,
        @Nullable LocalDate overduePublishedOn,
        List<Party> parties, List<EvidenceFile> evidence, boolean demo, int version) {

    /** An evidence file of the case (its content is fetched separately). */
    public record EvidenceFile(long id, String fileName, String contentType, long sizeBytes, String sha256,
            LocalDate addedOn, String addedBy) {
    }
}
