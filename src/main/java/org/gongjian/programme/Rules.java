package org.gongjian.programme;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongjian.programme.InitiativeData.PlannedPointData;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.Qualifier;
import org.jspecify.annotations.Nullable;

/**
 * The rules that bean validation cannot express: dates in order, ranges the right way round,
 * references that exist. Each returns every violation, with the field's path under a prefix.
 */
final class Rules {

    private Rules() {
    }

    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    static void checkVersion(@Nullable Integer expected, int actual) {
        if (expected != null && expected != actual) {
            throw new ConflictException("error.stale-version");
        }
    }

    static List<Violation> programme(ProgrammeData data) {
        List<Violation> v = new ArrayList<>();
        if (data.endDate().isBefore(data.startDate())) {
            v.add(new Violation("endDate", "error.date.end-before-start"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < data.categories().size(); i++) {
            if (!seen.add(data.categories().get(i).code())) {
                v.add(new Violation("categories[" + i + "].code", "error.duplicate", data.categories().get(i).code()));
            }
        }
        return v;
    }

    static List<Violation> initiative(Programme programme, InitiativeData data, String prefix) {
        List<Violation> v = new ArrayList<>();
        if (programme.category(data.category()).isEmpty()) {
            v.add(new Violation(prefix + "category", "error.category.unknown", data.category()));
        }
        if (data.endDate().isBefore(data.startDate())) {
            v.add(new Violation(prefix + "endDate", "error.date.end-before-start"));
        }
        if (data.coUnits().contains(data.leadUnit())) {
            v.add(new Violation(prefix + "coUnits", "error.initiative.lead-is-co-unit", data.leadUnit()));
        }
        if (new HashSet<>(data.coUnits()).size() != data.coUnits().size()) {
            v.add(new Violation(prefix + "coUnits", "error.duplicate", String.join(",", data.coUnits())));
        }
        for (int i = 0; i < data.figures().size(); i++) {
            InitiativeData.FigureData f = data.figures().get(i);
            rangeRule(v, prefix + "figures[" + i + "].valueMax", f.qualifier(), f.value(), f.valueMax());
        }
        return v;
    }

    static List<Violation> target(TargetData data, String prefix) {
        List<Violation> v = new ArrayList<>();
        if ((data.baselineValue() == null) != (data.baselineDate() == null)) {
            v.add(new Violation(prefix + "baselineDate", "error.target.baseline-pair"));
        }
        if (data.baselineDate() != null && !data.deadline().isAfter(data.baselineDate())) {
            v.add(new Violation(prefix + "deadline", "error.target.deadline-before-baseline"));
        }
        if (data.baselineValue() != null) {
            int cmp = data.targetValue().compareTo(data.baselineValue());
            if (data.direction() == Direction.UP && cmp < 0) {
                v.add(new Violation(prefix + "targetValue", "error.target.up-below-baseline"));
            }
            if (data.direction() == Direction.DOWN && cmp > 0) {
                v.add(new Violation(prefix + "targetValue", "error.target.down-above-baseline"));
            }
        }
        rangeRule(v, prefix + "targetValueMax", data.targetQualifier(), data.targetValue(), data.targetValueMax());
        Set<java.time.LocalDate> dates = new HashSet<>();
        for (int i = 0; i < data.plannedPoints().size(); i++) {
            PlannedPointData p = data.plannedPoints().get(i);
            String field = prefix + "plannedPoints[" + i + "].date";
            if (p.date().isAfter(data.deadline())
                    || (data.baselineDate() != null && p.date().isBefore(data.baselineDate()))) {
                v.add(new Violation(field, "error.target.point-outside"));
            }
            if (!dates.add(p.date())) {
                v.add(new Violation(field, "error.duplicate", p.date()));
            }
        }
        return v;
    }

    static List<Violation> milestone(MilestoneData data, String prefix) {
        List<Violation> v = new ArrayList<>();
        if (data.completedOn() != null && data.startedOn() != null && data.completedOn().isBefore(data.startedOn())) {
            v.add(new Violation(prefix + "completedOn", "error.milestone.completed-before-started"));
        }
        return v;
    }

    private static void rangeRule(List<Violation> v, String field, Qualifier qualifier, java.math.BigDecimal value,
            java.math.@Nullable BigDecimal max) {
        if (qualifier == Qualifier.RANGE && (max == null || max.compareTo(value) <= 0)) {
            v.add(new Violation(field, "error.range.upper"));
        }
        if (qualifier != Qualifier.RANGE && max != null) {
            v.add(new Violation(field, "error.range.only-for-range"));
        }
    }
}
