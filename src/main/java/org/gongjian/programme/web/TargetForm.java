package org.gongjian.programme.web;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.gongjian.programme.Direction;
import org.gongjian.programme.InitiativeData.PlannedPointData;
import org.gongjian.programme.TargetData;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/** The target form; planned points are typed one per line as "2024-06-30 200". */
public class TargetForm {

    private String code = "";
    private String name = "";
    @NotNull
    private @Nullable UnitOfMeasure unit;
    @NotNull
    private @Nullable Direction direction = Direction.UP;
    private @Nullable BigDecimal baselineValue;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate baselineDate;
    @NotNull
    private @Nullable BigDecimal targetValue;
    private @Nullable BigDecimal targetValueMax;
    @NotNull
    private @Nullable Qualifier targetQualifier = Qualifier.EXACT;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate deadline;
    private boolean deadlineAssumed;
    private @Nullable String indicator;
    private @Nullable String scopeUnit;
    private @Nullable String note;
    private String plannedPoints = "";
    private @Nullable Integer version;

    static TargetForm of(TargetData d, @Nullable Integer version) {
        TargetForm f = new TargetForm();
        f.code = d.code();
        f.name = d.name();
        f.unit = d.unit();
        f.direction = d.direction();
        f.baselineValue = d.baselineValue();
        f.baselineDate = d.baselineDate();
        f.targetValue = d.targetValue();
        f.targetValueMax = d.targetValueMax();
        f.targetQualifier = d.targetQualifier();
        f.deadline = d.deadline();
        f.deadlineAssumed = d.deadlineAssumed();
        f.indicator = d.indicator();
        f.scopeUnit = d.scopeUnit();
        f.note = d.note();
        f.plannedPoints = String.join("\n", d.plannedPoints().stream()
                .map(p -> p.date() + " " + p.value().stripTrailingZeros().toPlainString()).toList());
        f.version = version;
        return f;
    }

    /** The data; lines of planned points that cannot be read are reported on the field and left out. */
    TargetData data(BindingResult result) {
        List<PlannedPointData> points = new ArrayList<>();
        String[] lines = plannedPoints.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[\\s,，;；]+");
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException(line);
                }
                points.add(new PlannedPointData(LocalDate.parse(parts[0]), new BigDecimal(parts[1])));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                result.rejectValue("plannedPoints", "error.target.point-line", new Object[] {i + 1, line}, "");
            }
        }
        return new TargetData(code.strip(), name.strip(), unit, direction, baselineValue, baselineDate, targetValue,
                targetValueMax, targetQualifier, deadline, deadlineAssumed, Forms.blankToNull(indicator),
                Forms.blankToNull(scopeUnit), Forms.blankToNull(note), points);
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public @Nullable UnitOfMeasure getUnit() { return unit; }
    public void setUnit(@Nullable UnitOfMeasure v) { unit = v; }
    public @Nullable Direction getDirection() { return direction; }
    public void setDirection(@Nullable Direction v) { direction = v; }
    public @Nullable BigDecimal getBaselineValue() { return baselineValue; }
    public void setBaselineValue(@Nullable BigDecimal v) { baselineValue = v; }
    public @Nullable LocalDate getBaselineDate() { return baselineDate; }
    public void setBaselineDate(@Nullable LocalDate v) { baselineDate = v; }
    public @Nullable BigDecimal getTargetValue() { return targetValue; }
    public void setTargetValue(@Nullable BigDecimal v) { targetValue = v; }
    public @Nullable BigDecimal getTargetValueMax() { return targetValueMax; }
    public void setTargetValueMax(@Nullable BigDecimal v) { targetValueMax = v; }
    public @Nullable Qualifier getTargetQualifier() { return targetQualifier; }
    public void setTargetQualifier(@Nullable Qualifier v) { targetQualifier = v; }
    public @Nullable LocalDate getDeadline() { return deadline; }
    public void setDeadline(@Nullable LocalDate v) { deadline = v; }
    public boolean isDeadlineAssumed() { return deadlineAssumed; }
    public void setDeadlineAssumed(boolean v) { deadlineAssumed = v; }
    public @Nullable String getIndicator() { return indicator; }
    public void setIndicator(@Nullable String v) { indicator = v; }
    public @Nullable String getScopeUnit() { return scopeUnit; }
    public void setScopeUnit(@Nullable String v) { scopeUnit = v; }
    public @Nullable String getNote() { return note; }
    public void setNote(@Nullable String v) { note = v; }
    public String getPlannedPoints() { return plannedPoints; }
    public void setPlannedPoints(String v) { plannedPoints = v; }
    public @Nullable Integer getVersion() { return version; }
    public void setVersion(@Nullable Integer v) { version = v; }
}
