package org.gongjian.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.gongjian.organisation.UnitData;

/**
 * A whole programme as one JSON document: what {@code GET …/export} writes and {@code POST …/import}
 * reads. It names units, initiatives and targets by their codes and numbers, never by database ids,
 * so that it can move between databases unchanged. The demo programme is seeded from such a document.
 */
public record ProgrammeDocument(
        @NotNull @Pattern(regexp = FORMAT_PATTERN, message = "{validation.document-format}") String format,
        @Valid @NotNull ProgrammeData programme,
        @NotNull @Size(max = 2000) List<@Valid @NotNull UnitData> units,
        @NotNull @Size(max = 1000) List<@Valid @NotNull InitiativeDocument> initiatives,
        @NotNull @Size(max = 5000) List<@Valid @NotNull EventData> events,
        @NotNull @Size(max = 1000) List<@Valid @NotNull HonourData> honours) {

    public static final String FORMAT = "gongjian.programme/v1";
    static final String FORMAT_PATTERN = "gongjian\\.programme/v1";

    /** An initiative with its targets and milestones. */
    public record InitiativeDocument(
            @Valid @NotNull InitiativeData initiative,
            @NotNull @Size(max = 200) List<@Valid @NotNull TargetDocument> targets,
            @NotNull @Size(max = 500) List<@Valid @NotNull MilestoneData> milestones) {
    }

    /** A target with all its measurements, superseded ones included, in the order they were recorded. */
    public record TargetDocument(
            @Valid @NotNull TargetData target,
            @NotNull List<@Valid @NotNull MeasurementData> measurements) {
    }
}
