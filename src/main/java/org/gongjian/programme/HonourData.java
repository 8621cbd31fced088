package org.gongjian.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.gongjian.shared.PartialDate;
import org.jspecify.annotations.Nullable;

/** A pilot or demonstration title pursued or won (试点示范), with the bodies that grant it. */
public record HonourData(
        @Nullable Integer initiative,
        @NotBlank @Size(max = 300) String name,
        @NotNull HonourKind kind,
        @NotNull HonourLevel level,
        @NotNull PartialDate date,
        @NotNull HonourStatus status,
        @NotNull @Size(max = 20) List<@NotBlank String> awardingBodies,
        @Size(max = 2000) @Nullable String note) {
}
