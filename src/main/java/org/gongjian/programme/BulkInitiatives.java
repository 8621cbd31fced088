package org.gongjian.programme;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gongjian.audit.AuditLog;
import org.gongjian.programme.InitiativeData.PlannedPointData;
import org.gongjian.shared.Decimals;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets up or updates many initiatives and targets in one transaction, for the programme office only: every
 * row is checked first with the rules of {@link ProgrammeManagement} and {@link TargetManagement} (bean
 * validation, dates, ranges, units, categories, indicators), then all are written, or none. A row equal to
 * what is stored is left alone; each change is audited, and one entry sums up the batch.
 */
@Service
@Transactional(readOnly = true)
public class BulkInitiatives {

    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final InitiativeRepository initiativeRepository;
    private final TargetRepository targetRepository;
    private final Guard guard;
    private final AuditLog audit;
    private final Validator validator;

    BulkInitiatives(ProgrammeManagement programmes, TargetManagement targets, InitiativeRepository initiativeRepository,
            TargetRepository targetRepository, Guard guard, AuditLog audit, Validator validator) {
        this.programmes = programmes;
        this.targets = targets;
        this.initiativeRepository = initiativeRepository;
        this.targetRepository = targetRepository;
        this.guard = guard;
        this.audit = audit;
        this.validator = validator;
    }

    /** What a batch did. */
    public record Outcome(int initiativesCreated, int initiativesUpdated, int targetsCreated, int targetsUpdated,
            int unchanged) {

        public int written() {
            return initiativesCreated + initiativesUpdated + targetsCreated + targetsUpdated;
        }
    }

    /** Only the office shapes initiatives and targets: refuses (and audits) anyone else before any work. */
    public void authorise(String programmeCode, String sourceRef) {
        programmes.programme(programmeCode);
        guard.requireOffice("initiative-import", programmeCode + "/" + sourceRef);
    }

    /** Checks the batch as {@link #apply} would, writing nothing: one violation per bad field. */
    public List<Violation> check(String programmeCode, InitiativeBatch batch) {
        authorise(programmeCode, batch.sourceRef());
        return prepare(programmes.programme(programmeCode), batch).violations();
    }

    /**
     * Checks every row and throws with every violation (fields {@code initiatives[i].…}, {@code targets[j].…}),
     * writing nothing; else creates and updates them all.
     */
    @Transactional
    public Outcome apply(String programmeCode, InitiativeBatch batch) {
        authorise(programmeCode, batch.sourceRef());
        Programme programme = programmes.programme(programmeCode);
        Prepared prepared = prepare(programme, batch);
        if (!prepared.violations().isEmpty()) {
            throw new InvalidInputException(prepared.violations());
        }
        int[] counts = new int[5];
        Map<Integer, Long> initiativeIds = new HashMap<>(prepared.initiativeIds());
        for (int i = 0; i < batch.initiatives().size(); i++) {
            InitiativeData data = batch.initiatives().get(i);
            ProgrammeManagement.Resolved units = prepared.units().get(i);
            Initiative existing = prepared.existingInitiatives().get(data.number());
            String entityId = programmeCode + "/" + data.number();
            if (existing == null) {
                Initiative saved = initiativeRepository.save(Initiative.create(programme.id(), data,
                        Objects.requireNonNull(units.lead()), units.coUnits()));
                initiativeIds.put(data.number(), saved.id());
                audit.created("initiative", entityId, data);
                counts[0]++;
            } else {
                InitiativeData before = programmes.data(existing);
                if (before.equals(data)) {
                    counts[4]++;
                    continue;
                }
                existing.apply(data, Objects.requireNonNull(units.lead()), units.coUnits());
                initiativeRepository.save(existing);
                audit.updated("initiative", entityId, before, data);
                counts[1]++;
            }
        }
        Map<Long, Integer> positions = new HashMap<>();
        for (int j = 0; j < batch.targets().size(); j++) {
            InitiativeBatch.TargetRow row = batch.targets().get(j);
            TargetData data = normal(row.target());
            Target existing = prepared.existingTargets().get(data.code());
            String entityId = programmeCode + "/" + data.code();
            if (existing == null) {
                Long initiativeId = initiativeIds.get(row.initiative());
                int position = positions.computeIfAbsent(initiativeId, id -> targetRepository.findByInitiativeIdOrderByPosition(id).size());
                positions.put(initiativeId, position + 1);
                targetRepository.save(Target.create(programme.id(), initiativeId, position, data, prepared.scopes().get(j)));
                audit.created("target", entityId, data);
                counts[2]++;
            } else {
                TargetData before = targets.data(existing);
                if (before.equals(data)) {
                    counts[4]++;
                    continue;
                }
                existing.apply(data, prepared.scopes().get(j));
                targetRepository.save(existing);
                audit.updated("target", entityId, before, data);
                counts[3]++;
            }
        }
        Outcome outcome = new Outcome(counts[0], counts[1], counts[2], counts[3], counts[4]);
        audit.created("initiative-import", programmeCode + "/" + batch.sourceRef(), outcome);
        return outcome;
    }

    private record Prepared(List<Violation> violations, Map<Integer, Initiative> existingInitiatives,
            Map<String, Target> existingTargets, Map<Integer, Long> initiativeIds, List<ProgrammeManagement.Resolved> units,
            List<@Nullable Long> scopes) {
    }

    private Prepared prepare(Programme programme, InitiativeBatch batch) {
        List<Violation> violations = new ArrayList<>();
        Map<Integer, Initiative> existingInitiatives = new HashMap<>();
        Map<Integer, Long> initiativeIds = new HashMap<>();
        for (Initiative i : programmes.initiatives(programme)) {
            existingInitiatives.put(i.number(), i);
            initiativeIds.put(i.number(), i.id());
        }
        Map<String, Target> existingTargets = new LinkedHashMap<>();
        targets.targets(programme).forEach(t -> existingTargets.put(t.code(), t));

        List<ProgrammeManagement.Resolved> units = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < batch.initiatives().size(); i++) {
            InitiativeData data = batch.initiatives().get(i);
            String prefix = "initiatives[" + i + "].";
            if (!validate(data, prefix, violations)) {
                units.add(new ProgrammeManagement.Resolved(null, List.of()));
                continue;
            }
            if (!numbers.add(data.number())) {
                violations.add(new Violation(prefix + "number", "error.duplicate", data.number()));
            }
            units.add(programmes.resolve(programme, data, prefix, violations));
        }

        List<@Nullable Long> scopes = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int j = 0; j < batch.targets().size(); j++) {
            InitiativeBatch.TargetRow row = batch.targets().get(j);
            String prefix = "targets[" + j + "].";
            scopes.add(null);
            if (!validate(row.target(), prefix, violations)) {
                continue;
            }
            String code = row.target().code();
            if (!codes.add(code)) {
                violations.add(new Violation(prefix + "code", "error.duplicate", code));
            }
            if (!numbers.contains(row.initiative()) && !existingInitiatives.containsKey(row.initiative())) {
                violations.add(new Violation(prefix + "initiative", "error.initiative.not-found", programme.code(),
                        row.initiative()));
            }
            Target existing = existingTargets.get(code);
            if (existing != null && !existing.initiativeId().equals(initiativeIds.get(row.initiative()))) {
                int owner = existingInitiatives.values().stream().filter(i -> i.id().equals(existing.initiativeId()))
                        .mapToInt(Initiative::number).findFirst().orElse(0);
                violations.add(new Violation(prefix + "initiative", "error.target.other-initiative", code, owner,
                        row.initiative()));
            }
            scopes.set(j, targets.check(row.target(), prefix, violations));
        }
        return new Prepared(violations, existingInitiatives, existingTargets, initiativeIds, units, scopes);
    }

    /** Bean validation of one row's data; false when it failed (the rules need valid fields to run). */
    private <T> boolean validate(T data, String prefix, List<Violation> violations) {
        Set<ConstraintViolation<T>> found = validator.validate(data);
        for (ConstraintViolation<T> cv : found) {
            violations.add(new Violation(prefix + cv.getPropertyPath(), cv.getMessage()));
        }
        return found.isEmpty();
    }

    /** Numbers as the database gives them back (68, not 68.0), so that an unchanged row compares equal. */
    private static TargetData normal(TargetData d) {
        return new TargetData(d.code(), d.name(), d.unit(), d.direction(), Decimals.normal(d.baselineValue()),
                d.baselineDate(), Objects.requireNonNull(Decimals.normal(d.targetValue())), Decimals.normal(d.targetValueMax()),
                d.targetQualifier(), d.deadline(), d.deadlineAssumed(), d.indicator(), d.scopeUnit(), d.note(),
                d.plannedPoints().stream()
                        .map(p -> new PlannedPointData(p.date(), Objects.requireNonNull(Decimals.normal(p.value())))).toList());
    }
}
