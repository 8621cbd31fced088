package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole programme's status as it stood on {@code asOf}, computed under {@code policy}.
 */
public record ProgrammeStatus(String programmeCode, LocalDate asOf, SupervisionPolicy policy,
        List<InitiativeStanding> initiatives) {

    /** Every target of every initiative, in initiative order. */
    public List<TargetStatus> targets() {
        return initiatives.stream().flatMap(i -> i.targets().stream()).toList();
    }

    public List<MilestoneStatus> milestones() {
        return initiatives.stream().flatMap(i -> i.milestones().stream()).toList();
    }

    public Optional<TargetStatus> target(String code) {
        return targets().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Optional<InitiativeStanding> initiative(int number) {
        return initiatives.stream().filter(i -> i.number() == number).findFirst();
    }

    /** How many initiatives have each status. */
    public Map<Status, Long> initiativeCounts() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        initiatives.forEach(i -> counts.merge(i.status(), 1L, Long::sum));
        return counts;
    }
}
