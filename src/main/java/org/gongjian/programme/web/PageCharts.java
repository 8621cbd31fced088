package org.gongjian.programme.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.gongjian.programme.Direction;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeData.CategoryData;
import org.gongjian.programme.Target;
import org.gongjian.programme.web.Overviews.Overview;
import org.gongjian.programme.web.Overviews.TargetRow;
import org.gongjian.shared.web.PageFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data of the pages' charts, as the JSON that {@code js/charts.js} draws (in a {@code data-chart-data}
 * attribute). A target's chart takes further series in {@code series} (a forecast, say) without change here.
 */
@Component
class PageCharts {

    private final MessageSource messages;
    private final PageFormat fmt;
    private final JsonMapper json;

    PageCharts(MessageSource messages, PageFormat fmt, JsonMapper json) {
        this.messages = messages;
        this.fmt = fmt;
        this.json = json;
    }

    record Point(String date, BigDecimal value, String label) {
    }

    record Reported(String date, BigDecimal value, String label, String reporter, String source, @Nullable String note) {
    }

    /** A further series of a target's chart: a forecast, a corridor line. */
    record Series(String name, List<Point> points, boolean dashed, @Nullable String color) {
    }

    record TargetChart(String code, String unit, String deadline, String from, String to, List<Point> planned,
            List<Reported> actual, List<Series> series, Map<String, String> labels) {
    }

    TargetChart target(Target target, Initiative initiative, List<Measurement> measurements,
            Function<String, String> reporterName) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Point> planned = new ArrayList<>();
        if (target.baselineValue() != null && target.baselineDate() != null) {
            planned.add(point(target.baselineDate(), target.baselineValue(), target));
        } else if (target.direction() == Direction.UP && target.plannedPoints().isEmpty()) {
            planned.add(point(initiative.startDate(), BigDecimal.ZERO, target));
        }
        target.plannedPoints().forEach(p -> planned.add(point(p.date(), p.value(), target)));
        planned.add(point(target.deadline(), target.targetValue(), target));
        List<Reported> actual = measurements.stream()
                .filter(m -> !m.superseded())
                .sorted(Comparator.comparing(Measurement::asOf).thenComparing(Measurement::id))
                .map(m -> new Reported(m.asOf().toString(), m.value(), fmt.figure(m.value(), target.unit()),
                        reporterName.apply(m.reporter()), message("measurement.source." + m.source()), m.note()))
                .toList();
        LocalDate from = planned.stream().map(p -> LocalDate.parse(p.date())).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = target.deadline();
        for (Reported r : actual) {
            LocalDate d = LocalDate.parse(r.date());
            from = d.isBefore(from) ? d : from;
            to = d.isAfter(to) ? d : to;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of("planned", "actual", "deadline", "date", "reporter", "source", "note")) {
            labels.put(key, message("chart." + key));
        }
        return new TargetChart(target.code(), target.unit().symbol(locale), target.deadline().toString(),
                from.toString(), to.toString(), planned, actual, new ArrayList<>(), labels);
    }

    String json(Object chart) {
        return json.writeValueAsString(chart);
    }

    /** Average progress of each category's measured targets (each counted up to 100%). */
    String categoryProgress(Overview overview) {
        Locale locale = LocaleContextHolder.getLocale();
        Programme programme = overview.programme();
        List<Map<String, Object>> categories = new ArrayList<>();
        for (CategoryData category : programme.categories()) {
            List<TargetRow> rows = overview.rows().stream()
                    .filter(r -> r.initiative().categoryCode().equals(category.code()))
                    .flatMap(r -> r.targets().stream()).toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<BigDecimal> measured = rows.stream().map(TargetRow::progress).filter(java.util.Objects::nonNull)
                    .map(p -> p.min(BigDecimal.ONE).max(BigDecimal.ZERO)).toList();
            BigDecimal average = measured.isEmpty() ? null
                    : measured.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(measured.size()), 4, RoundingMode.HALF_UP);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", Overviews.categoryName(programme, category.code(), locale));
            c.put("percent", average == null ? 0 : fmt.bar(average));
            c.put("label", average == null ? message("chart.no-data") : fmt.percent(average));
            c.put("targets", rows.size());
            c.put("measured", measured.size());
            categories.add(c);
        }
        return json(Map.of("categories", categories, "labels", Map.of("measured", message("chart.measured"))));
    }

    /** How many initiatives are in each declared stage. */
    String statusCounts(Overview overview) {
        Map<InitiativeStatus, Integer> counts = new EnumMap<>(InitiativeStatus.class);
        overview.rows().forEach(r -> counts.merge(r.initiative().status(), 1, Integer::sum));
        List<Map<String, Object>> statuses = new ArrayList<>();
        for (InitiativeStatus status : InitiativeStatus.values()) {
            statuses.add(Map.of("name", message("status." + status), "count", counts.getOrDefault(status, 0),
                    "color", StatusStyle.colour(status)));
        }
        return json(Map.of("statuses", statuses));
    }

    private Point point(LocalDate date, BigDecimal value, Target target) {
        return new Point(date.toString(), value, fmt.figure(value, target.unit()));
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
