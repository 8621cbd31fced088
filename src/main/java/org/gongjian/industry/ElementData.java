package org.gongjian.industry;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A layout element as entered; firms by their unified social credit codes. */
public record ElementData(@Nullable String code, @Nullable String name, @Nullable ElementKind kind,
        @Nullable String townCode, @Nullable String description, @Nullable String geometry, @Nullable LocalDate builtOn,
        @Nullable List<String> firms) {
}
