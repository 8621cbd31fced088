package org.gongjian.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * An initiative's status on a date: the worst of its targets' and milestones' statuses, with them.
 * An initiative with neither targets nor milestones is {@code ACHIEVED} when its unit declared it
 * completed, else {@code NO_DATA}.
 */
public record InitiativeStanding(long initiativeId, int number, String title, String categoryCode, long leadUnitId,
        List<Long> coUnitIds, Status status, List<TargetStatus> targets, List<MilestoneStatus> milestones) {

    /** The lead unit and the co-units. */
    public List<Long> responsibleUnitIds() {
        List<Long> ids = new ArrayList<>();
        ids.add(leadUnitId);
        coUnitIds.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids;
    }
}
