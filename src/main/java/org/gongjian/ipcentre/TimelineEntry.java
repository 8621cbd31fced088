package org.gongjian.ipcentre;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One step of a case's timeline. */
public record TimelineEntry(LocalDate on, @Nullable String from, String to, @Nullable String note, String actor) {
}
