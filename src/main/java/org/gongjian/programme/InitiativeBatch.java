package org.gongjian.programme;

import java.util.List;

/**
 * Initiatives with their targets, set up or updated at once (the office's Excel import of its key-task ledger):
 * an initiative is known by its number and a target by its code within the programme; a known one is updated,
 * a new one created. Nothing is deleted. {@code sourceRef} names where the batch came from (the file's name).
 */
public record InitiativeBatch(String sourceRef, List<InitiativeData> initiatives, List<TargetRow> targets) {

    /** A target of the initiative with the given number (in this batch, or already in the programme). */
    public record TargetRow(int initiative, TargetData target) {
    }
}
