package org.gongjian.supervision;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import org.gongjian.programme.InitiativeStatus;

/**
 * An initiative's status on a date: the worst of its targets' and milestones' statuses, with them.
 * An initiative with neither targets nor milestones is {@code ACHIEVED} when its unit declared it
 * completed, else {@code NO_DATA}.
 *
 * @param declaredStage the stage the lead unit declares now (read with the snapshot); the status API names it
 *                      beside the label, so it is not serialised with the record itself
 */
public record InitiativeStanding(long initiativeId, int number, String title, String categoryCode, long leadUnitId,
        List<Long> coUnitIds, Status status, List<TargetStatus> targets, List<MilestoneStatus> milestones,
        @JsonIgnore InitiativeStatus declaredStage) {

    /** The lead unit and the co-units. */
    public List<Long> responsibleUnitIds() {
        List<Long> ids = new ArrayList<>();
        ids.add(leadUnitId);
        coUnitIds.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids;
    }
}
