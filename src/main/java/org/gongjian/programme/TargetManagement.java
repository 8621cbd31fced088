package org.gongjian.programme;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Permissions;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.Decimals;
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
    private final FigureTargets figureTargets;
    private final Clock clock;
    private final java.time.Duration correctionWindow;

    TargetManagement(TargetRepository targets, MeasurementStore measurements, ProgrammeManagement programmes,
            UnitResolver units, Guard guard, AuditLog audit, ApplicationEventPublisher events, JdbcClient jdbc,
            EvidenceStore evidence, FigureTargets figureTargets, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${gongjian.measurement.correction-window:7d}")
            java.time.Duration correctionWindow) {
        this.correctionWindow = correctionWindow;
        this.targets = targets;
        this.measurements = measurements;
        this.programmes = programmes;
        this.units = units;
        this.guard = guard;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.figureTargets = figureTargets;
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
        return measurements.latestValid(target.id(), asOf, -1L);
    }

    /**
     * A unit reports a value for a target it reports ({@link Target#reportingUnitIds}). The value may be typed in
     * the target's display unit ({@link NewMeasurement#displayValue()}); an implausible figure needs a confirmation
     * with a reason; a report that names the figure it supersedes is a correction, with the correction's rules.
     */
    @Transactional
    public Measurement report(String programmeCode, String targetCode, NewMeasurement report) {
        return report(programmeCode, targetCode, report, List.of());
    }

    /**
     * A unit reports a value with evidence files (PDF, PNG, JPEG). The measurement and its files are
     * stored together or not at all; every problem with the value and the files is reported at once.
     */
    @Transactional
    public Measurement report(String programmeCode, String targetCode, NewMeasurement report,
            List<EvidenceUpload> uploads) {
        FigureTargets.Context of = figureTargets.of(programmeCode, targetCode);
        Programme programme = of.programme();
        Target target = of.target();
        Initiative initiative = of.initiative();
        String entityId = programmeCode + "/" + targetCode;
        Actor actor = guard.requireReportFor(target, initiative, entityId);
        if (report.supersedes() != null) {
            Measurement old = measurements.find(report.supersedes()).filter(m -> m.targetId() == target.id())
                    .orElseThrow(() -> new InvalidInputException("supersedes", "error.measurement.supersedes-unknown",
                            report.supersedes()));
            return correct(programme, target, old, report, actor, uploads);
        }
        List<Violation> violations = new ArrayList<>();
        NewMeasurement read = read(target, report, "", violations);
        violations.addAll(evidence.check(uploads));
        Rules.throwIfAny(violations);
        violations.addAll(violations(target, read));
        Rules.throwIfAny(violations);
        Plausibility doubt = requireConfirmed(target, read, "");
        Measurement saved = insert(programme, target, read, MeasurementSource.MANUAL, null, actor.username(), false,
                doubt == null ? null : read.cleanReason(), doubt, false);
        storeEvidence(saved, uploads, actor);
        return saved;
    }

    /**
     * A unit reports many figures at once (the page of the figures it owes): all are stored, or none, and every
     * problem is named by its row ({@code rows[i].value}, {@code rows[i].reason} for a figure to confirm).
     */
    @Transactional
    public List<Measurement> reportAll(String programmeCode, List<Entry> entries) {
        Programme programme = programmes.programme(programmeCode);
        Actor actor = guard.actor();
        List<Violation> violations = new ArrayList<>();
        List<Target> found = new ArrayList<>();
        List<NewMeasurement> read = new ArrayList<>();
        List<Plausibility> doubts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String p = "rows[" + i + "].";
            Optional<Target> target = targets.findByProgrammeIdAndCode(programme.id(), e.targetCode());
            if (target.isEmpty()) {
                violations.add(new Violation(p + "targetCode", "error.target.not-found", e.targetCode()));
                continue;
            }
            Target t = target.get();
            if (!Guard.mayReport(actor, t, programmes.initiative(t.initiativeId()))) {
                audit.denied("measurement", programmeCode + "/" + t.code(), "not a reporting unit of target " + t.code());
                violations.add(new Violation(p + "targetCode", "error.measurement.not-responsible", t.code()));
                continue;
            }
            int before = violations.size();
            NewMeasurement r = read(t, e.report(), p, violations);
            if (violations.size() == before) {
                violations(t, r).forEach(v -> violations.add(new Violation(p + v.field(), v.messageKey(), v.args())));
            }
            if (violations.size() == before) {
                Plausibility doubt = plausibility(t, r);
                if (doubt != null && !(r.isConfirmed() && r.cleanReason() != null)) {
                    violations.add(new Violation(p + "reason", "error.measurement.implausible." + doubt,
                            fmtLast(t, r)));
                }
                found.add(t);
                read.add(r);
                doubts.add(doubt);
            }
        }
        Rules.throwIfAny(violations);
        List<Measurement> saved = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Plausibility doubt = doubts.get(i);
            saved.add(insert(programme, found.get(i), read.get(i), MeasurementSource.MANUAL, null, actor.username(), false,
                    doubt == null ? null : read.get(i).cleanReason(), doubt, false));
        }
        return saved;
    }

    /**
     * The targets whose figures the current user's unit owes, across the programme's initiatives, in initiative
     * and target order: its own (scoped) targets and the unscoped ones of initiatives it leads or co-leads. The
     * office owes none but may report all, so it gets all.
     */
    public List<Target> owed(Programme programme) {
        Actor actor = guard.actor();
        java.util.Map<Long, Initiative> byId = new java.util.HashMap<>();
        programmes.initiatives(programme).forEach(i -> byId.put(i.id(), i));
        List<Target> all = targets(programme).stream()
                .sorted(java.util.Comparator.comparing((Target t) -> byId.get(t.initiativeId()).number())
                        .thenComparing(Target::position))
                .toList();
        if (actor.isAdmin()) {
            return all;
        }
        if (actor.unitId() == null || !actor.can(Permissions.MEASUREMENT_CREATE)) {
            return List.of();
        }
        return all.stream().filter(t -> t.isOwedBy(byId.get(t.initiativeId()), actor.unitId())).toList();
    }

    /** One row of {@link #reportAll}: a target by code and its report. */
    public record Entry(String targetCode, NewMeasurement report) {
    }

    /**
     * Corrects a figure: a new record that supersedes it, with a reason; by its reporter within the correction
     * window ({@code gongjian.measurement.correction-window}), by the office at any time.
     */
    @Transactional
    public Measurement correct(String programmeCode, String targetCode, long measurementId, NewMeasurement report) {
        FigureTargets.Context of = figureTargets.of(programmeCode, targetCode);
        Programme programme = of.programme();
        Target target = of.target();
        Measurement old = measurement(target, measurementId);
        Actor actor = guard.requireReportFor(target, of.initiative(),
                programmeCode + "/" + targetCode + "/" + measurementId);
        return correct(programme, target, old, report, actor, List.of());
    }

    /** Withdraws a figure: a record that supersedes it and counts as no figure, with a reason; same rules as a correction. */
    @Transactional
    public Measurement withdraw(String programmeCode, String targetCode, long measurementId, @Nullable String reason) {
        FigureTargets.Context of = figureTargets.of(programmeCode, targetCode);
        Programme programme = of.programme();
        Target target = of.target();
        Measurement old = measurement(target, measurementId);
        Actor actor = guard.requireReportFor(target, of.initiative(),
                programmeCode + "/" + targetCode + "/" + measurementId);
        List<Violation> violations = new ArrayList<>();
        checkAmendable(old, actor, programmeCode + "/" + targetCode + "/" + measurementId, violations);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null) {
            violations.add(new Violation("reason", "error.measurement.reason-required"));
        } else if (why.length() > 2000) {
            violations.add(new Violation("reason", "error.measurement.note-too-long", 2000));
        }
        Rules.throwIfAny(violations);
        return insert(programme, target, new NewMeasurement(old.value(), old.asOf(), null, old.id()), MeasurementSource.MANUAL, null,
                actor.username(), false, why, null, true);
    }

    /** Whether the current user may correct or withdraw this figure now (for the page's buttons). */
    public boolean mayAmend(Target target, Measurement m) {
        Actor actor = guard.actor();
        if (!m.valid() || !Guard.mayReport(actor, target, programmes.initiative(target.initiativeId()))) {
            return false;
        }
        return actor.isAdmin() || (actor.username().equals(m.reporter()) && withinWindow(m));
    }

    /** How long a reporter may correct or withdraw their own figure. */
    public java.time.Duration correctionWindow() {
        return correctionWindow;
    }

    /**
     * Whether a figure looks wrong beside the target's last valid one before it (ten times more or less, or a
     * move against the direction); null when it looks plausible or there is nothing to compare it with.
     */
    public @Nullable Plausibility plausibility(Target target, NewMeasurement report) {
        if (report.value() == null || report.asOf() == null) {
            return null;
        }
        Optional<Measurement> last = lastBefore(target, report.asOf(), report.supersedes());
        if (last.isEmpty()) {
            return null;
        }
        return Plausibility.of(last.get().value(), report.value(), target.direction());
    }

    /** The value and date of the last valid figure on or before a date, as the page writes it, for messages. */
    private String fmtLast(Target target, NewMeasurement report) {
        return lastBefore(target, requireNonNull(report.asOf()), report.supersedes())
                .map(m -> org.gongjian.shared.Figures.format(m.value(), target.unit(),
                        org.springframework.context.i18n.LocaleContextHolder.getLocale()) + "（" + m.asOf() + "）")
                .orElse("");
    }

    /** The last valid figure on or before a date, leaving out the one a correction replaces. */
    private Optional<Measurement> lastBefore(Target target, LocalDate asOf, @Nullable Long replaced) {
        return measurements.latestValid(target.id(), asOf, replaced == null ? -1L : replaced);
    }

    /** Throws {@link org.gongjian.shared.ConfirmationRequiredException} when the figure is implausible and not confirmed with a reason. */
    private @Nullable Plausibility requireConfirmed(Target target, NewMeasurement report, String prefix) {
        Plausibility doubt = plausibility(target, report);
        if (doubt != null && !(report.isConfirmed() && report.cleanReason() != null)) {
            throw new org.gongjian.shared.ConfirmationRequiredException(doubt.name(),
                    "error.measurement.implausible." + doubt, fmtLast(target, report));
        }
        return doubt;
    }

    /** Reads the value typed in the display unit, if that is how it came; checks value and date are there. */
    private NewMeasurement read(Target target, NewMeasurement report, String prefix, List<Violation> violations) {
        NewMeasurement read = report;
        if (report.displayValue() != null && !report.displayValue().isBlank()) {
            org.gongjian.shared.FigureInput.Reading r = org.gongjian.shared.FigureInput.read(report.displayValue(),
                    target.unit(), displayScale(target));
            if (r.ok()) {
                if (report.value() != null && report.value().compareTo(r.value().get()) != 0) {
                    violations.add(new Violation(prefix + "displayValue", "error.measurement.values-differ",
                            report.displayValue(), report.value().toPlainString()));
                }
                read = report.withValue(r.value().get());
            } else {
                violations.add(new Violation(prefix + "displayValue", r.errorKey(), report.displayValue()));
                return report;
            }
        } else if (report.value() == null) {
            violations.add(new Violation(prefix + "value", "error.measurement.value-missing"));
        }
        if (report.asOf() == null) {
            violations.add(new Violation(prefix + "asOf", "error.measurement.date-missing"));
        }
        return read;
    }

    /** The scale a target's figures are asked and read in (亿元 for a 68亿元 target). */
    public org.gongjian.shared.FigureInput.Scale displayScale(Target target) {
        return org.gongjian.shared.FigureInput.displayScale(target.unit(), target.targetValue());
    }

    private Measurement correct(Programme programme, Target target, Measurement old, NewMeasurement report,
            Actor actor, List<EvidenceUpload> uploads) {
        String entityId = programme.code() + "/" + target.code() + "/" + old.id();
        List<Violation> violations = new ArrayList<>();
        checkAmendable(old, actor, entityId, violations);
        NewMeasurement asked = report.asOf() == null
                ? new NewMeasurement(report.value(), old.asOf(), report.note(), old.id(), report.displayValue(),
                        report.confirm(), report.reason())
                : report;
        NewMeasurement read = read(target, asked, "", violations);
        if (read.cleanReason() == null) {
            violations.add(new Violation("reason", "error.measurement.reason-required"));
        }
        violations.addAll(evidence.check(uploads));
        Rules.throwIfAny(violations);
        Rules.throwIfAny(violations(target, new NewMeasurement(read.value(), read.asOf(), read.note(), old.id())));
        Measurement saved = insert(programme, target, new NewMeasurement(read.value(), read.asOf(), read.note(), old.id()),
                MeasurementSource.MANUAL, null, actor.username(), false, read.cleanReason(), null, false);
        storeEvidence(saved, uploads, actor);
        return saved;
    }

    private void checkAmendable(Measurement old, Actor actor, String entityId, List<Violation> violations) {
        if (old.superseded()) {
            violations.add(new Violation("supersedes", "error.measurement.already-superseded", old.id()));
        } else if (old.withdrawn()) {
            violations.add(new Violation("supersedes", "error.measurement.withdrawn", old.id()));
        }
        if (!actor.isAdmin()) {
            if (!actor.username().equals(old.reporter())) {
                audit.denied("measurement", entityId, "only its reporter or the office may correct a figure");
                throw new org.springframework.security.access.AccessDeniedException("error.access-denied");
            }
            if (!withinWindow(old)) {
                violations.add(new Violation("supersedes", "error.measurement.window-passed",
                        correctionWindow.toDays()));
            }
        }
    }

    private boolean withinWindow(Measurement m) {
        return !Instant.now(clock).isAfter(m.recordedAt().plus(correctionWindow));
    }

    private Measurement measurement(Target target, long id) {
        return measurements.find(id).filter(m -> m.targetId() == target.id())
                .orElseThrow(() -> new NotFoundException("error.measurement.not-found", id));
    }

    private void storeEvidence(Measurement saved, List<EvidenceUpload> uploads, Actor actor) {
        if (uploads.isEmpty()) {
            return;
        }
        for (Evidence stored : evidence.store(saved.id(), uploads, actor.username())) {
            audit.created("evidence", String.valueOf(stored.id()), stored);
        }
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

    /**
     * Runs {@code feed} with the target's row locked until the caller's transaction ends: figures of one target
     * from two ledger observations of the same day are decided one after the other, each seeing the other's row.
     */
    void serialised(Target target, Runnable feed) {
        measurements.lockTarget(target.id());
        feed.run();
    }

    /** The ledger's current figure of a target for a date (not yet superseded), if any. */
    Optional<Measurement> currentLedgerFigure(Target target, LocalDate asOf) {
        return measurements.currentLedgerFigure(target.id(), asOf);
    }

    /**
     * Records a figure no person typed (a ledger's feed): never refused for looking implausible, since the ledger
     * is the source of truth, but stored with its {@link Plausibility} and no reason, which flags it for the office
     * on the target's card until a later figure or a correction replaces it (ADR 0026). A figure that cannot be
     * recorded at all ({@link #violations}) is not written and its reasons are returned rather than thrown: a
     * refusal thrown inside the ledger listener's transaction would mark it rollback-only and fail the delivery.
     * It is recorded now, or at {@code knownAt} when a ledger replays its own past (never later than now), so that a
     * period's snapshot, which counts what was recorded by its end, sees the figure the ledger would have published
     * then.
     *
     * @return why the figure was refused; empty when it was recorded
     */
    List<Violation> record(Target target, NewMeasurement report, MeasurementSource source, @Nullable String sourceRef,
            String reporter, boolean demo, @Nullable Instant knownAt) {
        List<Violation> refused = violations(target, report);
        if (refused.isEmpty()) {
            Instant now = Instant.now(clock);
            insert(programmes.programme(target.programmeId()), target, report, source, sourceRef, reporter, demo, null,
                    plausibility(target, report), false, knownAt == null || knownAt.isAfter(now) ? now : knownAt);
        }
        return refused;
    }

    private Measurement insert(Programme programme, Target target, NewMeasurement report, MeasurementSource source,
            @Nullable String sourceRef, String reporter, boolean demo, @Nullable String reason,
            @Nullable Plausibility plausibility, boolean withdrawn) {
        return insert(programme, target, report, source, sourceRef, reporter, demo, reason, plausibility, withdrawn,
                Instant.now(clock));
    }

    /**
     * Stores a figure, audits it and tells supervision, answering with what was stored without reading it back: the
     * value rounded to the column's six decimals and the time to the microsecond, as the columns keep them.
     */
    private Measurement insert(Programme programme, Target target, NewMeasurement report, MeasurementSource source,
            @Nullable String sourceRef, String reporter, boolean demo, @Nullable String reason,
            @Nullable Plausibility plausibility, boolean withdrawn, Instant recordedAt) {
        Instant at = recordedAt.truncatedTo(ChronoUnit.MICROS);
        BigDecimal stored = Decimals.normal(requireNonNull(report.value()).setScale(MeasurementStore.SCALE, RoundingMode.HALF_UP));
        MeasurementStore.NewRow row = new MeasurementStore.NewRow(target.id(), requireNonNull(stored),
                requireNonNull(report.asOf()), source, sourceRef, report.note(), reporter, at,
                report.supersedes(), demo, reason, plausibility, withdrawn);
        Measurement saved = row.stored(measurements.insert(row));
        audit.created("measurement", programme.code() + "/" + target.code() + "/" + saved.id(), saved);
        events.publishEvent(new MeasurementRecorded(programme.code(), target.code(), target.id(), saved.id(), saved.value(),
                saved.asOf(), source));
        return saved;
    }

    /** Why a figure cannot be recorded on a target (a date to come or before the baseline, …); empty when it can. */
    List<Violation> violations(Target target, NewMeasurement report) {
        LocalDate today = LocalDate.now(clock);
        List<Violation> violations = new ArrayList<>();
        if (report.value() == null || report.asOf() == null) {
            return violations;
        }
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

    /** Adds an indicator to the catalogue unless its code is there already (for ledgers whose codes follow their data). */
    @Transactional
    public void registerIndicator(Indicator indicator) {
        if (indicator(indicator.code()).isEmpty()) {
            jdbc.sql("""
                    insert into programme_indicator (code, name, name_en, unit, provider, description)
                    values (:code, :name, :nameEn, :unit, :provider, :description)""")
                    .param("code", indicator.code()).param("name", indicator.name()).param("nameEn", indicator.nameEn())
                    .param("unit", indicator.unit().name()).param("provider", indicator.provider())
                    .param("description", indicator.description()).update();
        }
    }

    /** The targets an observation feeds: bound to its code, and to its unit or city-wide. */
    List<Target> fedBy(String indicatorCode, @Nullable Long unitId) {
        return targets.findByIndicatorCode(indicatorCode).stream().filter(t -> t.isFedBy(indicatorCode, unitId)).toList();
    }
}
