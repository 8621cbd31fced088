package org.gongjian.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A dated node (节点) of an initiative: due, perhaps started, perhaps completed. */
public record MilestoneData(
        @NotBlank @Size(max = 300) String title,
        @NotNull LocalDate dueDate,
        boolean dueAssumed,
        @Nullable LocalDate startedOn,
        @Nullable LocalDate completedOn,
        @Size(max = 2000) @Nullable String note) {
}
