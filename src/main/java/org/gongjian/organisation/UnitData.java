package org.gongjian.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What is known of a unit, as it is created, updated, exported and imported. */
public record UnitData(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "{validation.code}") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) @Nullable String shortName,
        @Size(max = 200) @Nullable String nameEn,
        @NotNull UnitKind kind,
        @Size(max = 64) @Nullable String parent,
        @Size(max = 12) @Nullable String divisionCode,
        boolean assumed,
        @Size(max = 2000) @Nullable String note) {

    public static UnitData of(Unit unit, @Nullable String parentCode) {
        return new UnitData(unit.code(), unit.name(), unit.shortName().equals(unit.name()) ? null : unit.shortName(),
                unit.nameEn(), unit.kind(), parentCode, unit.divisionCode(), unit.assumed(), unit.note());
    }
}
