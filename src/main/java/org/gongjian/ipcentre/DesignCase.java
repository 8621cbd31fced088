package org.gongjian.ipcentre;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A design pre-examination case with its clocks as of the day asked for. */
public record DesignCase(long id, String caseNo, long firmId, String firmName, long agencyId, String agencyName,
        String title, String locarnoClass, DesignStatus status, LocalDate createdOn, @Nullable LocalDate submittedOn,
        @Nullable LocalDate acceptedOn, @Nullable LocalDate passedOn, @Nullable LocalDate decidedOn,
        @Nullable LocalDate cnipaFiledOn, @Nullable String cnipaApplicationNo, @Nullable LocalDate grantedOn,
        @Nullable String patentNo, @Nullable LocalDate endedOn, int correctionRounds,
        @Nullable LocalDate overduePublishedOn, boolean demo, int version, Clocks clocks) {
}
