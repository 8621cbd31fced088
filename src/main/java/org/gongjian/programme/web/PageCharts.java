package org.gongjian.programme.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.gongjian.programme.Direction;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeData.CategoryData;
import org.gongjian.programme.StatusLights.DatedPoint;
import org.gongjian.programme.StatusLights.Light;
import org.gongjian.programme.StatusLights.Lights;
import org.gongjian.programme.StatusLights.Outlook;
import org.gongjian.programme.StatusLights.TargetLight;
import org.gongjian.programme.Target;
import org.gongjian.programme.web.Overviews.InitiativeRow;
import org.gongjian.programme.web.Overviews.Overview;
import org.gongjian.programme.web.Overviews.TargetRow;
import org.gongjian.shared.UnitOfMeasure;
import org.gongjian.shared.web.PageFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data of the pages' charts, as the JSON that {@code js/charts.js} draws (in a {@code data-chart-data}
 * attribute, or fetched from {@code data-chart-url}). A target's chart draws its planned path, its
 * measurements with who reported them, and further {@code series}: the forecast to the deadline, dashed,
 * with its prediction interval shaded ({@code band}).
 */
@Component
class PageCharts {

    /** The status colours of the charts, as app.css gives the chips ({@code .light-*}), by the name a {@link Light} gives. */
    static final Map<String, String> COLOURS = Map.of("green", "#2e7d32", "yellow", "#e0a100", "red", "#c62828",
            "blue", "#1565c0", "grey", "#6b7280");

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

    /** A shaded band between two lines with the same dates: a prediction interval. */
    record Band(String name, List<Point> lower, List<Point> upper) {
    }

    /** A further series of a target's chart: a forecast (with its interval as a band), a corridor line. */
    record Series(String name, List<Point> points, boolean dashed, @Nullable String color, @Nullable Band band) {
    }

    /** @param axisDivisor what the y axis divides values by to count in {@code unit} (1, or 10⁴/10⁸ for 万元/亿元) */
    record TargetChart(String code, String unit, long axisDivisor, String deadline, String from, String to,
            List<Point> planned, boolean plannedSteps, List<Reported> actual, List<Series> series,
            Map<String, String> labels) {
    }

    /**
     * A target's chart from its valid measurements (not superseded on the chart's date) and its computed
     * status: the planned path the status was judged against, and the forecast when there is one.
     */
    TargetChart target(Target target, Initiative initiative, List<Measurement> valid,
            Function<String, String> reporterName, @Nullable TargetLight light) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Point> planned = light != null && !light.path().isEmpty()
                ? light.path().stream().map(p -> estimate(p.date(), p.value(), target)).toList()
                : declaredPath(target, initiative);
        // of several figures for one date the latest recorded counts, as the status engine counts it
        Map<LocalDate, Measurement> byDate = new LinkedHashMap<>();
        valid.stream().sorted(Comparator.comparing(Measurement::asOf).thenComparing(Measurement::id))
                .forEach(m -> byDate.put(m.asOf(), m));
        List<Reported> actual = byDate.values().stream()
                .map(m -> new Reported(m.asOf().toString(), m.value(), fmt.figure(m.value(), target.unit()),
                        reporterName.apply(m.reporter()), message("measurement.source." + m.source()), m.note()))
                .toList();
        List<Series> series = new ArrayList<>();
        if (light != null && light.forecast().drawable()) {
            series.add(forecast(target, light));
        }
        LocalDate from = planned.stream().map(p -> LocalDate.parse(p.date())).min(Comparator.naturalOrder())
                .orElse(target.deadline());
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
        BigDecimal largest = java.util.stream.Stream.concat(planned.stream().map(Point::value), java.util.stream.Stream.concat(
                actual.stream().map(Reported::value), series.stream().flatMap(x -> x.band() == null ? x.points().stream()
                        : java.util.stream.Stream.concat(x.points().stream(), x.band().upper().stream())).map(Point::value)))
                .map(BigDecimal::abs).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        AxisScale scale = AxisScale.of(target, largest, locale);
        String unit = scale.unitKey() == null ? target.unit().symbol(locale) : message(scale.unitKey());
        return new TargetChart(target.code(), unit, scale.divisor(), target.deadline().toString(), from.toString(),
                to.toString(), planned, light != null && light.pathSteps(), actual, series, labels);
    }

    /** What a y axis counts in: money in 万元 or 亿元 (m or bn yuan in English) once figures run that large. */
    record AxisScale(long divisor, @Nullable String unitKey) {

        static AxisScale of(Target target, BigDecimal largest, Locale locale) {
            boolean chinese = "zh".equals(locale.getLanguage());
            long big = chinese ? 100_000_000L : 1_000_000_000L;
            long small = chinese ? 10_000L : 1_000_000L;
            if (target.unit() != UnitOfMeasure.YUAN || largest.compareTo(BigDecimal.valueOf(small)) < 0) {
                return new AxisScale(1, null);
            }
            return largest.compareTo(BigDecimal.valueOf(big)) >= 0 ? new AxisScale(big, "chart.money.big")
                    : new AxisScale(small, "chart.money.small");
        }
    }

    /** The path as the target declares it: baseline (or zero at the start), planned points, the target at the deadline. */
    private List<Point> declaredPath(Target target, Initiative initiative) {
        List<Point> planned = new ArrayList<>();
        if (target.baselineValue() != null && target.baselineDate() != null) {
            planned.add(point(target.baselineDate(), target.baselineValue(), target));
        } else if (target.direction() == Direction.UP && target.plannedPoints().isEmpty()) {
            planned.add(point(initiative.startDate(), BigDecimal.ZERO, target));
        }
        target.plannedPoints().forEach(p -> planned.add(point(p.date(), p.value(), target)));
        planned.add(point(target.deadline(), target.targetValue(), target));
        return planned;
    }

    /** The forecast from the latest measurement to the deadline, dashed in the status colour, its interval shaded. */
    private Series forecast(Target target, TargetLight light) {
        Outlook f = light.forecast();
        DatedPoint last = java.util.Objects.requireNonNull(f.from());
        Point start = point(last.date(), last.value(), target);
        String interval = message("chart.interval", fmt.points(f.confidence() * 100));
        Point end = new Point(f.at().toString(), PageFormat.readable(f.value()), message("chart.forecast.at",
                fmt.estimate(f.value(), target.unit()), interval, fmt.estimate(f.lower(), target.unit()),
                fmt.estimate(f.upper(), target.unit())));
        Band band = new Band(interval, List.of(start, estimate(f.at(), f.lower(), target)),
                List.of(start, estimate(f.at(), f.upper(), target)));
        return new Series(message("chart.forecast"), List.of(start, end), true, colour(light.light()), band);
    }

    String json(Object chart) {
        return json.writeValueAsString(chart);
    }

    /**
     * Progress against time progress by category: the average progress of each category's measured targets
     * (each counted up to 100%) beside the average time progress of the same targets.
     */
    String categoryProgress(Overview overview, Lights lights) {
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
            List<Double> progress = new ArrayList<>();
            List<Double> time = new ArrayList<>();
            for (TargetRow row : rows) {
                TargetLight light = lights.target(row.target().id());
                Double p = light != null ? light.progress() : row.progress() == null ? null : row.progress().doubleValue();
                if (p != null) {
                    progress.add(Math.max(0, Math.min(1, p)));
                    if (light != null) {
                        time.add(light.timeProgress());
                    }
                }
            }
            if (progress.isEmpty()) {
                rows.stream().map(r -> lights.target(r.target().id())).filter(java.util.Objects::nonNull)
                        .forEach(l -> time.add(l.timeProgress()));
            }
            Double p = average(progress);
            Double t = average(time);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", Overviews.categoryName(programme, category.code(), locale));
            c.put("percent", fmt.barOf(p));
            c.put("label", p == null ? message("chart.no-data") : fmt.percentage(p));
            c.put("time", t == null ? null : fmt.barOf(t));
            c.put("timeLabel", t == null ? null : fmt.percentage(t));
            c.put("gap", p == null || t == null ? null : gap((p - t) * 100));
            c.put("targets", rows.size());
            c.put("measured", progress.size());
            categories.add(c);
        }
        return json(Map.of("categories", categories, "labels", Map.of("measured", message("chart.measured"),
                "progress", message("chart.progress"), "time", message("chart.time-progress"))));
    }

    /** How many initiatives have each computed status, by category, worst status first; null without statuses. */
    @Nullable String statusByCategory(Overview overview, Lights lights) {
        if (lights.scale().isEmpty()) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<String> names = new ArrayList<>();
        List<List<InitiativeRow>> groups = new ArrayList<>();
        for (CategoryData category : overview.programme().categories()) {
            List<InitiativeRow> rows = overview.rows().stream()
                    .filter(r -> r.initiative().categoryCode().equals(category.code())).toList();
            if (!rows.isEmpty()) {
                names.add(Overviews.categoryName(overview.programme(), category.code(), locale));
                groups.add(rows);
            }
        }
        List<Map<String, Object>> statuses = new ArrayList<>();
        for (Light light : lights.scale()) {
            List<Long> counts = groups.stream().map(rows -> rows.stream()
                    .filter(r -> light.equals(lights.initiative(r.initiative().id()))).count()).toList();
            statuses.add(Map.of("name", message(light.wordKey()), "color", colour(light), "counts", counts));
        }
        return json(Map.of("categories", names, "statuses", statuses));
    }

    /** "快于/慢于时间进度N个百分点", or level with it. */
    String gap(double points) {
        if (Math.abs(points) < 0.05) {
            return message("light.gap.level");
        }
        return message(points > 0 ? "light.gap.ahead" : "light.gap.behind", fmt.points(Math.abs(points)));
    }

    /** A status's colour; 逾期 a darker red than 滞后, so that the two reds stay apart in a stacked bar. */
    static String colour(Light light) {
        return "OVERDUE".equals(light.name()) ? "#8e1b1b" : COLOURS.getOrDefault(light.colour(), COLOURS.get("grey"));
    }

    private static @Nullable Double average(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private Point point(LocalDate date, BigDecimal value, Target target) {
        return new Point(date.toString(), value, fmt.figure(value, target.unit()));
    }

    private Point estimate(LocalDate date, BigDecimal value, Target target) {
        return new Point(date.toString(), PageFormat.readable(value), fmt.estimate(value, target.unit()));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
