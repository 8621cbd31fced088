package org.gongjian.reporting.bulletin;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeData.CategoryData;
import org.gongjian.reporting.Document.Section;
import org.gongjian.reporting.Document.Table;
import org.gongjian.reporting.render.Charts;
import org.gongjian.reporting.review.Words;
import org.gongjian.shared.Figures;
import org.gongjian.shared.PartialDate;
import org.gongjian.shared.Qualifier;
import org.gongjian.supervision.InitiativeStanding;
import org.gongjian.supervision.MilestoneStatus;
import org.gongjian.supervision.ProgrammeStatus;
import org.gongjian.supervision.Status;
import org.gongjian.supervision.TargetStatus;

/**
 * The bulletin's parts that read the status engine at the month's end: totals by status, progress against
 * time progress by category, off-track and overdue items with their lead units, and status changes since
 * the previous month's end. Labels are left empty; the composer numbers the sections.
 */
final class StatusSections {

    /** The order statuses are counted in: 正常、预警、滞后、逾期、已完成, then 无数据. */
    static final List<Status> ORDER = List.of(Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.OVERDUE,
            Status.ACHIEVED, Status.NO_DATA);
    private static final Map<String, Color> COLOURS = Map.of("green", new Color(0x2E7D32), "yellow", new Color(0xF9A825),
            "red", new Color(0xC62828), "blue", new Color(0x1565C0), "grey", new Color(0x9E9E9E));

    /** 逾期 is red like 滞后 on the board; in the chart a darker red tells them apart beside their words. */
    private static final Color OVERDUE_RED = new Color(0x7F0000);

    private final Programme programme;
    private final ProgrammeStatus now;
    private final Map<Long, Unit> units;
    private final Charts charts;
    private final Words words;
    private final Map<Long, InitiativeStanding> initiatives = new HashMap<>();

    StatusSections(Programme programme, ProgrammeStatus now, Map<Long, Unit> units, Charts charts, Words words) {
        this.programme = programme;
        this.now = now;
        this.units = units;
        this.charts = charts;
        this.words = words;
        now.initiatives().forEach(i -> initiatives.put(i.initiativeId(), i));
    }

    ProgrammeStatus now() {
        return now;
    }

    /** Totals by status of initiatives, targets and milestones, with the targets' totals as a chart. */
    Section overview() {
        Map<Status, Long> byInitiative = count(now.initiatives(), InitiativeStanding::status);
        Map<Status, Long> byTarget = count(now.targets(), TargetStatus::status);
        Map<Status, Long> byMilestone = count(now.milestones(), MilestoneStatus::status);
        List<String> lines = List.of(
                words.get("bulletin.overview.initiatives", now.initiatives().size(),
                        counts(byInitiative, "bulletin.overview.status.initiative")),
                words.get("bulletin.overview.targets", now.targets().size(), counts(byTarget, "bulletin.overview.status.target"),
                        now.targets().stream().filter(t -> t.actual() != null).count()),
                words.get("bulletin.overview.milestones", now.milestones().size(),
                        counts(byMilestone, "bulletin.overview.status.milestone")));
        List<String> header = new ArrayList<>();
        header.add(words.get("bulletin.table.status.kind"));
        ORDER.forEach(s -> header.add(words.get(s.messageKey())));
        header.add(words.get("bulletin.table.status.total"));
        List<List<String>> rows = List.of(row("bulletin.kind.initiative", byInitiative),
                row("bulletin.kind.target", byTarget), row("bulletin.kind.milestone", byMilestone));
        Table table = new Table(words.get("bulletin.table.status"), header, rows);
        long[] values = ORDER.stream().mapToLong(s -> byTarget.getOrDefault(s, 0L)).toArray();
        var chart = charts.counts(words.get("bulletin.chart.status"), words.get("bulletin.chart.status.axis"),
                ORDER.stream().map(s -> words.get(s.messageKey())).toList(), values,
                ORDER.stream().map(s -> s == Status.OVERDUE ? OVERDUE_RED : COLOURS.get(s.colour())).toList());
        return new Section("", words.get("bulletin.overview"), lines, List.of(), List.of(table), List.of(chart), List.of());
    }

    /** Average progress beside average time progress of the reported targets, per category. */
    Section timeProgress() {
        Map<String, List<TargetStatus>> byCategory = new LinkedHashMap<>();
        programme.categories().forEach(c -> byCategory.put(c.code(), new ArrayList<>()));
        now.initiatives().forEach(i -> i.targets().stream().filter(t -> t.progress() != null)
                .forEach(t -> byCategory.computeIfAbsent(i.categoryCode(), k -> new ArrayList<>()).add(t)));
        List<String> names = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<double[]> bars = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<TargetStatus>> e : byCategory.entrySet()) {
            List<TargetStatus> list = e.getValue();
            if (list.isEmpty()) {
                continue;
            }
            double done = list.stream().mapToDouble(t -> Math.max(0, Math.min(1.5, t.progress()))).average().orElse(0) * 100;
            double time = list.stream().mapToDouble(TargetStatus::timeProgress).average().orElse(0) * 100;
            double gap = done - time;
            String name = programme.category(e.getKey())
                    .map(c -> words.chinese() || c.nameEn() == null ? c.name() : c.nameEn()).orElse(e.getKey());
            names.add(name);
            bars.add(new double[] {done, time});
            rows.add(List.of(name, String.valueOf(list.size()), one(done) + "%", one(time) + "%",
                    (gap >= 0 ? "+" : "") + one(gap)));
            lines.add(words.get(gap >= 0 ? "bulletin.category.ahead" : "bulletin.category.behind", name, one(done),
                    one(Math.abs(gap))));
        }
        if (names.isEmpty()) {
            return Section.text("", words.get("bulletin.time"), List.of(words.get("bulletin.time.none")));
        }
        double[][] series = new double[2][names.size()];
        for (int i = 0; i < names.size(); i++) {
            series[0][i] = bars.get(i)[0];
            series[1][i] = bars.get(i)[1];
        }
        var chart = charts.bars(words.get("bulletin.chart.caption"), "%", names,
                List.of(words.get("bulletin.chart.done"), words.get("bulletin.chart.time")), series);
        Table table = new Table(words.get("bulletin.table.time"), header("bulletin.table.time.header"), rows);
        return new Section("", words.get("bulletin.time"), lines, List.of(), List.of(table), List.of(chart), List.of());
    }

    /** Targets and milestones off track (滞后) or overdue (逾期) at the month's end, worst first, with lead units. */
    Section offTrack() {
        record Row(Status status, int number, List<String> cells) {
        }
        List<Row> found = new ArrayList<>();
        for (InitiativeStanding i : now.initiatives()) {
            for (TargetStatus t : i.targets()) {
                if (t.status() == Status.OFF_TRACK || t.status() == Status.OVERDUE) {
                    found.add(new Row(t.status(), i.number(), List.of(i.number() + "", words.get("bulletin.kind.target"),
                            t.name(), words.get(t.status().messageKey()), BulletinComposer.lead(i, units, words),
                            targetDetail(t))));
                }
            }
            for (MilestoneStatus m : i.milestones()) {
                if (m.status() == Status.OFF_TRACK || m.status() == Status.OVERDUE) {
                    found.add(new Row(m.status(), i.number(), List.of(i.number() + "", words.get("bulletin.kind.milestone"),
                            m.title(), words.get(m.status().messageKey()), BulletinComposer.lead(i, units, words),
                            words.get("bulletin.detail.milestone", date(m.dueDate()), m.daysOverdue()))));
                }
            }
        }
        long atRisk = now.targets().stream().filter(t -> t.status() == Status.AT_RISK).count()
                + now.milestones().stream().filter(m -> m.status() == Status.AT_RISK).count();
        if (found.isEmpty()) {
            return Section.text("", words.get("bulletin.overdue"), List.of(words.get("bulletin.overdue.none", atRisk)));
        }
        found.sort(Comparator.comparingInt((Row r) -> -r.status().severity()).thenComparingInt(Row::number));
        long off = found.stream().filter(r -> r.status() == Status.OFF_TRACK).count();
        Table table = new Table(words.get("bulletin.table.overdue"), header("bulletin.table.overdue.header"),
                found.stream().map(Row::cells).toList());
        return new Section("", words.get("bulletin.overdue"),
                List.of(words.get("bulletin.overdue.count", off, found.size() - off, atRisk)),
                List.of(), List.of(table), List.of(), List.of());
    }

    /**
     * Initiatives, targets and milestones whose status differs between the previous month's end and this
     * one's, as a summary line and a table; items that did not exist then are left out.
     */
    Section changesSince(ProgrammeStatus before) {
        Map<String, Status> then = new HashMap<>();
        before.initiatives().forEach(i -> then.put("i" + i.initiativeId(), i.status()));
        before.targets().forEach(t -> then.put("t" + t.targetId(), t.status()));
        before.milestones().forEach(m -> then.put("m" + m.milestoneId(), m.status()));
        List<List<String>> rows = new ArrayList<>();
        int better = 0;
        record Item(String key, String kind, String name, Status status) {
        }
        for (InitiativeStanding i : now.initiatives()) {
            List<Item> items = new ArrayList<>();
            items.add(new Item("i" + i.initiativeId(), "bulletin.kind.initiative", i.title(), i.status()));
            i.targets().forEach(t -> items.add(new Item("t" + t.targetId(), "bulletin.kind.target", t.name(), t.status())));
            i.milestones().forEach(m -> items.add(new Item("m" + m.milestoneId(), "bulletin.kind.milestone", m.title(),
                    m.status())));
            for (Item item : items) {
                Status was = then.get(item.key());
                if (was != null && was != item.status()) {
                    better += item.status().severity() < was.severity() ? 1 : 0;
                    rows.add(List.of(i.number() + "", words.get(item.kind()), item.name(), words.get(was.messageKey()),
                            words.get(item.status().messageKey()), BulletinComposer.lead(i, units, words)));
                }
            }
        }
        if (rows.isEmpty()) {
            return Section.text("", words.get("bulletin.status-changes"), List.of(words.get("bulletin.change.status.none")));
        }
        Table table = new Table(words.get("bulletin.table.changes"), header("bulletin.table.changes.header"), rows);
        return new Section("", words.get("bulletin.status-changes"), List.of(words.get("bulletin.change.status", rows.size(), better, rows.size() - better)),
                List.of(), List.of(table), List.of(), List.of());
    }

    private String targetDetail(TargetStatus t) {
        if (t.status() == Status.OVERDUE) {
            String goal = Figures.format(t.target(), t.targetMax(), t.unit(), t.qualifier(), words.locale());
            String actual = t.actual() == null ? words.get("bulletin.no-data")
                    : Figures.format(t.actual(), null, t.unit(), Qualifier.EXACT, words.locale());
            return words.get("bulletin.detail.overdue", goal, actual, date(t.deadline()),
                    ChronoUnit.DAYS.between(t.deadline(), t.asOf()));
        }
        return words.get("bulletin.detail.off-track", t.progress() == null ? "—" : one(t.progress() * 100),
                t.plannedProgress() == null ? "—" : one(t.plannedProgress() * 100), one(t.timeProgress() * 100));
    }

    /** 正常1项、逾期1项 (the key gives the kind's measure word) or 1 on track, 1 overdue. */
    private String counts(Map<Status, Long> byStatus, String key) {
        List<String> parts = new ArrayList<>();
        for (Status s : ORDER) {
            if (byStatus.containsKey(s)) {
                String word = words.get(s.messageKey());
                parts.add(words.get(key, words.chinese() ? word : word.toLowerCase(words.locale()), byStatus.get(s)));
            }
        }
        return parts.isEmpty() ? words.get("bulletin.overview.empty") : words.list(parts);
    }

    private List<String> row(String kind, Map<Status, Long> byStatus) {
        List<String> cells = new ArrayList<>();
        cells.add(words.get(kind));
        ORDER.forEach(s -> cells.add(String.valueOf(byStatus.getOrDefault(s, 0L))));
        cells.add(String.valueOf(byStatus.values().stream().mapToLong(Long::longValue).sum()));
        return cells;
    }

    private static <T> Map<Status, Long> count(List<T> items, Function<T, Status> status) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        items.forEach(i -> counts.merge(status.apply(i), 1L, Long::sum));
        return counts;
    }

    private String date(java.time.LocalDate date) {
        return words.date(PartialDate.ofDay(date), false);
    }

    private List<String> header(String key) {
        return List.of(words.get(key).split("\\|"));
    }

    static String one(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
