package org.gongjian.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.gongjian.programme.InitiativeData.PlannedPointData;
import org.gongjian.shared.Decimals;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A target (指标) of an initiative: a value to reach by a deadline from a baseline, in a unit, rising or
 * falling. It may be bound to an indicator code, so that a ledger's observations become its measurements.
 */
@Table("programme_target")
public class Target {

    private @Id @Nullable Long id;
    private @Version @Nullable Integer version;
    private Long programmeId;
    private Long initiativeId;
    private int position;
    private String code;
    private String name;
    private UnitOfMeasure unit;
    private Direction direction;
    private @Nullable BigDecimal baselineValue;
    private @Nullable LocalDate baselineDate;
    private BigDecimal targetValue;
    private @Nullable BigDecimal targetValueMax;
    private Qualifier targetQualifier;
    private LocalDate deadline;
    private boolean deadlineAssumed;
    private @Nullable String indicatorCode;
    private @Nullable Long scopeUnitId;
    private @Nullable String note;
    @MappedCollection(idColumn = "target_id", keyColumn = "position")
    private List<PlannedPoint> plannedPoints = new ArrayList<>();

    Target(Long programmeId, Long initiativeId, String code, String name, UnitOfMeasure unit, Direction direction,
            BigDecimal targetValue, Qualifier targetQualifier, LocalDate deadline) {
        this.programmeId = programmeId;
        this.initiativeId = initiativeId;
        this.code = code;
        this.name = name;
        this.unit = unit;
        this.direction = direction;
        this.targetValue = targetValue;
        this.targetQualifier = targetQualifier;
        this.deadline = deadline;
    }

    static Target create(Long programmeId, Long initiativeId, int position, TargetData data, @Nullable Long scopeUnitId) {
        Target target = new Target(programmeId, initiativeId, data.code(), data.name(), data.unit(), data.direction(),
                data.targetValue(), data.targetQualifier(), data.deadline());
        target.position = position;
        target.apply(data, scopeUnitId);
        return target;
    }

    void apply(TargetData data, @Nullable Long scopeUnitId) {
        this.name = data.name();
        this.unit = data.unit();
        this.direction = data.direction();
        this.baselineValue = data.baselineValue();
        this.baselineDate = data.baselineDate();
        this.targetValue = data.targetValue();
        this.targetValueMax = data.targetValueMax();
        this.targetQualifier = data.targetQualifier();
        this.deadline = data.deadline();
        this.deadlineAssumed = data.deadlineAssumed();
        this.indicatorCode = data.indicator();
        this.scopeUnitId = scopeUnitId;
        this.note = data.note();
        this.plannedPoints = new ArrayList<>(data.plannedPoints().stream()
                .sorted(Comparator.comparing(PlannedPointData::date))
                .map(p -> new PlannedPoint(p.date(), p.value()))
                .toList());
    }

    public TargetData data(java.util.function.Function<Long, String> unitCode) {
        return new TargetData(code, name, unit, direction, Decimals.normal(baselineValue), baselineDate,
                Objects.requireNonNull(Decimals.normal(targetValue)), Decimals.normal(targetValueMax), targetQualifier,
                deadline, deadlineAssumed, indicatorCode, scopeUnitId == null ? null : unitCode.apply(scopeUnitId), note,
                plannedPoints.stream()
                        .map(p -> new PlannedPointData(p.onDate(), Objects.requireNonNull(Decimals.normal(p.value()))))
                        .toList());
    }

    public Long id() { return Objects.requireNonNull(id, "target not saved yet"); }

    public int version() { return version == null ? 0 : version; }

    public Long programmeId() { return programmeId; }

    public Long initiativeId() { return initiativeId; }

    public int position() { return position; }

    public String code() { return code; }

    public String name() { return name; }

    public UnitOfMeasure unit() { return unit; }

    public Direction direction() { return direction; }

    public @Nullable BigDecimal baselineValue() { return baselineValue; }

    public @Nullable LocalDate baselineDate() { return baselineDate; }

    public BigDecimal targetValue() { return targetValue; }

    public @Nullable BigDecimal targetValueMax() { return targetValueMax; }

    public Qualifier targetQualifier() { return targetQualifier; }

    public LocalDate deadline() { return deadline; }

    public boolean deadlineAssumed() { return deadlineAssumed; }

    public @Nullable String indicatorCode() { return indicatorCode; }

    public @Nullable Long scopeUnitId() { return scopeUnitId; }

    public @Nullable String note() { return note; }

    public List<PlannedPointData> plannedPoints() {
        return plannedPoints.stream().map(p -> new PlannedPointData(p.onDate(), p.value())).toList();
    }

    /**
     * How far a value has come from the baseline towards the target, as a fraction (0 at the baseline,
     * 1 at the target, above 1 beyond it), respecting direction: a 180 → 7 days target progresses as the
     * days fall. Without a baseline a rising target counts from zero; a falling one cannot be measured.
     */
    public java.util.Optional<BigDecimal> progress(BigDecimal value) {
        return progress(direction, baselineValue, targetValue, value);
    }

    /** The progress rule of {@link #progress(BigDecimal)} for a target's direction, baseline and target value. */
    public static java.util.Optional<BigDecimal> progress(Direction direction, @Nullable BigDecimal baselineValue,
            BigDecimal targetValue, BigDecimal value) {
        BigDecimal start = baselineValue;
        if (start == null) {
            if (direction == Direction.DOWN || targetValue.signum() == 0) {
                return java.util.Optional.empty();
            }
            start = BigDecimal.ZERO;
        }
        BigDecimal span = targetValue.subtract(start);
        if (span.signum() == 0) {
            return java.util.Optional.of(BigDecimal.ONE);
        }
        return java.util.Optional.of(value.subtract(start).divide(span, 6, java.math.RoundingMode.HALF_UP));
    }

    /**
     * The units whose staff report this target's figures: the rule of who reports what, in one place. A target
     * with a scope unit (a town's share) is reported by that unit and by the initiative's lead unit, never by
     * the initiative's other co-units; a target without one by the lead unit and the co-units. The office
     * reports anything (see {@link org.gongjian.organisation.Actor#mayActFor}).
     */
    public java.util.Set<Long> reportingUnitIds(Initiative initiative) {
        if (scopeUnitId == null) {
            return initiative.responsibleUnitIds();
        }
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        ids.add(scopeUnitId);
        ids.add(initiative.leadUnitId());
        return ids;
    }

    /**
     * The unit that owes this target's figures: its scope unit, or else the initiative's lead unit and co-units.
     * The lead unit may report a scoped target too, but does not owe it.
     */
    public boolean isOwedBy(Initiative initiative, Long unitId) {
        return scopeUnitId != null ? scopeUnitId.equals(unitId) : initiative.responsibleUnitIds().contains(unitId);
    }

    /** Whether an observation of this indicator for this unit feeds the target. */
    boolean isFedBy(String indicator, @Nullable Long unitId) {
        return indicator.equals(indicatorCode) && Objects.equals(scopeUnitId, unitId);
    }

    @Table("programme_target_point")
    record PlannedPoint(LocalDate onDate, @Column("planned_value") BigDecimal value) {
    }
}
