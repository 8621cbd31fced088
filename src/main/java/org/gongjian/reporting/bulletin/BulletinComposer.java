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
import org.gongjian.reporting.render.Charts;
import org.gongjian.reporting.review.Words;
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

        Words words = new Words(messages, locale, programme.year());
        List<Section> sections = new ArrayList<>();
        sections.add(overview(initiatives, progress, words));
        sections.add(timeProgress(programme, byId, progress, words));
        sections.add(overdue(programme, byId, units, progress, end, words));
        sections.add(changes(programme, byId, all, start, end, words));
        String theme = programme.theme() == null ? programme.title() : programme.theme();
        List<String> masthead = List.of(words.get("bulletin.issue", month.getYear(), month.getMonthValue()),
                words.get("bulletin.as-of", words.date(PartialDate.ofDay(end), true)));
        return new Document(words.get("bulletin.title", programme.year(), theme), null, masthead, List.of(), null, sections,
                words.get("bulletin.file-name", programme.code(), month.toString()));
    }

    private Section overview(List<Initiative> initiatives, List<TargetProgress> progress, Words words) {
        Map<InitiativeStatus, Integer> byStatus = new EnumMap<>(InitiativeStatus.class);
        initiatives.forEach(i -> byStatus.merge(i.status(), 1, Integer::sum));
        List<String> counts = new ArrayList<>();
        byStatus.forEach((s, n) -> counts.add(words.get("bulletin.overview.status", words.get("bulletin.status." + s), n,
                percent(n, initiatives.size()))));
        long measured = progress.stream().filter(p -> p.latest().isPresent()).count();
        long reached = progress.stream().filter(p -> p.share().map(s -> s.compareTo(BigDecimal.ONE) >= 0).orElse(false)).count();
        long ahead = progress.stream().filter(p -> p.gap().map(g -> g.signum() >= 0).orElse(false)).count();
        long behind = progress.stream().filter(p -> p.gap().map(g -> g.signum() < 0).orElse(false)).count();
        return Section.text(words.section(1), words.get("bulletin.overview"), List.of(
                words.get("bulletin.overview.initiatives", initiatives.size(), words.list(counts)),
                words.get("bulletin.overview.targets", progress.size(), measured, reached, ahead, behind)));
    }

    private Section timeProgress(Programme programme, Map<Long, Initiative> byId, List<TargetProgress> progress,
            Words words) {
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
            String name = words.chinese() || c.nameEn() == null ? c.name() : c.nameEn();
            names.add(name);
            bars.add(new double[] {done, time});
            rows.add(List.of(name, String.valueOf(list.size()), one(done) + "%", one(time) + "%",
                    (gap >= 0 ? "+" : "") + one(gap)));
            lines.add(words.get(gap >= 0 ? "bulletin.category.ahead" : "bulletin.category.behind", name, one(done),
                    one(Math.abs(gap))));
        }
        if (names.isEmpty()) {
            return Section.text(words.section(2), words.get("bulletin.time"), List.of(words.get("bulletin.time.none")));
        }
        double[][] series = new double[2][names.size()];
        for (int i = 0; i < names.size(); i++) {
            series[0][i] = bars.get(i)[0];
            series[1][i] = bars.get(i)[1];
        }
        var chart = charts.bars(words.get("bulletin.chart.caption"), "%", names,
                List.of(words.get("bulletin.chart.done"), words.get("bulletin.chart.time")), series);
        Table table = new Table(words.get("bulletin.table.time"), header(words, "bulletin.table.time.header"), rows);
        return new Section(words.section(2), words.get("bulletin.time"), lines, List.of(), List.of(table), List.of(chart),
                List.of());
    }

    private Section overdue(Programme programme, Map<Long, Initiative> byId, Map<Long, Unit> units,
            List<TargetProgress> progress, LocalDate end, Words words) {
        List<List<String>> rows = new ArrayList<>();
        for (Milestone m : records.milestones(programme)) {
            if (m.completedOn() == null && m.dueDate().isBefore(end)) {
                Initiative i = byId.get(m.initiativeId());
                rows.add(List.of(i.number() + "", words.get("bulletin.kind.milestone"), m.title(), m.dueDate().toString(),
                        units.get(i.leadUnitId()).displayName(words.locale()),
                        String.valueOf(ChronoUnit.DAYS.between(m.dueDate(), end))));
            }
        }
        for (TargetProgress p : progress) {
            Target t = p.target();
            boolean reached = p.share().map(s -> s.compareTo(BigDecimal.ONE) >= 0).orElse(false);
            if (!reached && t.deadline().isBefore(end)) {
                Initiative i = byId.get(t.initiativeId());
                String goal = Figures.format(t.targetValue(), t.targetValueMax(), t.unit(), t.targetQualifier(), words.locale());
                String now = p.latest().map(m -> Figures.format(m.value(), null, t.unit(), Qualifier.EXACT, words.locale()))
                        .orElse(words.get("bulletin.no-data"));
                rows.add(List.of(i.number() + "", words.get("bulletin.kind.target"),
                        words.get("bulletin.overdue.target", t.name(), goal, now), t.deadline().toString(),
                        units.get(i.leadUnitId()).displayName(words.locale()),
                        String.valueOf(ChronoUnit.DAYS.between(t.deadline(), end))));
            }
        }
        if (rows.isEmpty()) {
            return Section.text(words.section(3), words.get("bulletin.overdue"), List.of(words.get("bulletin.overdue.none")));
        }
        Table table = new Table(words.get("bulletin.table.overdue"), header(words, "bulletin.table.overdue.header"), rows);
        return new Section(words.section(3), words.get("bulletin.overdue"),
                List.of(words.get("bulletin.overdue.count", rows.size())),
                List.of(), List.of(table), List.of(), List.of());
    }

    private Section changes(Programme programme, Map<Long, Initiative> byId, List<Target> all, LocalDate start,
            LocalDate end, Words words) {
        List<String> lines = new ArrayList<>();
        Map<Long, Target> targetById = new HashMap<>();
        all.forEach(t -> targetById.put(t.id(), t));
        for (Measurement m : targets.measurements(all)) {
            if (!m.superseded() && !m.asOf().isBefore(start) && !m.asOf().isAfter(end)) {
                Target t = targetById.get(m.targetId());
                lines.add(words.get("bulletin.change.measurement", byId.get(t.initiativeId()).number(), t.name(),
                        Figures.format(m.value(), null, t.unit(), Qualifier.EXACT, words.locale()),
                        words.date(PartialDate.ofDay(m.asOf()), false)));
            }
        }
        for (Milestone m : records.milestones(programme)) {
            if (m.completedOn() != null && !m.completedOn().isBefore(start) && !m.completedOn().isAfter(end)) {
                lines.add(words.get("bulletin.change.milestone", byId.get(m.initiativeId()).number(), m.title(),
                        words.date(PartialDate.ofDay(m.completedOn()), false)));
            }
        }
        for (ProgrammeEvent e : records.events(programme)) {
            if (!e.date().start().isAfter(end) && !e.date().end().isBefore(start)) {
                lines.add(words.get("bulletin.change.event", words.date(e.date(), false), e.title()));
            }
        }
        for (Honour h : records.honours(programme)) {
            if (!h.date().start().isAfter(end) && !h.date().end().isBefore(start)) {
                lines.add(words.get("bulletin.change.honour", h.name()));
            }
        }
        if (lines.isEmpty()) {
            lines.add(words.get("bulletin.change.none"));
        }
        return Section.text(words.section(4), words.get("bulletin.changes"), lines);
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

    /** A table's header row: the message's cells, separated by |. */
    private static List<String> header(Words words, String key) {
        return List.of(words.get(key).split("\\|"));
    }
}
