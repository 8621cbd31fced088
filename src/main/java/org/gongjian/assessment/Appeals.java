package org.gongjian.assessment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongjian.assessment.internal.AppealStore;
import org.gongjian.assessment.internal.FactCollector;
import org.gongjian.assessment.internal.RunService;
import org.gongjian.assessment.internal.RunStore;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.Role;
import org.gongjian.organisation.Unit;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.FileKind;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.gongjian.calendar.WorkCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals (申诉): a unit appeals one item of its score for a period that is over, with a reason and
 * evidence, within the scheme's working days after the ranking was first stored. The programme office
 * upholds it (the item is left out or given full credit, the ranking is re-scored as a new version and the
 * unit's total and rank before and after are kept) or rejects it with a reason. Unit staff file and see
 * only their own unit's appeals; every decision and every refusal is audited.
 */
@Service
@Transactional(readOnly = true)
public class Appeals {

    public static final int MAX_FILES = 5;
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final int MAX_TEXT = 2000;

    private final RunService runs;
    private final RunStore runStore;
    private final ScoringSchemes schemes;
    private final AppealStore store;
    private final FactCollector collector;
    private final Organisation organisation;
    private final Accounts accounts;
    private final AuditLog audit;
    private final WorkCalendar calendar;
    private final Clock clock;

    Appeals(RunService runs, RunStore runStore, ScoringSchemes schemes, AppealStore store, FactCollector collector, Organisation organisation,
            Accounts accounts, AuditLog audit, WorkCalendar calendar, Clock clock) {
        this.runs = runs;
        this.runStore = runStore;
        this.schemes = schemes;
        this.store = store;
        this.collector = collector;
        this.organisation = organisation;
        this.accounts = accounts;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A file a unit attaches as evidence. */
    public record Upload(String fileName, String contentType, byte[] content) {
    }

    /** An evidence file to send back. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    /**
     * The last day a period's ranking may be appealed: the scheme's working days after it was first
     * stored (公示). Null while the period is running or not yet ranked.
     */
    public @Nullable LocalDate deadline(String programmeCode, Period period) {
        if (!runs.closed(period)) {
            return null;
        }
        return runStore.versions(programmeCode, period.code()).stream().findFirst()
                .map(first -> calendar.plusWorkingDays(first.computedAt().atZone(clock.getZone()).toLocalDate(),
                        schemes.scheme(first.schemeId()).rules().appealWindowWorkdays()))
                .orElse(null);
    }

    /** A unit (or the office on its behalf) appeals one item of its score for a period that is over. */
    @Transactional
    public AppealView file(String programmeCode, String periodCode, String unitCode, String itemKey, String reason,
            List<Upload> evidence) {
        Unit unit = organisation.unit(unitCode);
        Actor actor = accounts.current();
        boolean office = actor.can(Permissions.ASSESSMENT_MANAGE);
        if (!office && !(actor.can(Permissions.APPEAL_CREATE) && unit.id().equals(actor.unitId()))) {
            audit.denied("appeal", programmeCode + "/" + periodCode + "/" + unitCode, "not the unit's staff");
            throw new AccessDeniedException("error.access-denied");
        }
        Period period = Period.parse(periodCode);
        runs.check(programmeCode, period);
        if (!runs.closed(period)) {
            throw new InvalidInputException("period", "error.assessment.appeal-provisional", period.code());
        }
        Ranking ranking = runs.ranking(programmeCode, period);
        LocalDate deadline = deadline(programmeCode, period);
        if (deadline != null && runs.today().isAfter(deadline)) {
            throw new InvalidInputException("period", "error.assessment.appeal-window-closed", deadline);
        }
        Ranking.Entry entry = ranking.unit(unit.id())
                .orElseThrow(() -> new NotFoundException("error.assessment.unit-not-ranked", unitCode));
        List<Violation> violations = new ArrayList<>();
        ItemScore item = entry.score().item(itemKey).orElse(null);
        if (item == null) {
            violations.add(new Violation("itemKey", "error.assessment.item-unknown", itemKey));
        }
        String text = reason == null ? "" : reason.trim();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            violations.add(new Violation("reason", "error.assessment.reason-length", MAX_TEXT));
        }
        violations.addAll(checkFiles(evidence));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        boolean open = store.list(programmeCode, period.code(), unit.id(), null).stream()
                .anyMatch(a -> a.itemKey().equals(itemKey) && a.state() != AppealState.REJECTED);
        if (open) {
            throw new ConflictException("error.assessment.appeal-duplicate", item.fact().label());
        }
        Instant now = Instant.now(clock);
        LocalDate answerDue = calendar.plusWorkingDays(runs.today(), ranking.scheme().rules().appealAnswerWorkdays());
        long id = store.insert(new AppealStore.Row(0, 0, programmeCode, period.code(), unit.id(), itemKey,
                truncate(item.fact().label(), 300), item.fact().component(), text, AppealState.PENDING,
                actor.username(), now, answerDue, ranking.version(), null, null, null, null, entry.score().total(),
                null, entry.rank(), null));
        for (Upload file : evidence) {
            store.insertFile(id, clean(file.fileName()), FileKind.sniff(file.content()).orElseThrow().contentType(),
                    file.content(), sha256(file.content()));
        }
        AppealView saved = view(store.find(id).orElseThrow());
        audit.created("appeal", String.valueOf(id), Map.of("programme", programmeCode, "period", period.code(),
                "unit", unitCode, "item", itemKey, "reason", text, "files", evidence.size()));
        return saved;
    }

    /**
     * The office upholds an appeal: the item is left out or given full credit, and the period's ranking is
     * re-scored from its stored facts as a new version; the unit's total and rank before and after are kept.
     */
    @Transactional
    public AppealView uphold(long id, int expectedVersion, Adjustment adjustment, String comment) {
        AppealStore.Row appeal = pending(id, "uphold");
        String text = comment == null ? "" : comment.trim();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new InvalidInputException("decision", "error.assessment.decision-length", MAX_TEXT);
        }
        Instant now = Instant.now(clock);
        if (!store.decide(id, expectedVersion, AppealState.UPHELD, accounts.current().username(), now, text,
                adjustment)) {
            throw new ConflictException("error.stale-version");
        }
        Period period = Period.parse(appeal.period());
        Ranking revised = runs.revise(appeal.programmeCode(), period,
                "申诉#" + id + "成立：" + truncate(appeal.itemLabel(), 200), id, false);
        Ranking.Entry after = revised.unit(appeal.unitId()).orElseThrow();
        store.recordEffect(id, after.score().total(), after.rank());
        AppealView view = view(store.find(id).orElseThrow());
        audit.updated("appeal", String.valueOf(id), Map.of("state", AppealState.PENDING),
                Map.of("state", AppealState.UPHELD, "adjustment", adjustment, "decision", text,
                        "rankingVersion", revised.version(), "totalAfter", after.score().total()));
        return view;
    }

    /** The office rejects an appeal with a reason; the score stays as it was. */
    @Transactional
    public AppealView reject(long id, int expectedVersion, String reason) {
        pending(id, "reject");
        String text = reason == null ? "" : reason.trim();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new InvalidInputException("decision", "error.assessment.decision-length", MAX_TEXT);
        }
        if (!store.decide(id, expectedVersion, AppealState.REJECTED, accounts.current().username(), Instant.now(clock),
                text, null)) {
            throw new ConflictException("error.stale-version");
        }
        AppealView view = view(store.find(id).orElseThrow());
        audit.updated("appeal", String.valueOf(id), Map.of("state", AppealState.PENDING),
                Map.of("state", AppealState.REJECTED, "decision", text));
        return view;
    }

    private AppealStore.Row pending(long id, String action) {
        if (!accounts.current().can(Permissions.ASSESSMENT_MANAGE)) {
            audit.denied("appeal", String.valueOf(id), action + ": programme office only");
            throw new AccessDeniedException("error.access-denied");
        }
        AppealStore.Row appeal = store.find(id).orElseThrow(() -> new NotFoundException("error.assessment.appeal-not-found", id));
        if (appeal.state() != AppealState.PENDING) {
            throw new ConflictException("error.assessment.appeal-decided", id);
        }
        return appeal;
    }

    /** Appeals the reader may see, newest first: unit staff their own unit's only, whatever they ask for. */
    public List<AppealView> list(String programmeCode, @Nullable String period, @Nullable Long unitId,
            @Nullable AppealState state) {
        Actor actor = accounts.current();
        Long unit = unitId;
        if (!seesAll(actor)) {
            if (actor.unitId() == null || (unitId != null && !unitId.equals(actor.unitId()))) {
                return List.of();
            }
            unit = actor.unitId();
        }
        List<AppealStore.Row> rows = store.list(programmeCode, period, unit, state);
        Map<Long, List<AppealStore.File>> files = store.files(rows.stream().map(AppealStore.Row::id).toList());
        Map<Long, UnitRef> units = collector.rankedUnits();
        return rows.stream().map(r -> view(r, files.getOrDefault(r.id(), List.of()), units)).toList();
    }

    public AppealView appeal(long id) {
        AppealStore.Row row = store.find(id).orElseThrow(() -> new NotFoundException("error.assessment.appeal-not-found", id));
        requireSees(row, "appeal", String.valueOf(id));
        return view(row);
    }

    public Download evidence(long fileId) {
        AppealStore.File file = store.file(fileId)
                .orElseThrow(() -> new NotFoundException("error.assessment.evidence-not-found", fileId));
        AppealStore.Row row = store.find(file.appealId()).orElseThrow();
        requireSees(row, "appeal-evidence", String.valueOf(fileId));
        return new Download(file.fileName(), file.contentType(), java.util.Objects.requireNonNull(file.content()));
    }

    private void requireSees(AppealStore.Row row, String entity, String id) {
        Actor actor = accounts.current();
        if (!seesAll(actor) && !java.util.Objects.equals(actor.unitId(), row.unitId())) {
            audit.denied(entity, id, "not the appealing unit");
            throw new AccessDeniedException("error.access-denied");
        }
    }

    private static boolean seesAll(Actor actor) {
        return actor.isAdmin() || actor.roles().contains(Role.LEADER) || actor.roles().contains(Role.VIEWER);
    }

    private AppealView view(AppealStore.Row row) {
        return view(row, store.files(List.of(row.id())).getOrDefault(row.id(), List.of()), collector.rankedUnits());
    }

    private AppealView view(AppealStore.Row r, List<AppealStore.File> files, Map<Long, UnitRef> units) {
        UnitRef unit = units.get(r.unitId());
        if (unit == null) {
            Unit u = organisation.unit(r.unitId());
            unit = new UnitRef(u.id(), u.code(), u.shortName(), u.nameEn(),
                    PeerGroup.of(u.kind()).orElse(PeerGroup.DEPARTMENTS));
        }
        return new AppealView(r.id(), r.version(), r.programmeCode(), r.period(), unit, r.itemKey(), r.itemLabel(),
                r.component(), r.reason(), r.state(), r.filedBy(), r.filedAt(), r.answerDue(), r.runVersion(),
                r.decidedBy(), r.decidedAt(), r.decision(), r.adjustment(), r.totalBefore(), r.totalAfter(),
                r.rankBefore(), r.rankAfter(), files.stream().map(f -> new AppealView.EvidenceFile(f.id(), f.fileName(),
                        f.contentType(), f.size(), f.sha256())).toList());
    }

    private static List<Violation> checkFiles(List<Upload> files) {
        List<Violation> violations = new ArrayList<>();
        if (files.size() > MAX_FILES) {
            violations.add(new Violation("evidence", "error.assessment.evidence-count", MAX_FILES));
        }
        for (int i = 0; i < files.size(); i++) {
            Upload f = files.get(i);
            if (f.content().length == 0 || f.content().length > MAX_FILE_BYTES) {
                violations.add(new Violation("evidence[" + i + "]", "error.assessment.evidence-size", f.fileName(),
                        MAX_FILE_BYTES / 1024 / 1024));
            } else if (FileKind.sniff(f.content()).filter(k -> k.fitsName(f.fileName())).isEmpty()) {
                violations.add(new Violation("evidence[" + i + "]", "error.assessment.evidence-type", f.fileName()));
            }
        }
        return violations;
    }

    private static String clean(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[:*?\"<>|\\p{Cntrl}]", "_").trim();
        return truncate(name.isEmpty() ? "evidence" : name, 255);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
