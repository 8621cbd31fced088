package org.gongjian.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A programme's own fields: one year's key reform tasks under a theme (改革攻坚年). */
public record ProgrammeData(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "{validation.code}") String code,
        @Min(2000) @Max(2100) int year,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 200) @Nullable String subtitle,
        @Size(max = 200) @Nullable String theme,
        @Size(max = 4000) @Nullable String leadText,
        @Size(max = 1000) @Nullable String credits,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 200) String> slogans,
        @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull CategoryData> categories) {

    /** A category initiatives are grouped by (交通, 产业, 金融…). */
    public record CategoryData(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "{validation.code}") String code,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) @Nullable String nameEn) {
    }
}
