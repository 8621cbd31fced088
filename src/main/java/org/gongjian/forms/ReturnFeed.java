package org.gongjian.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.forms.FormDefinition.Field;
import org.gongjian.programme.IndicatorObserved;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns a form's accepted returns of a period into indicator observations: each feeding field's value
 * (a table column: its total) per unit, and the city value as the field's sum or average over the
 * units. Recomputed from the accepted returns once per acceptance, and published only where the figure
 * changed; drafts, submitted and returned returns never feed.
 */
@Component
class ReturnFeed {

    static final String SOURCE = "forms";
    static final String CITY = "*";

    private final FormStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReturnFeed(FormStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Publishes the period's changed figures; the number of observations published. */
    int publish(long formId, String period) {
        List<FormReturn> accepted = store.accepted(formId, period);
        if (accepted.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        int published = 0;
        Map<String, Field> fields = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> byPath = new LinkedHashMap<>();
        LocalDate asOf = null;
        for (FormReturn r : accepted) {
            LocalDate on = r.periodEnd().isAfter(today) ? today : r.periodEnd();
            asOf = asOf == null || on.isAfter(asOf) ? on : asOf;
            FormDefinition definition = store.definitionOfReturn(r.id());
            definition.feeding().forEach((path, f) -> {
                BigDecimal value = value(r.values(), path, f);
                fields.putIfAbsent(path, f);
                if (value != null) {
                    byPath.computeIfAbsent(path, k -> new LinkedHashMap<>()).put(r.unitCode(), value);
                }
            });
        }
        for (var entry : byPath.entrySet()) {
            Field f = fields.get(entry.getKey());
            for (var unit : entry.getValue().entrySet()) {
                published += emit(formId, f, unit.getKey(), asOf, unit.getValue());
            }
            BigDecimal city = city(f.cityOrNone(), new ArrayList<>(entry.getValue().values()));
            if (city != null) {
                published += emit(formId, f, null, asOf, city);
            }
        }
        return published;
    }

    /** A field's published value in a return (typed value times the field's scale), null when blank. */
    static @Nullable BigDecimal value(Map<String, Object> values, String path, Field f) {
        BigDecimal typed;
        int dot = path.indexOf('.');
        if (dot > 0) {
            typed = ReturnValidator.columnTotal(values, path.substring(0, dot), path.substring(dot + 1));
        } else {
            Object v = values.get(path);
            typed = v == null ? null : new BigDecimal(v.toString());
        }
        return typed == null ? null : typed.multiply(BigDecimal.valueOf(f.scaleOrOne()));
    }

    static @Nullable BigDecimal city(Aggregate how, List<BigDecimal> values) {
        if (how == Aggregate.NONE || values.isEmpty()) {
            return null;
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return how == Aggregate.SUM ? sum
                : sum.divide(BigDecimal.valueOf(values.size()), 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private int emit(long formId, Field f, @Nullable String unit, LocalDate asOf, BigDecimal value) {
        String key = unit == null ? CITY : unit;
        var last = store.lastPublished(formId, f.indicator(), key, asOf);
        if (last.isPresent() && last.get().compareTo(value) == 0) {
            return 0;
        }
        store.recordPublished(formId, f.indicator(), key, asOf, value);
        events.publishEvent(new IndicatorObserved(f.indicator(), unit, asOf, value, f.publishedUnit(), SOURCE));
        return 1;
    }
}
