package org.gongjian.programme.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.UserAccount;
import org.gongjian.programme.Evidence;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.MeasurementSource;
import org.gongjian.programme.StatusLights.TargetLight;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.gongjian.programme.web.Overviews.TargetRow;
import org.gongjian.shared.web.PageFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A target as the initiative page shows it: chart, measurements with their evidence, and the report form. */
@Component
class TargetViews {

    private final TargetManagement targets;
    private final Accounts accounts;
    private final PageCharts charts;
    private final PageFormat fmt;
    private final MessageSource messages;

    TargetViews(TargetManagement targets, Accounts accounts, PageCharts charts, PageFormat fmt, MessageSource messages) {
        this.targets = targets;
        this.accounts = accounts;
        this.charts = charts;
        this.fmt = fmt;
        this.messages = messages;
    }

    /** One reported value, with who reported it, where it came from and its evidence. */
    record Line(Measurement measurement, String value, String reporter, String source, List<Evidence> evidence,
            boolean mayAmend) {
    }

    /**
     * A target's card; {@code light} is its computed status, with the forecast, when supervision judged it;
     * {@code ledgerDoubt} says why its latest figure, fed by a ledger, looks implausible (ADR 0026), or is null.
     */
    record TargetView(TargetRow row, @Nullable TargetLight light, String chart, List<Line> lines, boolean mayReport,
            ReportForm form, long maxFileMegabytes, int maxFiles, String askUnit, @Nullable String ledgerDoubt) {

        public Target target() {
            return row.target();
        }
    }

    TargetView view(Target target, Initiative initiative, @Nullable ReportForm form, @Nullable TargetLight light) {
        List<Measurement> measurements = targets.measurements(target);
        Measurement latest = Overviews.latest(measurements, fmt.today()).get(target.id());
        TargetRow row = new TargetRow(target, initiative.number(), latest,
                latest == null ? null : target.progress(latest.value()).orElse(null), fmt.today());
        Function<String, String> reporter = reporterNames();
        Map<Long, List<Evidence>> evidence = targets.evidence(measurements);
        List<Line> lines = measurements.stream()
                .sorted(Comparator.comparing(Measurement::asOf).thenComparing(Measurement::id).reversed())
                .map(m -> new Line(m, fmt.figure(m.value(), target.unit()), reporter.apply(m.reporter()),
                        message("measurement.source." + m.source()), evidence.getOrDefault(m.id(), List.of()),
                        targets.mayAmend(target, m)))
                .toList();
        List<Measurement> valid = measurements.stream().filter(Measurement::valid).toList();
        String chart = charts.json(charts.target(target, initiative, valid, reporter, light));
        return new TargetView(row, light, chart, lines, targets.mayReport(target),
                form != null ? form : ReportForm.blank(fmt.today().toString(), null),
                targets.evidenceMaxFileSize() / (1024 * 1024), targets.evidenceMaxFiles(),
                targets.displayScale(target).label(target.unit(), LocaleContextHolder.getLocale()),
                ledgerDoubt(target, latest, valid));
    }

    /**
     * Why the latest figure looks wrong, when a ledger fed it and nobody confirmed it: the feed is never refused,
     * so the office is told here, beside the figure before it.
     */
    private @Nullable String ledgerDoubt(Target target, @Nullable Measurement latest, List<Measurement> valid) {
        if (latest == null || latest.source() != MeasurementSource.LEDGER || latest.plausibility() == null
                || latest.reason() != null) {
            return null;
        }
        String before = valid.stream().filter(m -> m.id() != latest.id() && !m.asOf().isAfter(latest.asOf()))
                .max(Comparator.comparing(Measurement::asOf).thenComparing(Measurement::recordedAt))
                .map(m -> fmt.figure(m.value(), target.unit()) + "，" + m.asOf()).orElse("");
        return messages.getMessage("target.ledger-doubt." + latest.plausibility(),
                new Object[] {fmt.figure(latest.value(), target.unit()), latest.asOf(), before},
                LocaleContextHolder.getLocale());
    }

    /**
     * A target's chart as it stood at the end of {@code asOf}: the measurements valid then (by their ids,
     * from the programme's snapshot of that date) and the status and forecast computed for that date.
     */
    PageCharts.TargetChart chart(Target target, Initiative initiative, Set<Long> validIds, @Nullable TargetLight light) {
        List<Measurement> valid = targets.measurements(target).stream().filter(m -> validIds.contains(m.id())).toList();
        return charts.target(target, initiative, valid, reporterNames(), light);
    }

    /** Reporters' display names by username, each looked up once. */
    private Function<String, String> reporterNames() {
        Map<String, String> names = new HashMap<>();
        return username -> names.computeIfAbsent(username,
                u -> accounts.findByUsername(u).map(UserAccount::displayName).orElse(u));
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
