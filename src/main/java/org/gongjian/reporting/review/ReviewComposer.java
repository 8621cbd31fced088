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

    ReviewComposer(ProgrammeExchange exchange, ProgrammeManagement programmes, TargetManagement targets,
            MessageSource messages, Clock clock) {
        this.exchange = exchange;
        this.programmes = programmes;
        this.targets = targets;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Document compose(String programmeCode, Locale locale) {
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

        List<Section> sections = new ArrayList<>();
        for (InitiativeDocument idoc : doc.initiatives()) {
            int number = idoc.initiative().number();
            List<EventData> events = doc.events().stream().filter(e -> Integer.valueOf(number).equals(e.initiative()))
                    .sorted(Comparator.comparing(EventData::date)).toList();
            List<HonourData> honours = doc.honours().stream()
                    .filter(h -> Integer.valueOf(number).equals(h.initiative())).toList();
            sections.add(section(idoc, events, honours, progress, words, unitName));
        }
        ProgrammeData p = doc.programme();
        List<String> masthead = new ArrayList<>();
        if (p.theme() != null) {
            masthead.add(words.get("review.masthead", p.year(), p.theme()));
        }
        masthead.add(words.get("review.as-of", words.date(PartialDate.ofDay(asOf), true)));
        List<String> lead = new ArrayList<>();
        if (p.leadText() != null) {
            lead.add(p.leadText());
        }
        lead.add(totals(doc, progress, words));
        return new Document(p.title(), p.subtitle(), masthead, lead, p.credits(), sections,
                words.get("review.file-name", p.year(), p.code()));
    }

    private Section section(InitiativeDocument idoc, List<EventData> events, List<HonourData> honours,
            Map<String, Progress> progress, Words words, Function<String, String> unitName) {
        InitiativeData i = idoc.initiative();
        String heading = events.isEmpty() ? i.title() : events.get(0).title();
        List<String> paragraphs = new ArrayList<>();
        for (EventData e : events) {
            paragraphs.add(words.date(e.date(), false) + "，" + (e.text() == null ? e.title() : e.text()));
        }
        if (i.summary() != null) {
            paragraphs.add(i.summary());
        }
        List<Fact> facts = new ArrayList<>();
        fact(facts, words.get("review.fact.figures"), i.figures().stream().map(f -> figure(f, words)).toList(), "；");
        fact(facts, words.get("review.fact.targets"), idoc.targets().stream()
                .map(t -> progress.get(t.target().code()).describe(words)).toList(), "；");
        fact(facts, words.get("review.fact.milestones"), idoc.milestones().stream()
                .map(m -> milestone(m, words)).toList(), "；");
        fact(facts, words.get("review.fact.honours"), honours.stream().map(h -> honour(h, words, unitName)).toList(), "；");
        Set<String> places = new LinkedHashSet<>(tags(i, TagKind.PLACE));
        events.stream().map(EventData::place).filter(java.util.Objects::nonNull).forEach(places::add);
        places.addAll(tags(i, TagKind.ROAD));
        fact(facts, words.get("review.fact.places"), List.copyOf(places), "、");
        fact(facts, words.get("review.fact.projects"), tags(i, TagKind.PROJECT), "、");
        fact(facts, words.get("review.fact.documents"), tags(i, TagKind.DOCUMENT), "、");
        fact(facts, words.get("review.fact.businesses"), tags(i, TagKind.BUSINESS), "、");
        String lead = unitName.apply(i.leadUnit()) + (i.leadUnitAssumed() ? words.get("review.assumed") : "");
        facts.add(new Fact(words.get("review.fact.lead"), lead));
        fact(facts, words.get("review.fact.co-units"), i.coUnits().stream().map(unitName).toList(), "、");
        Set<String> bodies = new LinkedHashSet<>();
        events.forEach(e -> e.units().forEach(u -> bodies.add(unitName.apply(u))));
        honours.forEach(h -> h.awardingBodies().forEach(u -> bodies.add(unitName.apply(u))));
        bodies.remove(unitName.apply(i.leadUnit()));
        i.coUnits().forEach(u -> bodies.remove(unitName.apply(u)));
        fact(facts, words.get("review.fact.bodies"), List.copyOf(bodies), "、");
        List<Photo> photos = i.photos().stream().map(ph -> new Photo(ph.caption(), ph.credit())).toList();
        return new Section(i.number() + ". ", heading, paragraphs, facts, List.of(), List.of(), photos);
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
