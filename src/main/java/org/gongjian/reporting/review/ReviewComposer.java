package org.gongjian.reporting.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongjian.organisation.UnitData;
import org.gongjian.programme.EventData;
import org.gongjian.programme.HonourData;
import org.gongjian.programme.HonourLevel;
import org.gongjian.programme.InitiativeData;
import org.gongjian.programme.InitiativeData.FigureData;
import org.gongjian.programme.InitiativeData.TagData;
import org.gongjian.programme.MilestoneData;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeData;
import org.gongjian.programme.ProgrammeDocument;
import org.gongjian.programme.ProgrammeDocument.InitiativeDocument;
import org.gongjian.programme.ProgrammeDocument.TargetDocument;
import org.gongjian.programme.TargetData;
import org.gongjian.organisation.Organisation;
import org.gongjian.supervision.InitiativeStanding;
import org.gongjian.supervision.MilestoneStatus;
import org.gongjian.supervision.NoticeManagement;
import org.gongjian.supervision.NoticeView;
import org.gongjian.supervision.ProgrammeStatus;
import org.gongjian.supervision.Status;
import org.gongjian.supervision.StatusEngine;
import org.gongjian.supervision.TargetStatus;
import java.util.HashMap;
import org.gongjian.programme.ProgrammeExchange;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.TagKind;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.gongjian.reporting.Document;
import org.gongjian.reporting.Document.Fact;
import org.gongjian.reporting.Document.Photo;
import org.gongjian.reporting.Document.Section;
import org.gongjian.shared.Figures;
import org.gongjian.shared.PartialDate;
import org.gongjian.shared.UnitOfMeasure;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composes the year-end review (年度改革攻坚成果) from the programme as it stands: the headline, the
 * lead with the year's totals, then one section per initiative under the programme's own number, with
 * its events and dates, figures with units, targets and how far they got, honours, places and bodies.
 */
@Component
public class ReviewComposer {

    /** The word that marks a figure as an investment in the data's own (Chinese) labels: 计划总投资, 首批项目总投资. */
    private static final String INVESTMENT_WORD = "投资";

    private final ProgrammeExchange exchange;
    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final MessageSource messages;
    private final Clock clock;
    private final StatusEngine engine;
    private final NoticeManagement notices;
    private final Organisation organisation;
    private final ReviewSettingsStore settings;

    ReviewComposer(ProgrammeExchange exchange, ProgrammeManagement programmes, TargetManagement targets,
            MessageSource messages, Clock clock, StatusEngine engine, NoticeManagement notices,
            Organisation organisation, ReviewSettingsStore settings) {
        this.exchange = exchange;
        this.programmes = programmes;
        this.targets = targets;
        this.messages = messages;
        this.clock = clock;
        this.engine = engine;
        this.notices = notices;
        this.organisation = organisation;
        this.settings = settings;
    }

    /** The working copy: the article's layout with its byline, captions and internal notes. */
    @Transactional(readOnly = true)
    public Document compose(String programmeCode, Locale locale) {
        return compose(programmeCode, locale, ReviewVariant.WORKING);
    }

    /**
     * The review in a variant. The official one is a 公文: 发文机关标志, 发文字号, 主送, 一、（一）1. headings,
     * per-unit figures in tables, 存在问题 and 下一步工作 from the status engine and the open notices, 落款,
     * 成文日期 and 版记; no byline, photo captions, demo milestones or internal notes. The working copy
     * keeps those and lists the assumptions and demo data in an annex.
     */
    @Transactional(readOnly = true)
    public Document compose(String programmeCode, Locale locale, ReviewVariant variant) {
        boolean official = variant == ReviewVariant.OFFICIAL;
        ProgrammeDocument doc = exchange.export(programmeCode);
        Programme programme = programmes.programme(programmeCode);
        LocalDate asOf = min(LocalDate.now(clock), programme.endDate());
        Map<String, Progress> progress = progress(programme, asOf);
        Words words = new Words(messages, locale, doc.programme().year());
        Map<String, UnitData> units = doc.units().stream().collect(Collectors.toMap(UnitData::code, u -> u));
        Function<String, String> unitName = code -> {
            UnitData u = units.get(code);
            return u == null ? code : u.shortName() != null ? u.shortName() : u.name();
        };
        // As the bulletin does (ADR 0034): figures dated up to asOf count, even when reported after it.
        ProgrammeStatus status = engine.status(programmeCode, asOf, java.time.Instant.now(clock));
        Map<String, TargetStatus> targetStatus = new HashMap<>();
        status.targets().forEach(t -> targetStatus.put(t.code(), t));
        Parts parts = new Parts(official, words, unitName, progress, targetStatus, new int[] {0});

        List<Section> items = new ArrayList<>();
        int n = 0;
        for (InitiativeDocument idoc : doc.initiatives()) {
            int number = idoc.initiative().number();
            List<EventData> events = doc.events().stream().filter(e -> Integer.valueOf(number).equals(e.initiative()))
                    .sorted(Comparator.comparing(EventData::date)).toList();
            List<HonourData> honours = doc.honours().stream()
                    .filter(h -> Integer.valueOf(number).equals(h.initiative())).toList();
            items.add(section(idoc, events, honours, parts, official ? words.subsection(++n) : number + ". "));
        }
        ProgrammeData p = doc.programme();
        List<String> lead = new ArrayList<>();
        if (p.leadText() != null) {
            lead.add(p.leadText());
        }
        lead.add(totals(doc, progress, words) + numbering(doc, words, official));

        Problems problems = problems(programmeCode, doc, status, asOf, parts);
        List<Section> sections = new ArrayList<>();
        if (official) {
            sections.add(Section.text(words.section(1), words.get("review.part.results"), List.of()));
            sections.addAll(items);
            sections.add(Section.text(words.section(2), words.get("review.part.problems"), List.of(words.get("review.problems.lead"))));
            sections.addAll(problems.problems());
            sections.add(Section.text(words.section(3), words.get("review.part.next"), List.of(words.get("review.next.lead"))));
            sections.addAll(problems.next());
        } else {
            sections.addAll(items);
            List<String> problemText = new ArrayList<>();
            problems.problems().forEach(s -> problemText.add(s.label() + s.heading() + (s.paragraphs().isEmpty() ? "" : "：" + String.join("", s.paragraphs()))));
            List<String> nextText = new ArrayList<>();
            problems.next().forEach(s -> nextText.add(s.label() + s.heading() + (s.paragraphs().isEmpty() ? "" : "：" + String.join("", s.paragraphs()))));
            sections.add(Section.text("", words.get("review.part.problems"), problemText));
            sections.add(Section.text("", words.get("review.part.next"), nextText));
            List<String> notes = annex(doc, words, unitName);
            if (!notes.isEmpty()) {
                sections.add(Section.text("", words.get("review.annex.notes"), notes));
            }
        }
        String fileName = words.get(official ? "review.file-name.official" : "review.file-name", p.year(), p.code());
        if (!official) {
            List<String> masthead = new ArrayList<>();
            if (p.theme() != null) {
                masthead.add(words.get("review.masthead", p.year(), p.theme()));
            }
            masthead.add(words.get("review.as-of", words.date(PartialDate.ofDay(asOf), true)));
            return new Document(p.title(), p.subtitle(), masthead, lead, p.credits(), sections, fileName);
        }
        ReviewSettings s = settings.find(programmeCode).orElseGet(() -> defaults(p, words));
        String theme = p.theme() == null ? p.title() : p.theme();
        String title = s.title() != null ? s.title() : words.get("review.official.title", p.year(), theme);
        LocalDate signed = s.signedOn() != null ? s.signedOn() : LocalDate.now(clock);
        String date = words.chinese() ? PartialDate.ofDay(signed).toChinese(true) : signed.toString();
        Document.Official header = new Document.Official(s.mark(), s.number(p.year()), s.addressees(), s.issuingBody(),
                date, s.copyTo(), s.printedBy(), words.get("review.official.printed-on", date));
        List<String> officialLead = new ArrayList<>(lead);
        officialLead.add(words.get("review.official.opening", p.year(), theme, words.date(PartialDate.ofDay(asOf), true)));
        return new Document(title, null, List.of(), officialLead, null, sections, fileName, header);
    }

    /** Settings for a programme whose office has set none: its own name as issuer, a number to be replaced. */
    private static ReviewSettings defaults(ProgrammeData p, Words words) {
        String body = words.get("review.official.default-body");
        return new ReviewSettings(body + words.get("review.official.mark-suffix"), body,
                "改办〔{year}〕{n}号", 1, null, words.get("review.official.default-addressees"),
                null, body, null);
    }

    /** The reader is told once how items are numbered: as the programme numbers them, with gaps named. */
    private static String numbering(ProgrammeDocument doc, Words words, boolean official) {
        List<Integer> numbers = doc.initiatives().stream().map(i -> i.initiative().number()).sorted().toList();
        if (numbers.isEmpty()) {
            return "";
        }
        List<String> missing = new ArrayList<>();
        for (int k = numbers.get(0); k < numbers.get(numbers.size() - 1); k++) {
            if (!numbers.contains(k)) {
                missing.add(String.valueOf(k));
            }
        }
        String gaps = missing.isEmpty() ? "" : words.get("review.numbering.gap", words.list(missing));
        if (official) {
            return words.get("review.numbering.official", Words.numeral(numbers.size()), runs(numbers, words),
                    gaps.isEmpty() ? "" : words.get("review.paren", gaps));
        }
        return missing.isEmpty() ? "" : words.get("review.numbering.source", gaps);
    }

    /** 1至4、6至12. */
    private static String runs(List<Integer> numbers, Words words) {
        List<String> out = new ArrayList<>();
        int start = numbers.get(0);
        int prev = start;
        for (int k = 1; k <= numbers.size(); k++) {
            if (k < numbers.size() && numbers.get(k) == prev + 1) {
                prev = numbers.get(k);
                continue;
            }
            out.add(start == prev ? String.valueOf(start) : words.get("review.numbering.range", start, prev));
            if (k < numbers.size()) {
                start = numbers.get(k);
                prev = start;
            }
        }
        return words.list(out);
    }

    /** What the composer needs for every initiative. */
    private record Parts(boolean official, Words words, Function<String, String> unitName, Map<String, Progress> progress,
            Map<String, TargetStatus> status, int[] tables) {
    }

    private Section section(InitiativeDocument idoc, List<EventData> events, List<HonourData> honours, Parts parts,
            String label) {
        Words words = parts.words();
        Function<String, String> unitName = parts.unitName();
        Map<String, Progress> progress = parts.progress();
        InitiativeData i = idoc.initiative();
        String heading = events.isEmpty() ? i.title() : events.get(0).title();
        List<String> paragraphs = new ArrayList<>();
        for (EventData e : events) {
            paragraphs.add(words.date(e.date(), false) + "，" + (e.text() == null ? e.title() : e.text()));
        }
        if (i.summary() != null) {
            paragraphs.add(i.summary());
        }
        // Targets of single units (a town's share) go in a table when three or more share a name.
        Map<String, List<TargetDocument>> perUnit = new java.util.LinkedHashMap<>();
        List<TargetDocument> plain = new ArrayList<>();
        for (TargetDocument t : idoc.targets()) {
            String scope = t.target().scopeUnit();
            if (scope != null) {
                perUnit.computeIfAbsent(t.target().name().replace(unitName.apply(scope), ""), k -> new ArrayList<>()).add(t);
            } else {
                plain.add(t);
            }
        }
        List<Document.Table> tables = new ArrayList<>();
        for (var group : perUnit.entrySet()) {
            if (group.getValue().size() < 3) {
                plain.addAll(group.getValue());
                continue;
            }
            tables.add(unitTable(group.getKey(), group.getValue(), parts));
        }
        List<Fact> facts = new ArrayList<>();
        fact(facts, words.get("review.fact.figures"), i.figures().stream().map(f -> figure(f, words)).toList(), "；");
        fact(facts, words.get("review.fact.targets"), plain.stream()
                .map(t -> progress.get(t.target().code()).describe(words, parts.official())).toList(), "；");
        if (!tables.isEmpty()) {
            facts.add(new Fact(words.get("review.fact.per-unit"), tables.stream().map(Document.Table::caption)
                    .map(c -> words.get("review.see-table", c.replaceAll("^\\D*(\\d+).*$", "$1"))).collect(Collectors.joining("；"))));
        }
        fact(facts, words.get("review.fact.milestones"), idoc.milestones().stream()
                .filter(m -> !parts.official() || !demo(m))
                .map(m -> milestone(m, words)).toList(), "；");
        fact(facts, words.get("review.fact.honours"), honours.stream().map(h -> honour(h, words, unitName)).toList(), "；");
        Set<String> places = new LinkedHashSet<>(tags(i, TagKind.PLACE));
        events.stream().map(EventData::place).filter(java.util.Objects::nonNull)
                .forEach(place -> places.addAll(List.of(place.split("、"))));
        places.addAll(tags(i, TagKind.ROAD));
        fact(facts, words.get("review.fact.places"), List.copyOf(places), "、");
        fact(facts, words.get("review.fact.projects"), tags(i, TagKind.PROJECT), "、");
        fact(facts, words.get("review.fact.documents"), tags(i, TagKind.DOCUMENT), "、");
        fact(facts, words.get("review.fact.businesses"), tags(i, TagKind.BUSINESS), "、");
        String lead = unitName.apply(i.leadUnit()) + (i.leadUnitAssumed() && !parts.official() ? words.get("review.assumed") : "");
        facts.add(new Fact(words.get("review.fact.lead"), lead));
        fact(facts, words.get("review.fact.co-units"), i.coUnits().stream().map(unitName).toList(), "、");
        Set<String> bodies = new LinkedHashSet<>();
        events.forEach(e -> e.units().forEach(u -> bodies.add(unitName.apply(u))));
        honours.forEach(h -> h.awardingBodies().forEach(u -> bodies.add(unitName.apply(u))));
        bodies.remove(unitName.apply(i.leadUnit()));
        i.coUnits().forEach(u -> bodies.remove(unitName.apply(u)));
        fact(facts, words.get("review.fact.bodies"), List.copyOf(bodies), "、");
        if (parts.official()) {
            // 1. 2. 3. under （一）: each fact a paragraph of its own, ending as a sentence does.
            int k = 0;
            for (Fact f : facts) {
                paragraphs.add(++k + "." + f.label() + "：" + f.text() + (f.text().endsWith("。") ? "" : "。"));
            }
            return new Section(2, label, heading, paragraphs, List.of(), tables, List.of(), List.of());
        }
        List<Photo> photos = i.photos().stream().map(ph -> new Photo(ph.caption(), ph.credit())).toList();
        return new Section(label, heading, paragraphs, facts, tables, List.of(), photos);
    }

    /** 表3 各镇（街）银团授信完成情况: unit, target, latest value, share, status. */
    private Document.Table unitTable(String name, List<TargetDocument> group, Parts parts) {
        Words words = parts.words();
        List<List<String>> rows = new ArrayList<>();
        for (TargetDocument t : group) {
            TargetData d = t.target();
            Progress pr = parts.progress().get(d.code());
            TargetStatus st = parts.status().get(d.code());
            rows.add(List.of(parts.unitName().apply(d.scopeUnit()),
                    Figures.format(d.targetValue(), d.targetValueMax(), d.unit(), d.targetQualifier(), words.locale()),
                    pr.latest().map(m -> Figures.format(m.value(), null, d.unit(), org.gongjian.shared.Qualifier.EXACT, words.locale())).orElse("—"),
                    pr.share().map(x -> Figures.plain(x.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP)) + "%").orElse("—"),
                    st == null ? "—" : messages.getMessage(st.status().messageKey(), null, words.locale())));
        }
        int number = ++parts.tables()[0];
        return new Document.Table(words.get("review.table.caption", number, name.strip()),
                List.of(words.get("review.table.unit"), words.get("review.table.target"), words.get("review.table.actual"),
                        words.get("review.table.share"), words.get("review.table.status")), rows);
    }

    private static boolean demo(MilestoneData m) {
        return m.title().startsWith("（演示）") || (m.note() != null && m.note().startsWith("演示数据"));
    }

    /** The generated 存在问题 and 下一步工作, as （一）（二） parts with 1. 2. items. */
    private record Problems(List<Section> problems, List<Section> next) {
    }

    private Problems problems(String code, ProgrammeDocument doc, ProgrammeStatus status, LocalDate asOf, Parts parts) {
        Words words = parts.words();
        Set<Long> unitIds = new java.util.HashSet<>();
        status.initiatives().forEach(i -> unitIds.addAll(i.responsibleUnitIds()));
        List<NoticeView> open = notices.programmeNotices(code).stream().filter(n -> n.state().open()).toList();
        open.forEach(n -> unitIds.add(n.unitId()));
        Map<Long, org.gongjian.organisation.Unit> units = organisation.byIds(unitIds);
        Map<Integer, InitiativeStanding> standing = new HashMap<>();
        status.initiatives().forEach(i -> standing.put(i.number(), i));
        Map<String, String> scopes = new HashMap<>();
        doc.initiatives().forEach(i -> i.targets().forEach(t -> {
            if (t.target().scopeUnit() != null) {
                scopes.put(t.target().code(), t.target().scopeUnit());
            }
        }));

        List<String> behind = new ArrayList<>();
        for (TargetStatus t : status.targets()) {
            if (t.status() != Status.OFF_TRACK && t.status() != Status.OVERDUE) {
                continue;
            }
            InitiativeStanding i = standing.get(t.initiativeNumber());
            String unit = scopes.containsKey(t.code()) ? parts.unitName().apply(scopes.get(t.code()))
                    : i == null ? "" : name(units, i.leadUnitId());
            String who = unit.isEmpty() || t.name().contains(unit) ? "" : words.get("review.comma") + unit;
            Progress pr = parts.progress().get(t.code());
            String where = pr == null || pr.share().isEmpty() ? words.get("review.problems.no-value")
                    : words.get("review.problems.share", Figures.plain(pr.share().get().multiply(BigDecimal.valueOf(100))
                            .setScale(1, RoundingMode.HALF_UP)), percent(t.timeProgress()));
            behind.add(words.get("review.problems.target", t.name(), t.initiativeNumber(), who, where,
                    messages.getMessage(t.status().messageKey(), null, words.locale()),
                    messages.getMessage(t.reason().messageKey(), null, words.locale())));
        }
        List<String> late = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (InitiativeStanding i : status.initiatives()) {
            for (MilestoneStatus m : i.milestones()) {
                boolean isDemo = m.title().startsWith("（演示）");
                if (isDemo && parts.official()) {
                    continue;
                }
                String due = words.date(PartialDate.ofDay(m.dueDate()), true);
                if (m.status() == Status.OVERDUE) {
                    late.add(words.get("review.problems.milestone", m.title(), i.number(), name(units, i.leadUnitId()), due, m.daysOverdue()));
                }
                if (m.completedOn() == null) {
                    pending.add(words.get("review.next.milestone", m.title(), i.number(), name(units, i.leadUnitId()), due));
                }
            }
        }
        List<String> owed = new ArrayList<>();
        for (NoticeView n : open) {
            String state = messages.getMessage(n.state().messageKey(), null, words.locale());
            String text = words.get("review.problems.notice", n.number() == null ? "" : n.number(), n.title(),
                    name(units, n.unitId()), words.date(PartialDate.ofDay(n.answerDue()), true), state);
            long days = n.daysOverdue(LocalDate.now(clock));
            owed.add((days > 0 ? text + words.get("review.problems.notice-overdue", days) : text) + words.get("review.stop"));
        }
        List<String> future = new ArrayList<>();
        int year = doc.programme().year();
        for (TargetStatus t : status.targets()) {
            if (t.deadline().getYear() <= year) {
                continue;
            }
            Progress pr = parts.progress().get(t.code());
            String now = pr == null || pr.latest().isEmpty() ? words.get("review.next.no-value")
                    : words.get("review.next.now", Figures.format(pr.latest().get().value(), null, t.unit(),
                            org.gongjian.shared.Qualifier.EXACT, words.locale()));
            future.add(words.get("review.next.target", words.date(PartialDate.ofDay(t.deadline()), true), t.name(),
                    Figures.format(t.target(), t.targetMax(), t.unit(), t.qualifier(), words.locale()), t.initiativeNumber(), now));
        }

        List<Section> problems = new ArrayList<>();
        int k = 0;
        if (!behind.isEmpty()) {
            problems.add(part(parts, ++k, words.get("review.problems.targets-heading", behind.size()), behind));
        }
        if (!late.isEmpty()) {
            problems.add(part(parts, ++k, words.get("review.problems.milestones-heading", late.size()), late));
        }
        if (!owed.isEmpty()) {
            problems.add(part(parts, ++k, words.get("review.problems.notices-heading", owed.size()), owed));
        }
        if (problems.isEmpty()) {
            problems.add(part(parts, 1, words.get("review.problems.none"), List.of()));
        }
        List<Section> next = new ArrayList<>();
        k = 0;
        if (!behind.isEmpty() || !late.isEmpty() || !owed.isEmpty()) {
            next.add(part(parts, ++k, words.get("review.next.remedy-heading"), List.of(words.get("review.next.remedy"))));
        }
        if (!pending.isEmpty()) {
            next.add(part(parts, ++k, words.get("review.next.milestones-heading"), pending));
        }
        if (!future.isEmpty()) {
            next.add(part(parts, ++k, words.get("review.next.targets-heading", year + 1), future));
        }
        next.add(part(parts, ++k, words.get("review.next.supervision-heading"), List.of(words.get("review.next.supervision"))));
        return new Problems(problems, next);
    }

    /** （一）heading, then 1. 2. 3. items — or, in the working copy, the items as one run. */
    private static Section part(Parts parts, int n, String heading, List<String> items) {
        Words words = parts.words();
        List<String> paragraphs = new ArrayList<>();
        if (items.size() == 1) {
            paragraphs.add(items.get(0));
        } else {
            for (int k = 0; k < items.size(); k++) {
                paragraphs.add((k + 1) + "." + items.get(k));
            }
        }
        return new Section(2, words.subsection(n), heading, paragraphs, List.of(), List.of(), List.of(), List.of());
    }

    private static String name(Map<Long, org.gongjian.organisation.Unit> units, long id) {
        var u = units.get(id);
        return u == null ? "" : u.shortName();
    }

    private static String percent(double fraction) {
        return Figures.plain(BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP));
    }

    /** Working copy only: what is assumed or generated, so that the office can check it before sending. */
    private static List<String> annex(ProgrammeDocument doc, Words words, Function<String, String> unitName) {
        List<String> notes = new ArrayList<>();
        List<String> assumedLead = new ArrayList<>();
        long demoMilestones = 0;
        long demoMeasurements = 0;
        List<String> assumedDeadline = new ArrayList<>();
        for (InitiativeDocument i : doc.initiatives()) {
            if (i.initiative().leadUnitAssumed()) {
                assumedLead.add(words.get("review.annex.item", i.initiative().number(), unitName.apply(i.initiative().leadUnit())));
            }
            demoMilestones += i.milestones().stream().filter(ReviewComposer::demo).count();
            for (TargetDocument t : i.targets()) {
                demoMeasurements += t.measurements().stream().filter(m -> m.demo()).count();
                if (t.target().deadlineAssumed()) {
                    assumedDeadline.add(t.target().name());
                }
            }
        }
        if (!assumedLead.isEmpty()) {
            notes.add(words.get("review.annex.lead", words.list(assumedLead)));
        }
        if (!assumedDeadline.isEmpty()) {
            notes.add(words.get("review.annex.deadline", words.list(assumedDeadline)));
        }
        if (demoMilestones > 0 || demoMeasurements > 0) {
            notes.add(words.get("review.annex.demo", demoMilestones, demoMeasurements));
        }
        if (doc.programme().credits() != null) {
            notes.add(words.get("review.annex.credits"));
        }
        return notes;
    }

    private static void fact(List<Fact> facts, String label, List<String> items, String separator) {
        if (!items.isEmpty()) {
            facts.add(new Fact(label, String.join(separator, items)));
        }
    }

    private static List<String> tags(InitiativeData i, TagKind kind) {
        return i.tags().stream().filter(t -> t.kind() == kind).map(TagData::name).toList();
    }

    /** 2023年工业总产值217.8亿元; 规划占地面积约800公顷(12000亩); 重点产业方向3项(低空装备制造、…). */
    static String figure(FigureData f, Words words) {
        String text = Figures.format(f.value(), f.valueMax(), f.unit(), f.qualifier(), words.locale());
        String mu = null;
        if (f.unit() == UnitOfMeasure.HECTARES && words.chinese()) {
            mu = Figures.plain(UnitOfMeasure.HECTARES.convert(f.value(), UnitOfMeasure.MU)
                    .setScale(0, RoundingMode.HALF_UP)) + UnitOfMeasure.MU.zh();
            text += "(" + mu + ")";
        }
        if (f.note() != null && !f.note().equals(mu)) {
            text += words.get("review.paren", f.note());
        }
        String when = f.asOf() != null && f.asOf().precision() == org.gongjian.shared.DatePrecision.YEAR
                ? words.date(f.asOf(), true) : "";
        return when + f.label() + text;
    }

    private static String milestone(MilestoneData m, Words words) {
        PartialDate due = PartialDate.ofDay(m.dueDate());
        String state = m.completedOn() != null
                ? words.get("review.milestone.done", words.date(PartialDate.ofDay(m.completedOn()), true))
                : words.get("review.milestone.due", words.date(due, true));
        return m.title() + words.get("review.paren", state);
    }

    private static String honour(HonourData h, Words words, Function<String, String> unitName) {
        String detail = words.get("honour.level." + h.level()) + "，" + words.date(h.date(), true)
                + words.get("honour.status." + h.status());
        if (!h.awardingBodies().isEmpty()) {
            detail += "，" + words.get("review.awarded-by",
                    h.awardingBodies().stream().map(unitName).collect(Collectors.joining("、")));
        }
        return h.name() + words.get("review.paren", detail);
    }

    private String totals(ProgrammeDocument doc, Map<String, Progress> progress, Words words) {
        ProgrammeData p = doc.programme();
        List<Integer> numbers = doc.initiatives().stream().map(i -> i.initiative().number()).toList();
        Set<String> categories = new LinkedHashSet<>();
        doc.initiatives().forEach(i -> p.categories().stream().filter(c -> c.code().equals(i.initiative().category()))
                .findFirst().ifPresent(c -> categories.add(c.name())));
        Set<String> responsible = new LinkedHashSet<>();
        doc.initiatives().forEach(i -> {
            responsible.add(i.initiative().leadUnit());
            responsible.addAll(i.initiative().coUnits());
        });
        StringBuilder text = new StringBuilder(words.get("review.totals.initiatives", p.year(), numbers.size(),
                numbers.isEmpty() ? "" : numbers.get(0), numbers.isEmpty() ? "" : numbers.get(numbers.size() - 1),
                categories.size(), String.join("、", categories), responsible.size()));
        Map<HonourLevel, Integer> byLevel = new EnumMap<>(HonourLevel.class);
        doc.honours().forEach(h -> byLevel.merge(h.level(), 1, Integer::sum));
        if (!byLevel.isEmpty()) {
            String levels = byLevel.entrySet().stream()
                    .map(e -> words.get("review.totals.level", words.get("honour.level." + e.getKey()), e.getValue()))
                    .collect(Collectors.joining("、"));
            text.append(words.get("review.totals.honours", doc.honours().size(), levels));
        }
        List<FigureData> investments = doc.initiatives().stream().flatMap(i -> i.initiative().figures().stream())
                .filter(f -> f.unit() == UnitOfMeasure.YUAN && f.label().contains(INVESTMENT_WORD))
                .toList();
        if (!investments.isEmpty()) {
            BigDecimal sum = investments.stream().map(FigureData::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean approx = investments.stream().anyMatch(f -> f.qualifier() != org.gongjian.shared.Qualifier.EXACT);
            text.append(words.get("review.totals.investment", investments.size(),
                    Figures.format(sum, null, UnitOfMeasure.YUAN,
                            approx ? org.gongjian.shared.Qualifier.APPROX : org.gongjian.shared.Qualifier.EXACT,
                            words.locale())));
        }
        long measured = progress.values().stream().filter(x -> x.latest().isPresent()).count();
        long reached = progress.values().stream().filter(Progress::reached).count();
        text.append(words.get("review.totals.targets", progress.size(), measured, reached));
        return text.toString();
    }

    private Map<String, Progress> progress(Programme programme, LocalDate asOf) {
        Map<String, Progress> out = new java.util.LinkedHashMap<>();
        for (Target t : targets.targets(programme)) {
            Optional<org.gongjian.programme.Measurement> latest = targets.latest(t, asOf);
            Optional<BigDecimal> share = latest.flatMap(m -> t.progress(m.value()));
            out.put(t.code(), new Progress(t, latest, share));
        }
        return out;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
