package org.gongjian.supervision;

/**
 * The planned path of a target: where it should be on any date between its start and its deadline.
 * The default is {@code PLANNED_POINTS} when the target has planned points, else {@code LINEAR}.
 */
public enum TrajectoryKind {
    /** A straight line from the baseline (at the start) to the target value (at the deadline). */
    LINEAR,
    /** Straight lines through the target's planned points (a monthly investment plan, say). */
    PLANNED_POINTS,
    /** A step path: each of the initiative's milestones, when due, adds an equal share of the way. */
    MILESTONE_STEPS
}
