package org.gongjian.industry;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An element of a plan's layout (e.g. 一核 {@code food.core}). Key projects carry the same code, so the element
 * links to them by it ({@code /projects?element=<code>}); firms of the register are linked by id. The geometry,
 * when known, is GeoJSON; {@code builtOn} is the day it was completed (建成).
 */
public record LayoutElement(long id, long planId, String code, String name, ElementKind kind, @Nullable String townCode,
        @Nullable String description, @Nullable String geometry, @Nullable LocalDate builtOn, List<Long> firmIds,
        int version) {
}
