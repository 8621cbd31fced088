package org.gongjian.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.gongjian.shared.PartialDate;
import org.jspecify.annotations.Nullable;

/** An entry of the chronicle (大事记): what happened when, where, and which bodies took part. */
public record EventData(
        @Nullable Integer initiative,
        @NotNull PartialDate date,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 8000) @Nullable String text,
        @Size(max = 200) @Nullable String place,
        @NotNull @Size(max = 50) List<@NotBlank String> units) {
}
