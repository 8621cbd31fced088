package org.gongjian.programme;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.organisation.UnitData;
import org.gongjian.programme.ProgrammeDocument.InitiativeDocument;
import org.gongjian.programme.ProgrammeDocument.TargetDocument;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.Decimals;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a whole programme as one document and reads one back. An import is checked in full before
 * anything is written, then written in one transaction: all of it, or nothing.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeExchange {

    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final ProgrammeRecords records;
    private final ProgrammeRepository programmeRepository;
    private final InitiativeRepository initiativeRepository;
    private final TargetRepository targetRepository;
    private final MilestoneRepository milestoneRepository;
    private final EventRepository eventRepository;
    private final HonourRepository honourRepository;
    private final MeasurementStore measurementStore;
    private final Organisation organisation;
    private final Guard guard;
    private final AuditLog audit;
    private final Validator validator;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ProgrammeExchange(ProgrammeManagement programmes, TargetManagement targets, ProgrammeRecords records,
            ProgrammeRepository programmeRepository, InitiativeRepository initiativeRepository,
            TargetRepository targetRepository, MilestoneRepository milestoneRepository, EventRepository eventRepository,
            HonourRepository honourRepository, MeasurementStore measurementStore, Organisation organisation, Guard guard,
            AuditLog audit, Validator validator, ApplicationEventPublisher publisher, Clock clock) {
        this.programmes = programmes;
        this.targets = targets;
        this.records = records;
        this.programmeRepository = programmeRepository;
        this.initiativeRepository = initiativeRepository;
        this.targetRepository = targetRepository;
        this.milestoneRepository = milestoneRepository;
        this.eventRepository = eventRepository;
        this.honourRepository = honourRepository;
        this.measurementStore = measurementStore;
        this.organisation = organisation;
        this.guard = guard;
        this.audit = audit;
        this.validator = validator;
        this.publisher = publisher;
        this.clock = clock;
    }

    // --- export ---------------------------------------------------------------------------------

    public ProgrammeDocument export(String code) {
        Programme programme = programmes.programme(code);
        List<Initiative> initiatives = programmes.initiatives(programme);
        List<Target> allTargets = targets.targets(programme);
        List<Milestone> allMilestones = records.milestones(programme);
        List<ProgrammeEvent> events = records.events(programme);
        List<Honour> honours = records.honours(programme);

        Set<Long> unitIds = new LinkedHashSet<>();
        initiatives.forEach(i -> unitIds.addAll(i.responsibleUnitIds()));
        allTargets.stream().map(Target::scopeUnitId).filter(Objects::nonNull).forEach(unitIds::add);
        events.forEach(e -> unitIds.addAll(e.unitIds()));
        honours.forEach(h -> unitIds.addAll(h.awardingBodyIds()));
        Map<Long, Unit> units = new HashMap<>();
        for (Unit unit : organisation.byIds(unitIds).values()) {
            organisation.withAncestors(unit).forEach(u -> units.put(u.id(), u));
        }
        Function<Long, String> unitCode = id -> units.get(id).code();
        Map<Long, Integer> numbers = new HashMap<>();
        initiatives.forEach(i -> numbers.put(i.id(), i.number()));

        Map<Long, List<Measurement>> measurements = new HashMap<>();
        targets.measurements(allTargets).forEach(m -> measurements.computeIfAbsent(m.targetId(), k -> new ArrayList<>()).add(m));

        List<InitiativeDocument> initiativeDocs = initiatives.stream().map(i -> new InitiativeDocument(
                i.data(unitCode),
                allTargets.stream().filter(t -> t.initiativeId().equals(i.id()))
                        .sorted(Comparator.comparingInt(Target::position))
                        .map(t -> new TargetDocument(t.data(unitCode), measurementData(measurements.getOrDefault(t.id(), List.of()))))
                        .toList(),
                allMilestones.stream().filter(m -> m.initiativeId().equals(i.id())).map(Milestone::data).toList()))
                .toList();

        List<UnitData> unitDocs = units.values().stream().sorted(Comparator.comparing(Unit::code))
                .map(u -> UnitData.of(u, u.parentId() == null ? null : units.get(u.parentId()).code()))
                .toList();
        return new ProgrammeDocument(ProgrammeDocument.FORMAT, programme.data(), unitDocs, initiativeDocs,
                events.stream().map(e -> e.data(e.initiativeId() == null ? null : numbers.get(e.initiativeId()), unitCode)).toList(),
                honours.stream().map(h -> h.data(h.initiativeId() == null ? null : numbers.get(h.initiativeId()), unitCode)).toList());
    }

    private static List<MeasurementData> measurementData(List<Measurement> list) {
        Map<Long, Integer> numberOf = new HashMap<>();
        List<MeasurementData> out = new ArrayList<>();
        for (Measurement m : list) {
            int no = out.size() + 1;
            numberOf.put(m.id(), no);
            out.add(new MeasurementData(no, Objects.requireNonNull(Decimals.normal(m.value())), m.asOf(), m.source(),
                    m.sourceRef(), m.note(), m.reporter(), m.recordedAt(),
                    m.supersedesId() == null ? null : numberOf.get(m.supersedesId()), m.demo(), m.reason(),
                    m.plausibility(), m.withdrawn()));
        }
        return out;
    }

    // --- import ---------------------------------------------------------------------------------

    /** Imports a document as a new programme; throws with every violation found and writes nothing. */
    @Transactional
    public Programme importDocument(ProgrammeDocument doc) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<ProgrammeDocument> cv : validator.validate(doc)) {
            java.lang.annotation.Annotation constraint = cv.getConstraintDescriptor().getAnnotation();
            boolean missing = constraint instanceof jakarta.validation.constraints.NotNull
                    || (constraint instanceof jakarta.validation.constraints.NotBlank && cv.getInvalidValue() == null);
            violations.add(new Violation(cv.getPropertyPath().toString(), missing ? "error.required" : cv.getMessage()));
        }
        Rules.throwIfAny(violations);
        String code = doc.programme().code();
        guard.requireOffice("programme", code);
        if (programmeRepository.findByCode(code).isPresent()) {
            throw new ConflictException("error.programme.duplicate-code", code);
        }
        violations.addAll(check(doc));
        Rules.throwIfAny(violations);
        return write(doc);
    }

    private List<Violation> check(ProgrammeDocument doc) {
        List<Violation> v = new ArrayList<>(Rules.programme(doc.programme()));
        Set<String> known = new HashSet<>(organisation.byCodes(referencedUnits(doc)).keySet());
        Set<String> documented = new HashSet<>();
        for (int i = 0; i < doc.units().size(); i++) {
            UnitData unit = doc.units().get(i);
            if (!documented.add(unit.code())) {
                v.add(new Violation("units[" + i + "].code", "error.duplicate", unit.code()));
            }
        }
        known.addAll(documented);
        for (int i = 0; i < doc.units().size(); i++) {
            String parent = doc.units().get(i).parent();
            if (parent != null && !known.contains(parent) && organisation.findByCode(parent).isEmpty()) {
                v.add(new Violation("units[" + i + "].parent", "error.unit.not-found", parent));
            }
        }
        Programme shell = Programme.create(doc.programme());
        Set<Integer> numbers = new HashSet<>();
        Set<String> targetCodes = new HashSet<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < doc.initiatives().size(); i++) {
            InitiativeDocument idoc = doc.initiatives().get(i);
            String p = "initiatives[" + i + "].";
            InitiativeData data = idoc.initiative();
            if (!numbers.add(data.number())) {
                v.add(new Violation(p + "initiative.number", "error.initiative.duplicate-number", data.number()));
            }
            v.addAll(Rules.initiative(shell, data, p + "initiative."));
            unitRef(v, known, data.leadUnit(), p + "initiative.leadUnit");
            for (int c = 0; c < data.coUnits().size(); c++) {
                unitRef(v, known, data.coUnits().get(c), p + "initiative.coUnits[" + c + "]");
            }
            for (int t = 0; t < idoc.targets().size(); t++) {
                TargetDocument tdoc = idoc.targets().get(t);
                String tp = p + "targets[" + t + "].";
                if (!targetCodes.add(tdoc.target().code())) {
                    v.add(new Violation(tp + "target.code", "error.target.duplicate-code", tdoc.target().code()));
                }
                v.addAll(Rules.target(tdoc.target(), tp + "target."));
                if (tdoc.target().scopeUnit() != null) {
                    unitRef(v, known, tdoc.target().scopeUnit(), tp + "target.scopeUnit");
                }
                if (tdoc.target().indicator() != null && targets.indicator(tdoc.target().indicator()).isEmpty()) {
                    v.add(new Violation(tp + "target.indicator", "error.indicator.unknown", tdoc.target().indicator()));
                }
                v.addAll(checkMeasurements(tdoc.measurements(), tp + "measurements", today, tdoc.target().baselineDate(),
                        Instant.now(clock)));
            }
            for (int m = 0; m < idoc.milestones().size(); m++) {
                v.addAll(Rules.milestone(idoc.milestones().get(m), p + "milestones[" + m + "]."));
            }
        }
        for (int e = 0; e < doc.events().size(); e++) {
            EventData event = doc.events().get(e);
            initiativeRef(v, numbers, event.initiative(), "events[" + e + "].initiative");
            for (int u = 0; u < event.units().size(); u++) {
                unitRef(v, known, event.units().get(u), "events[" + e + "].units[" + u + "]");
            }
        }
        for (int h = 0; h < doc.honours().size(); h++) {
            HonourData honour = doc.honours().get(h);
            initiativeRef(v, numbers, honour.initiative(), "honours[" + h + "].initiative");
            for (int u = 0; u < honour.awardingBodies().size(); u++) {
                unitRef(v, known, honour.awardingBodies().get(u), "honours[" + h + "].awardingBodies[" + u + "]");
            }
        }
        return v;
    }

    /** The rules the report endpoint applies to a figure, and a recording time that has already happened. */
    private static List<Violation> checkMeasurements(List<MeasurementData> list, String prefix, LocalDate today,
            @org.jspecify.annotations.Nullable LocalDate baseline, Instant now) {
        List<Violation> v = new ArrayList<>();
        Set<Integer> superseded = new HashSet<>();
        for (int k = 0; k < list.size(); k++) {
            MeasurementData m = list.get(k);
            String field = prefix + "[" + k + "]";
            if (m.no() != k + 1) {
                v.add(new Violation(field + ".no", "error.measurement.numbering", k + 1));
            }
            if (m.asOf().isAfter(today)) {
                v.add(new Violation(field + ".asOf", "error.measurement.future", today));
            }
            if (baseline != null && m.asOf().isBefore(baseline)) {
                v.add(new Violation(field + ".asOf", "error.measurement.before-baseline", baseline));
            }
            if (m.recordedAt().isAfter(now.plus(java.time.Duration.ofMinutes(5)))) {
                v.add(new Violation(field + ".recordedAt", "error.measurement.recorded-future"));
            }
            Integer s = m.supersedes();
            if (s != null && (s < 1 || s > k)) {
                v.add(new Violation(field + ".supersedes", "error.measurement.supersedes-unknown", s));
            } else if (s != null && !superseded.add(s)) {
                v.add(new Violation(field + ".supersedes", "error.measurement.already-superseded", s));
            }
        }
        return v;
    }

    private static void unitRef(List<Violation> v, Set<String> known, String code, String field) {
        if (!known.contains(code)) {
            v.add(new Violation(field, "error.unit.not-found", code));
        }
    }

    private static void initiativeRef(List<Violation> v, Set<Integer> numbers, Integer number, String field) {
        if (number != null && !numbers.contains(number)) {
            v.add(new Violation(field, "error.initiative.not-found", "", number));
        }
    }

    private static Set<String> referencedUnits(ProgrammeDocument doc) {
        Set<String> codes = new HashSet<>();
        doc.units().forEach(u -> {
            codes.add(u.code());
            if (u.parent() != null) {
                codes.add(u.parent());
            }
        });
        for (InitiativeDocument i : doc.initiatives()) {
            codes.add(i.initiative().leadUnit());
            codes.addAll(i.initiative().coUnits());
            i.targets().stream().map(t -> t.target().scopeUnit()).filter(Objects::nonNull).forEach(codes::add);
        }
        doc.events().forEach(e -> codes.addAll(e.units()));
        doc.honours().forEach(h -> codes.addAll(h.awardingBodies()));
        return codes;
    }

    private Programme write(ProgrammeDocument doc) {
        organisation.ensureExist(doc.units());
        Map<String, Long> unitIds = new HashMap<>();
        organisation.byCodes(referencedUnits(doc)).forEach((c, u) -> unitIds.put(c, u.id()));
        Programme programme = programmeRepository.save(Programme.create(doc.programme()));
        audit.created("programme", programme.code(), doc.programme());
        Map<Integer, Long> initiativeIds = new TreeMap<>();
        int measurementCount = 0;
        for (InitiativeDocument idoc : doc.initiatives()) {
            InitiativeData data = idoc.initiative();
            Initiative initiative = initiativeRepository.save(Initiative.create(programme.id(), data,
                    unitIds.get(data.leadUnit()), data.coUnits().stream().map(unitIds::get).toList()));
            initiativeIds.put(data.number(), initiative.id());
            audit.created("initiative", programme.code() + "/" + data.number(), data);
            for (int t = 0; t < idoc.targets().size(); t++) {
                TargetData tdata = idoc.targets().get(t).target();
                Target target = targetRepository.save(Target.create(programme.id(), initiative.id(), t, tdata,
                        tdata.scopeUnit() == null ? null : unitIds.get(tdata.scopeUnit())));
                audit.created("target", programme.code() + "/" + tdata.code(), tdata);
                Map<Integer, Long> ids = new HashMap<>();
                for (MeasurementData m : idoc.targets().get(t).measurements()) {
                    ids.put(m.no(), measurementStore.insert(new MeasurementStore.NewRow(target.id(), m.value(), m.asOf(),
                            m.source(), m.sourceRef(), m.note(), m.reporter(), m.recordedAt(),
                            m.supersedes() == null ? null : ids.get(m.supersedes()), m.demo(), m.reason(),
                            m.plausibility(), m.isWithdrawal())));
                    measurementCount++;
                }
            }
            for (MilestoneData m : idoc.milestones()) {
                Milestone saved = milestoneRepository.save(Milestone.create(programme.id(), initiative.id(), m));
                audit.created("milestone", String.valueOf(saved.id()), m);
            }
        }
        for (EventData e : doc.events()) {
            ProgrammeEvent saved = eventRepository.save(ProgrammeEvent.create(programme.id(),
                    e.initiative() == null ? null : initiativeIds.get(e.initiative()), e,
                    e.units().stream().map(unitIds::get).toList()));
            audit.created("event", String.valueOf(saved.id()), e);
        }
        for (HonourData h : doc.honours()) {
            Honour saved = honourRepository.save(Honour.create(programme.id(),
                    h.initiative() == null ? null : initiativeIds.get(h.initiative()), h,
                    h.awardingBodies().stream().map(unitIds::get).toList()));
            audit.created("honour", String.valueOf(saved.id()), h);
        }
        audit.created("measurement-import", programme.code(), Map.of("measurements", measurementCount));
        publisher.publishEvent(new ProgrammeImported(programme.code()));
        return programme;
    }
}
