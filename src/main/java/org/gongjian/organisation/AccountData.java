package org.gongjian.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the office sets of an account: who it is, which unit it works for, its roles, whether it may log in. */
public record AccountData(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*", message = "{validation.username}") String username,
        @NotBlank @Size(max = 100) String displayName,
        @Size(max = 64) @Nullable String unit,
        @NotEmpty Set<Role> roles,
        boolean enabled) {
}
