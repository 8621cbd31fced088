package org.gongjian.reporting.bulletin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Honour;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.Milestone;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeData.CategoryData;
import org.gongjian.programme.ProgrammeEvent;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeRecords;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.gongjian.reporting.Document;
import org.gongjian.reporting.Document.Section;
import org.gongjian.reporting.Document.Table;
import org.gongjian.reporting.excel.Layouts;
import org.gongjian.reporting.render.Charts;
import org.gongjian.shared.Figures;
import org.gongjian.shared.PartialDate;
import org.gongjian.shared.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composes the monthly bulletin (工作简报) of a programme as of a month's last day: overall progress,
 * progress against time progress (时间进度) by category with a chart, overdue milestones and targets with
 * their units, and what changed in the month (values reported, milestones done, events, honours).
 */
@Component
public class BulletinComposer {

    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final ProgrammeRecords records;
    private final Organisation organisation;
    private final Charts charts;
    private final MessageSource messages;

    BulletinComposer(ProgrammeManagement programmes, TargetManagement targets, ProgrammeRecords records,
            Organisation organisation, Charts charts, MessageSource messages) {
        this.programmes = programmes;
        this.targets = targets;
        this.records = records;
        this.organisation = organisation;
        this.charts = charts;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public Document compose(String programmeCode, YearMonth month, Locale locale) {
        Programme programme = programmes.programme(programmeCode);
        LocalDate end = month.atEndOfMonth();
        LocalDate start = month.atDay(1);
        List<Initiative> initiatives = programmes.initiatives(programme);
        Map<Long, Initiative> byId = new HashMap<>();
        initiatives.forEach(i -> byId.put(i.id(), i));
        Map<Long, Unit> units = organisation.byIds(initiatives.stream().map(Initiative::leadUnitId).toList());
        List<Target> all = targets.targets(programme);
        List<TargetProgress> progress = all.stream().map(t -> progress(t, programme, end)).toList();

        List<Section> sections = new ArrayList<>();
        sections.add(overview(initiatives, progress, month, locale));
        sections.add(timeProgress(programme, byId, progress, locale));
        sections.add(overdue(programme, byId, units, progress, end, locale));
        sections.add(changes(programme, byId, all, start, end, locale));
        String title = programme.year() + "年" + (programme.theme() == null ? programme.title() : programme.theme());
        List<String> masthead = List.of(text(locale, "bulletin.issue", String.valueOf(month.getYear()),
                String.valueOf(month.getMonthValue())), text(locale, "bulletin.as-of", PartialDate.ofDay(end).toChinese(true)));
        return new Document(text(locale, "bulletin.title", title), null, masthead, List.of(), null, sections,
                text(locale, "bulletin.file-name", programme.code(), month.toString()));
    }

    private Section overview(List<Initiative> initiatives, List<TargetProgress> progress, YearMonth month, Locale locale) {
        Map<InitiativeStatus, Integer> byStatus = new EnumMap<>(InitiativeStatus.class);
        initiatives.forEach(i -> byStatus.merge(i.status(), 1, Integer::sum));
        StringBuilder counts = new StringBuilder();
        byStatus.forEach((s, n) -> counts.append(counts.length() == 0 ? "" : "、").append(Layouts.status(s)).append(n)
                .append("项（").append(percent(n, initiatives.size())).append("%）"));
        long measured = progress.stream().filter(p -> p.latest().isPresent()).count();
        long reached = progress.stream().filter(p -> p.share().map(s -> s.compareTo(BigDecimal.ONE) >= 0).orElse(false)).count();
        long ahead = progress.stream().filter(p -> p.gap().map(g -> g.signum() >= 0).orElse(false)).count();
        long behind = progress.stream().filter(p -> p.gap().map(g -> g.signum() < 0).orElse(false)).count();
        return Section.text("一、", text(locale, "bulletin.overview"), List.of(
                text(locale, "bulletin.overview.initiatives", String.valueOf(initiatives.size()), counts.toString()),
                text(locale, "bulletin.overview.targets", String.valueOf(progress.size()), String.valueOf(measured),
                        String.valueOf(reached), String.valueOf(ahead), String.valueOf(behind))));
    }

    private Section timeProgress(Programme programme, Map<Long, Initiative> byId, List<TargetProgress> progress,
            Locale locale) {
        Map<String, List<TargetProgress>> byCategory = new LinkedHashMap<>();
        programme.categories().forEach(c -> byCategory.put(c.code(), new ArrayList<>()));
        progress.stream().filter(p -> p.share().isPresent())
                .forEach(p -> byCategory.get(byId.get(p.target().initiativeId()).categoryCode()).add(p));
        List<String> names = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<double[]> bars = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (CategoryData c : programme.categories()) {
            List<TargetProgress> list = byCategory.get(c.code());
            if (list.isEmpty()) {
                continue;
            }
            double done = list.stream().mapToDouble(p -> Math.min(1.5, p.share().get().doubleValue())).average().orElse(0) * 100;
            double time = list.stream().mapToDouble(p -> p.time().doubleValue()).average().orElse(0) * 100;
            double gap = done - time;
            names.add(c.name());
            bars.add(new double[] {done, time});
            rows.add(List.of(c.name(), String.valueOf(list.size()), one(done) + "%", one(time) + "%",
                    (gap >= 0 ? "+" : "") + one(gap)));
            lines.add(text(locale, gap >= 0 ? "bulletin.category.ahead" : "bulletin.category.behind", c.name(), one(done),
                    one(Math.abs(gap))));
        }
        if (names.isEmpty()) {
            return Section.text("二、", text(locale, "bulletin.time"), List.of(text(locale, "bulletin.time.none")));
        }
        double[][] series = new double[2][names.size()];
        for (int i = 0; i < names.size(); i++) {
            series[0][i] = bars.get(i)[0];
            series[1][i] = bars.get(i)[1];
        }
        var chart = charts.bars(text(locale, "bulletin.chart.caption"), "%", names,
                List.of(text(locale, "bulletin.chart.done"), text(locale, "bulletin.chart.time")), series);
        Table table = new Table(text(locale, "bulletin.table.time"), List.of("领域", "已填报指标", "平均完成进度", "时间进度",
                "差值（百分点）"), rows);
        return new Section("二、", text(locale, "bulletin.time"), lines, List.of(), List.of(table), List.of(chart), List.of());
    }

    private Section overdue(Programme programme, Map<Long, Initiative> byId, Map<Long, Unit> units,
            List<TargetProgress> progress, LocalDate end, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        for (Milestone m : records.milestones(programme)) {
            if (m.completedOn() == null && m.dueDate().isBefore(end)) {
                Initiative i = byId.get(m.initiativeId());
                rows.add(List.of(i.number() + "", "节点", m.title(), m.dueDate().toString(), units.get(i.leadUnitId()).shortName(),
                        String.valueOf(ChronoUnit.DAYS.between(m.dueDate(), end))));
            }
        }
        for (TargetProgress p : progress) {
            Target t = p.target();
            boolean reached = p.share().map(s -> s.compareTo(BigDecimal.ONE) >= 0).orElse(false);
            if (!reached && t.deadline().isBefore(end)) {
                Initiative i = byId.get(t.initiativeId());
                String goal = Figures.format(t.targetValue(), t.targetValueMax(), t.unit(), t.targetQualifier(), locale);
                String now = p.latest().map(m -> Figures.format(m.value(), null, t.unit(), Qualifier.EXACT, locale))
                        .orElse(text(locale, "bulletin.no-data"));
                rows.add(List.of(i.number() + "", "指标", t.name() + "：目标" + goal + "，现为" + now, t.deadline().toString(),
                        units.get(i.leadUnitId()).shortName(), String.valueOf(ChronoUnit.DAYS.between(t.deadline(), end))));
            }
        }
        if (rows.isEmpty()) {
            return Section.text("三、", text(locale, "bulletin.overdue"), List.of(text(locale, "bulletin.overdue.none")));
        }
        Table table = new Table(text(locale, "bulletin.table.overdue"), List.of("任务", "类别", "事项", "时限", "牵头单位",
                "逾期天数"), rows);
        return new Section("三、", text(locale, "bulletin.overdue"),
                List.of(text(locale, "bulletin.overdue.count", String.valueOf(rows.size()))),
                List.of(), List.of(table), List.of(), List.of());
    }

    private Section changes(Programme programme, Map<Long, Initiative> byId, List<Target> all, LocalDate start,
            LocalDate end, Locale locale) {
        List<String> lines = new ArrayList<>();
        Map<Long, Target> targetById = new HashMap<>();
        all.forEach(t -> targetById.put(t.id(), t));
        for (Measurement m : targets.measurements(all)) {
            if (!m.superseded() && !m.asOf().isBefore(start) && !m.asOf().isAfter(end)) {
                Target t = targetById.get(m.targetId());
                lines.add(text(locale, "bulletin.change.measurement", byId.get(t.initiativeId()).number() + "", t.name(),
                        Figures.format(m.value(), null, t.unit(), Qualifier.EXACT, locale), PartialDate.ofDay(m.asOf()).toChinese(false)));
            }
        }
        for (Milestone m : records.milestones(programme)) {
            if (m.completedOn() != null && !m.completedOn().isBefore(start) && !m.completedOn().isAfter(end)) {
                lines.add(text(locale, "bulletin.change.milestone", byId.get(m.initiativeId()).number() + "", m.title(),
                        PartialDate.ofDay(m.completedOn()).toChinese(false)));
            }
        }
        for (ProgrammeEvent e : records.events(programme)) {
            if (!e.date().start().isAfter(end) && !e.date().end().isBefore(start)) {
                lines.add(text(locale, "bulletin.change.event", e.date().toChinese(false), e.title()));
            }
        }
        for (Honour h : records.honours(programme)) {
            if (!h.date().start().isAfter(end) && !h.date().end().isBefore(start)) {
                lines.add(text(locale, "bulletin.change.honour", h.name()));
            }
        }
        if (lines.isEmpty()) {
            lines.add(text(locale, "bulletin.change.none"));
        }
        return Section.text("四、", text(locale, "bulletin.changes"), lines);
    }

    /** A target's completion and its time progress at a date; the gap is completion minus time, in shares. */
    record TargetProgress(Target target, Optional<Measurement> latest, Optional<BigDecimal> share, BigDecimal time) {
        Optional<BigDecimal> gap() {
            return share.map(s -> s.min(BigDecimal.ONE).subtract(time));
        }
    }

    private TargetProgress progress(Target t, Programme programme, LocalDate asOf) {
        Optional<Measurement> latest = targets.latest(t, asOf);
        Optional<BigDecimal> share = latest.flatMap(m -> t.progress(m.value()));
        LocalDate from = t.baselineDate() != null ? t.baselineDate() : programme.startDate();
        long span = Math.max(1, ChronoUnit.DAYS.between(from, t.deadline()));
        long gone = Math.max(0, Math.min(span, ChronoUnit.DAYS.between(from, asOf)));
        return new TargetProgress(t, latest, share, BigDecimal.valueOf(gone).divide(BigDecimal.valueOf(span), 4, RoundingMode.HALF_UP));
    }

    private static String percent(int n, int of) {
        return of == 0 ? "0" : one(100.0 * n / of);
    }

    private static String one(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
