package org.gongjian.reporting.bulletin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gongjian.assessment.Rankings;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Honour;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.Milestone;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeEvent;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeRecords;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.gongjian.reporting.Document.Section;
import org.gongjian.reporting.Document;
import org.gongjian.reporting.render.Charts;
import org.gongjian.reporting.review.Words;
import org.gongjian.shared.Figures;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LocalizedException;
import org.gongjian.shared.PartialDate;
import org.gongjian.shared.Qualifier;
import org.gongjian.supervision.InitiativeStanding;
import org.gongjian.supervision.NoticeManagement;
import org.gongjian.supervision.ProgrammeStatus;
import org.gongjian.supervision.StatusEngine;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composes the monthly bulletin (工作简报) of a programme as of a month's last day, from the status engine's
 * statuses at that day and at the previous month's last day: totals by status with a chart, progress
 * against time progress (时间进度) by category with a chart, off-track and overdue items with their lead
 * units, the supervision notices raised and answered in the month, and what changed since last month.
 * Sections are numbered in the order they are added, so that another part can be put in between.
 */
@Component
public class BulletinComposer {

    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final ProgrammeRecords records;
    private final Organisation organisation;
    private final StatusEngine engine;
    private final NoticeManagement notices;
    private final Rankings rankings;
    private final Charts charts;
    private final MessageSource messages;
    private final Clock clock;

    BulletinComposer(ProgrammeManagement programmes, TargetManagement targets, ProgrammeRecords records,
            Organisation organisation, StatusEngine engine, NoticeManagement notices, Rankings rankings, Charts charts,
            MessageSource messages, Clock clock) {
        this.programmes = programmes;
        this.targets = targets;
        this.records = records;
        this.organisation = organisation;
        this.engine = engine;
        this.notices = notices;
        this.rankings = rankings;
        this.charts = charts;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Document compose(String programmeCode, YearMonth month, Locale locale) {
        Programme programme = programmes.programme(programmeCode);
        LocalDate today = LocalDate.now(clock);
        if (month.isAfter(YearMonth.from(today))) {
            throw new InvalidInputException("month", "error.report.month-future", month.toString());
        }
        // The month's end, or today while the month runs; figures for it reported since count too.
        LocalDate end = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        Instant knownBy = Instant.now(clock);
        ProgrammeStatus now = engine.status(programmeCode, end, knownBy);
        ProgrammeStatus before = engine.status(programmeCode, month.minusMonths(1).atEndOfMonth(), knownBy);
        Set<Long> unitIds = new HashSet<>();
        now.initiatives().forEach(i -> unitIds.addAll(i.responsibleUnitIds()));
        var raised = notices.programmeNotices(programmeCode);
        raised.forEach(n -> unitIds.add(n.unitId()));
        Map<Long, Unit> units = organisation.byIds(unitIds);

        Words words = new Words(messages, locale, programme.year());
        StatusSections status = new StatusSections(programme, now, units, charts, words);
        List<Section> sections = new ArrayList<>();
        sections.add(status.overview());
        sections.add(status.timeProgress());
        sections.add(status.offTrack());
        sections.add(new NoticeSection(month, end, clock.getZone(), units, words).section(raised));
        sections.add(ranking(programmeCode, month, words));
        sections.add(status.changesSince(before));
        sections.add(progress(programme, month, end, status, words));
        String theme = programme.theme() == null ? programme.title() : programme.theme();
        List<String> masthead = List.of(words.get("bulletin.issue", month.getYear(), month.getMonthValue()),
                words.get("bulletin.as-of", words.date(PartialDate.ofDay(end), true)));
        return new Document(words.get("bulletin.title", programme.year(), theme), null, masthead, List.of(), null,
                numbered(sections, words), words.get("bulletin.file-name", programme.code(), month.toString()));
    }

    /** The month's league tables from the assessment module, or why there are none. */
    private Section ranking(String programmeCode, YearMonth month, Words words) {
        RankingSection section = new RankingSection(words);
        try {
            return section.section(rankings.bulletin(programmeCode, month));
        } catch (LocalizedException refused) {
            return section.unavailable(words.get(refused.messageKey(), refused.args()));
        }
    }

    /**
     * The month's work: the values reported, as one table per initiative (指标, 数值, 截至), then the
     * milestones done, events and honours as lines.
     */
    private Section progress(Programme programme, YearMonth month, LocalDate end, StatusSections status, Words words) {
        LocalDate start = month.atDay(1);
        Map<Long, Integer> numbers = new HashMap<>();
        Map<Integer, String> titles = new HashMap<>();
        status.now().initiatives().forEach(i -> {
            numbers.put(i.initiativeId(), i.number());
            titles.put(i.number(), i.title());
        });
        List<String> lines = new ArrayList<>();
        List<Target> all = targets.targets(programme);
        Map<Long, Target> targetById = new HashMap<>();
        all.forEach(t -> targetById.put(t.id(), t));
        java.util.TreeMap<Integer, List<Measurement>> reported = new java.util.TreeMap<>();
        for (Measurement m : targets.measurements(all)) {
            if (m.valid() && !m.asOf().isBefore(start) && !m.asOf().isAfter(end)) {
                Target t = targetById.get(m.targetId());
                reported.computeIfAbsent(numbers.get(t.initiativeId()), k -> new ArrayList<>()).add(m);
            }
        }
        List<Document.Table> tables = new ArrayList<>();
        int count = 0;
        for (var entry : reported.entrySet()) {
            List<List<String>> rows = new ArrayList<>();
            entry.getValue().stream()
                    .sorted(java.util.Comparator.comparing((Measurement m) -> targetById.get(m.targetId()).position())
                            .thenComparing(Measurement::asOf))
                    .forEach(m -> {
                        Target t = targetById.get(m.targetId());
                        rows.add(List.of(t.name(), Figures.format(m.value(), null, t.unit(), Qualifier.EXACT, words.locale()),
                                words.date(PartialDate.ofDay(m.asOf()), false)));
                    });
            count += rows.size();
            tables.add(new Document.Table(words.get("bulletin.table.progress", entry.getKey(), titles.get(entry.getKey())),
                    List.of(words.get("bulletin.table.progress.header").split("\\|")), rows));
        }
        if (count > 0) {
            lines.add(words.get("bulletin.change.measurements", count, reported.size()));
        }
        for (Milestone m : records.milestones(programme)) {
            if (m.completedOn() != null && !m.completedOn().isBefore(start) && !m.completedOn().isAfter(end)) {
                lines.add(words.get("bulletin.change.milestone", numbers.get(m.initiativeId()), m.title(),
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
        return new Section("", words.get("bulletin.changes"), lines, List.of(), tables, List.of(), List.of());
    }

    /** The sections labelled 一、二、… (1. 2. …) in order, and their tables numbered 表1, 表2 … through the document. */
    private static List<Section> numbered(List<Section> sections, Words words) {
        List<Section> out = new ArrayList<>();
        int table = 0;
        for (int s = 0; s < sections.size(); s++) {
            Section x = sections.get(s);
            List<Document.Table> tables = new ArrayList<>();
            for (Document.Table t : x.tables()) {
                tables.add(new Document.Table(words.get("bulletin.table.caption", ++table, t.caption()), t.header(), t.rows()));
            }
            out.add(new Section(words.section(s + 1), x.heading(), x.paragraphs(), x.facts(), tables, x.charts(),
                    x.photos()));
        }
        return out;
    }

    /** An initiative's lead unit in the reader's language. */
    static String lead(InitiativeStanding i, Map<Long, Unit> units, Words words) {
        Unit u = units.get(i.leadUnitId());
        return u == null ? "" : u.displayName(words.locale());
    }
}
