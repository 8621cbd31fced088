package org.gongjian.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gongjian.programme.InitiativeData.PlannedPointData;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;

/**
 * A programme's initiatives, targets, measurements and milestones as they stood at the end of a date,
 * read in a handful of queries for computations over the whole programme (status, rankings).
 * Measurements are those with {@code asOf <= date} and recorded by the end of that date (Asia/Shanghai),
 * less any superseded by a correction recorded by then; ordered by target, as-of date, recording time.
 * A <em>standing</em> snapshot ({@link ProgrammeSnapshots#standing}) holds one row per target and date instead, the
 * day's current figure, with {@link MeasurementRow#figures()} the number of valid figures of that day.
 */
public record ProgrammeSnapshot(long programmeId, String programmeCode, int year, LocalDate programmeStart,
        LocalDate programmeEnd, LocalDate asOf, List<InitiativeRow> initiatives, List<TargetRow> targets,
        List<MeasurementRow> measurements, List<MilestoneRow> milestones) {

    /** An initiative: number, title, lead and co-units, dates and the stage its lead unit declares. */
    public record InitiativeRow(long id, int number, String title, String categoryCode, long leadUnitId,
            List<Long> coUnitIds, LocalDate startDate, LocalDate endDate, InitiativeStatus declaredStatus) {
    }

    /** A target with its planned points, ascending by date. */
    public record TargetRow(long id, long initiativeId, int position, String code, String name, UnitOfMeasure unit,
            Direction direction, @Nullable BigDecimal baselineValue, @Nullable LocalDate baselineDate,
            BigDecimal targetValue, @Nullable BigDecimal targetValueMax, Qualifier qualifier, LocalDate deadline,
            @Nullable String indicatorCode, @Nullable Long scopeUnitId, List<PlannedPointData> plannedPoints) {

        /** Progress of a value from baseline to target, as {@link Target#progress(BigDecimal)} computes it. */
        public Optional<BigDecimal> progress(BigDecimal value) {
            return Target.progress(direction, baselineValue, targetValue, value);
        }
    }

    /**
     * A valid measurement of a target; {@code figures} is how many valid figures of its target and date it stands
     * for: 1, or in a standing snapshot the day's count, of which this row is the one recorded last.
     */
    public record MeasurementRow(long id, long targetId, BigDecimal value, LocalDate asOf, Instant recordedAt,
            MeasurementSource source, int figures) {

        public MeasurementRow(long id, long targetId, BigDecimal value, LocalDate asOf, Instant recordedAt,
                MeasurementSource source) {
            this(id, targetId, value, asOf, recordedAt, source, 1);
        }
    }

    /** A milestone, with start and completion as recorded (they may lie after the snapshot's date). */
    public record MilestoneRow(long id, long initiativeId, String title, LocalDate dueDate,
            @Nullable LocalDate startedOn, @Nullable LocalDate completedOn) {
    }
}
