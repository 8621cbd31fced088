package org.gongjian.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Permissions;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of targets and their measurements, and the indicator catalogue. */
@Service
@Transactional(readOnly = true)
public class TargetManagement {

    private final TargetRepository targets;
    private final MeasurementStore measurements;
    private final ProgrammeManagement programmes;
    private final UnitResolver units;
    private final Guard guard;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final EvidenceStore evidence;
    private final Clock clock;

    TargetManagement(TargetRepository targets, MeasurementStore measurements, ProgrammeManagement programmes,
            UnitResolver units, Guard guard, AuditLog audit, ApplicationEventPublisher events, JdbcClient jdbc,
            EvidenceStore evidence, Clock clock) {
        this.targets = targets;
        this.measurements = measurements;
        this.programmes = programmes;
        this.units = units;
        this.guard = guard;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.clock = clock;
    }

    public List<Target> targets(Programme programme) {
        return targets.findByProgrammeIdOrderByInitiativeIdAscPositionAsc(programme.id());
    }

    public List<Target> targets(Initiative initiative) {
        return targets.findByInitiativeIdOrderByPosition(initiative.id());
    }

    public Target target(Programme programme, String code) {
        return targets.findByProgrammeIdAndCode(programme.id(), code)
                .orElseThrow(() -> new NotFoundException("error.target.not-found", code));
    }

    public Target target(Long id) {
        return targets.findById(id).orElseThrow(() -> new NotFoundException("error.target.not-found", id));
    }

    public TargetData data(Target target) {
        return target.data(units.codes(target.scopeUnitId() == null ? List.of() : List.of(target.scopeUnitId())));
    }

    @Transactional
    public Target create(String programmeCode, int initiativeNumber, TargetData data) {
        Programme programme = programmes.programme(programmeCode);
        Initiative initiative = programmes.initiative(programme, initiativeNumber);
        guard.requireOffice("target", programmeCode + "/" + data.code());
        if (targets.findByProgrammeIdAndCode(programme.id(), data.code()).isPresent()) {
            throw new ConflictException("error.target.duplicate-code", data.code());
        }
        Long scope = check(data, "");
        int position = targets(initiative).size();
        Target saved = targets.save(Target.create(programme.id(), initiative.id(), position, data, scope));
        audit.created("target", programmeCode + "/" + saved.code(), data);
        return saved;
    }

    @Transactional
    public Target update(String programmeCode, String targetCode, TargetData data, @Nullable Integer expectedVersion) {
        Programme programme = programmes.programme(programmeCode);
        Target target = target(programme, targetCode);
        guard.requireOffice("target", programmeCode + "/" + targetCode);
        Rules.checkVersion(expectedVersion, target.version());
        if (!targetCode.equals(data.code())) {
            throw new InvalidInputException("code", "error.code-immutable");
        }
        Long scope = check(data, "");
        TargetData before = data(target);
        target.apply(data, scope);
        Target saved = targets.save(target);
        audit.updated("target", programmeCode + "/" + targetCode, before, data);
        return saved;
    }

    /** Checks a target's rules and references; returns the id of its scope unit. */
    @Nullable Long check(TargetData data, String prefix) {
        List<Violation> violations = new ArrayList<>();
        Long scope = check(data, prefix, violations);
        Rules.throwIfAny(violations);
        return scope;
    }

    /** Checks a target's rules and references, adding every violation found; returns its scope unit's id. */
    @Nullable Long check(TargetData data, String prefix, List<Violation> violations) {
        violations.addAll(Rules.target(data, prefix));
        if (data.indicator() != null) {
            Optional<Indicator> indicator = indicator(data.indicator());
            if (indicator.isEmpty()) {
                violations.add(new Violation(prefix + "indicator", "error.indicator.unknown", data.indicator()));
            } else if (indicator.get().unit().dimension() != data.unit().dimension()) {
                violations.add(new Violation(prefix + "unit", "error.indicator.unit-mismatch",
                        indicator.get().unit().zh(), data.unit().zh()));
            }
        }
        UnitResolver.Lookup lookup = units.lookup(data.scopeUnit() == null ? List.of() : List.of(data.scopeUnit()));
        Long scope = lookup.id(data.scopeUnit(), prefix + "scopeUnit");
        violations.addAll(lookup.violations());
        return scope;
    }

    // --- measurements ---------------------------------------------------------------------------

    public List<Measurement> measurements(Target target) {
        return measurements.byTarget(target.id());
    }

    public List<Measurement> measurements(List<Target> of) {
        return measurements.byTargets(of.stream().map(Target::id).toList());
    }

    public Page<Measurement> measurements(Target target, Pageable pageable) {
        return new PageImpl<>(measurements.page(target.id(), (int) pageable.getOffset(), pageable.getPageSize()),
                pageable, measurements.count(target.id()));
    }

    /** The latest valid measurement as of a date: not superseded, and not after the date. */
    public Optional<Measurement> latest(Target target, LocalDate asOf) {
        return measurements(target).stream()
                .filter(m -> !m.superseded() && !m.asOf().isAfter(asOf))
                .reduce((a, b) -> b.asOf().isBefore(a.asOf()) ? a : b);
    }

    /** A unit reports a value for a target of an initiative it is responsible for. */
    @Transactional
    public Measurement report(String programmeCode, String targetCode, NewMeasurement report) {
        Programme programme = programmes.programme(programmeCode);
        Target target = target(programme, targetCode);
        Initiative initiative = programmes.initiative(target.initiativeId());
        Actor actor = guard.requireReportFor(target, initiative, programmeCode + "/" + targetCode);
        return record(target, report, MeasurementSource.MANUAL, null, actor.username(), false);
    }

    /**
     * A unit reports a value with evidence files (PDF, PNG, JPEG). The measurement and its files are
     * stored together or not at all; every problem with the value and the files is reported at once.
     */
    @Transactional
    public Measurement report(String programmeCode, String targetCode, NewMeasurement report,
            List<EvidenceUpload> uploads) {
        Programme programme = programmes.programme(programmeCode);
        Target target = target(programme, targetCode);
        Initiative initiative = programmes.initiative(target.initiativeId());
        Actor actor = guard.requireReportFor(target, initiative, programmeCode + "/" + targetCode);
        List<Violation> violations = new ArrayList<>(violations(target, report));
        violations.addAll(evidence.check(uploads));
        Rules.throwIfAny(violations);
        Measurement saved = record(target, report, MeasurementSource.MANUAL, null, actor.username(), false);
        for (Evidence stored : evidence.store(saved.id(), uploads, actor.username())) {
            audit.created("evidence", String.valueOf(stored.id()), stored);
        }
        return saved;
    }

    /** Whether the current user may report for this target: the office, or staff of a unit that reports it. */
    public boolean mayReport(Target target) {
        return Guard.mayReport(guard.actor(), target, programmes.initiative(target.initiativeId()));
    }

    /** Whether this actor may report for this target (for callers that hold the actor already). */
    public boolean mayReport(Actor actor, Target target, Initiative initiative) {
        return Guard.mayReport(actor, target, initiative);
    }

    /** The evidence files of these measurements, by measurement id. */
    public java.util.Map<Long, List<Evidence>> evidence(List<Measurement> of) {
        return evidence.byMeasurements(of.stream().map(Measurement::id).toList());
    }

    public Evidence evidence(long id) {
        return evidence.find(id).orElseThrow(() -> new NotFoundException("error.evidence.not-found", id));
    }

    public org.springframework.core.io.Resource openEvidence(Evidence found) {
        return evidence.open(found.id());
    }

    /** The most files, and the largest file, a report may carry. */
    public long evidenceMaxFileSize() {
        return evidence.maxFileSize();
    }

    public int evidenceMaxFiles() {
        return evidence.maxFiles();
    }

    Measurement record(Target target, NewMeasurement report, MeasurementSource source, @Nullable String sourceRef,
            String reporter, boolean demo) {
        Rules.throwIfAny(violations(target, report));
        Instant now = Instant.now(clock);
        long id = measurements.insert(new MeasurementStore.NewRow(target.id(), report.value(), report.asOf(), source,
                sourceRef, report.note(), reporter, now, report.supersedes(), demo));
        Measurement saved = measurements.find(id).orElseThrow();
        Programme programme = programmes.programme(target.programmeId());
        audit.created("measurement", programme.code() + "/" + target.code() + "/" + id, saved);
        events.publishEvent(new MeasurementRecorded(programme.code(), target.code(), target.id(), id, saved.value(),
                saved.asOf(), source));
        return saved;
    }

    private List<Violation> violations(Target target, NewMeasurement report) {
        LocalDate today = LocalDate.now(clock);
        List<Violation> violations = new ArrayList<>();
        if (report.asOf().isAfter(today)) {
            violations.add(new Violation("asOf", "error.measurement.future", today));
        }
        if (target.baselineDate() != null && report.asOf().isBefore(target.baselineDate())) {
            violations.add(new Violation("asOf", "error.measurement.before-baseline", target.baselineDate()));
        }
        if (report.supersedes() != null) {
            Optional<Measurement> old = measurements.find(report.supersedes());
            if (old.isEmpty() || old.get().targetId() != target.id()) {
                violations.add(new Violation("supersedes", "error.measurement.supersedes-unknown", report.supersedes()));
            } else if (old.get().superseded()) {
                violations.add(new Violation("supersedes", "error.measurement.already-superseded", report.supersedes()));
            }
        }
        return violations;
    }

    // --- indicators -----------------------------------------------------------------------------

    public List<Indicator> indicators() {
        return jdbc.sql("select code, name, name_en, unit, provider, description from programme_indicator order by code")
                .query(Indicator.class).list();
    }

    public Optional<Indicator> indicator(String code) {
        return jdbc.sql("select code, name, name_en, unit, provider, description from programme_indicator where code = :code")
                .param("code", code).query(Indicator.class).optional();
    }

    /** The targets an observation feeds: bound to its code, and to its unit or city-wide. */
    List<Target> fedBy(String indicatorCode, @Nullable Long unitId) {
        return targets.findByIndicatorCode(indicatorCode).stream().filter(t -> t.isFedBy(indicatorCode, unitId)).toList();
    }
}
