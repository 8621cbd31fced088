package org.gongjian.programme;

/** A whole programme was imported (or the demo seeded): its statuses are to be computed afresh. */
public record ProgrammeImported(String programmeCode) {
}
