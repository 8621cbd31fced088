package org.gongjian.supervision;

import org.gongjian.calendar.WorkCalendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gongjian.audit.AuditLog;
import org.gongjian.notification.NotificationRequested;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.Role;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.FileKind;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.Pages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use cases of supervision notices (督办单): the office raises one by hand or the sweep raises it; the
 * responsible unit answers with text and evidence; the office closes (销号), returns, cancels or
 * reopens it; the sweep escalates what is left unanswered. Every transition is kept as history,
 * audited, and announced to the unit or the office through the notification module.
 */
@Service
@Transactional(readOnly = true)
public class NoticeManagement {

    /** At most this many evidence files per answer, each at most {@link #MAX_FILE_BYTES}. */
    public static final int MAX_FILES = 5;
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    /** A notice the office raises by hand. */
    public record ManualNotice(@NotBlank @Size(max = 64) String unit, @Nullable Integer initiative,
            @NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 4000) String matter,
            @Size(max = 2000) @Nullable String requirement, @NotNull NoticeLevel level, @Nullable LocalDate answerDue) {
    }

    /** An uploaded evidence file. */
    public record Upload(String fileName, String contentType, byte[] content) {
    }

    /** An evidence file to download. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    private final NoticeStore store;
    private final NoticeTexts texts;
    private final PolicyParameters policies;
    private final WorkCalendar calendar;
    private final ProgrammeManagement programmes;
    private final Organisation organisation;
    private final Accounts accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    NoticeManagement(NoticeStore store, NoticeTexts texts, PolicyParameters policies, WorkCalendar calendar,
            ProgrammeManagement programmes, Organisation organisation, Accounts accounts, AuditLog audit,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.policies = policies;
        this.calendar = calendar;
        this.programmes = programmes;
        this.organisation = organisation;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    // --- reading -------------------------------------------------------------------------------

    /** A notice, if the reader may see it: the office and leaders see all, unit staff their unit's
     * and those copied to it. */
    public NoticeView notice(long id) {
        Notice notice = store.find(id).orElseThrow(() -> new NotFoundException("error.notice.not-found", id));
        Actor actor = accounts.current();
        if (!seesAll(actor) && !java.util.Objects.equals(actor.unitId(), notice.unitId)
                && (actor.unitId() == null || !store.copiesOf(id).contains(actor.unitId()))) {
            audit.denied("notice", String.valueOf(id), "not the responsible unit");
            throw new AccessDeniedException("error.access-denied");
        }
        return view(notice);
    }

    /**
     * Notices the reader may see, newest first, filtered by programme, unit and states. Unit staff see
     * only their unit's, whatever unit they ask for.
     */
    public Page<NoticeView> notices(@Nullable String programmeCode, @Nullable Long unitId,
            @Nullable Set<NoticeState> states, Pageable pageable) {
        Actor actor = accounts.current();
        List<Long> units = null;
        if (!seesAll(actor)) {
            units = actor.unitId() == null ? List.of() : List.of(actor.unitId());
        } else if (unitId != null) {
            units = List.of(unitId);
        }
        List<Notice> found = store.list(new NoticeStore.Filter(programmeCode, units, states, null));
        return Pages.of(found, pageable).map(this::view);
    }

    /** Open notices of the reader's scope: what the warning board and the inbox show. */
    public List<NoticeView> open(@Nullable String programmeCode, @Nullable Long unitId) {
        return notices(programmeCode, unitId, Set.of(NoticeState.ISSUED, NoticeState.ANSWERED, NoticeState.RETURNED),
                Pageable.unpaged()).getContent();
    }

    /**
     * Every notice of a programme, whoever reads, oldest first: for city-wide reports such as the monthly
     * bulletin, which publish what was raised and answered (督查通报) to all units alike.
     */
    public List<NoticeView> programmeNotices(String programmeCode) {
        List<NoticeView> all = new java.util.ArrayList<>(store.list(new NoticeStore.Filter(programmeCode, null, null, null))
                .stream().map(this::view).toList());
        all.sort(java.util.Comparator.comparing(NoticeView::raisedAt).thenComparing(NoticeView::id));
        return all;
    }

    /** An evidence file of a notice the reader may see. */
    public Download evidence(long noticeId, long evidenceId) {
        NoticeStore.StoredFile file = store.file(evidenceId).filter(f -> f.noticeId() == noticeId)
                .orElseThrow(() -> new NotFoundException("error.notice.evidence-not-found", evidenceId));
        notice(noticeId);
        return new Download(file.file().fileName(), file.file().contentType(), file.content());
    }

    private static boolean seesAll(Actor actor) {
        return actor.isAdmin() || actor.roles().contains(Role.LEADER) || actor.roles().contains(Role.VIEWER);
    }

    // --- the office ------------------------------------------------------------------------------

    /** The office raises a notice by hand, at any level; a formal one (督办 and up) gets its number. */
    @Transactional
    public NoticeView raise(String programmeCode, ManualNotice data) {
        Actor actor = requireOffice("notice", programmeCode);
        var programme = programmes.programme(programmeCode);
        LocalDate today = LocalDate.now(clock);
        List<Violation> violations = new ArrayList<>();
        var unit = organisation.findByCode(data.unit());
        if (unit.isEmpty()) {
            violations.add(new Violation("unit", "error.unit.not-found", data.unit()));
        }
        Long initiativeId = null;
        if (data.initiative() != null) {
            try {
                initiativeId = programmes.initiative(programme, data.initiative()).id();
            } catch (NotFoundException e) {
                violations.add(new Violation("initiative", "error.initiative.not-found", programmeCode, data.initiative()));
            }
        }
        if (data.answerDue() != null && !data.answerDue().isAfter(today)) {
            violations.add(new Violation("answerDue", "error.notice.due-not-future"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        SupervisionPolicy policy = policies.policy(programmeCode, today);
        LocalDate due = data.answerDue() != null ? data.answerDue() : calendar.plusWorkingDays(today, policy.noticeAnswerWorkdays());
        String subject = "manual:" + java.util.UUID.randomUUID();
        String requirement = data.requirement() == null || data.requirement().isBlank() ? texts.requirement(due)
                : data.requirement();
        Notice notice = Notice.raise(programmeCode, NoticeTrigger.MANUAL, data.level(), data.title(), data.matter(),
                requirement, unit.orElseThrow().id(), initiativeId, subject, "manual", Status.AT_RISK, today, due,
                actor.username(), Instant.now(clock));
        if (data.level().numbered()) {
            notice.number = number(policy, today);
        }
        return insert(notice);
    }

    /** The office accepts the unit's answer and closes the notice (销号). */
    @Transactional
    public NoticeView close(long id, @Nullable String comment) {
        Actor actor = requireOffice("notice", String.valueOf(id));
        Notice notice = load(id);
        NoticeView view = apply(notice, notice.close(actor.username(), Instant.now(clock), blankToNull(comment)));
        store.releaseItems(id);
        return view;
    }

    /** The office returns the answer for more work (退回重办); a reason is required. */
    @Transactional
    public NoticeView returnToUnit(long id, String reason) {
        Actor actor = requireOffice("notice", String.valueOf(id));
        requireText("reason", reason);
        Notice notice = load(id);
        LocalDate today = LocalDate.now(clock);
        LocalDate due = calendar.plusWorkingDays(today, policies.policy(notice.programmeCode, today).noticeAnswerWorkdays());
        return apply(notice, notice.returnToUnit(actor.username(), Instant.now(clock), reason.strip(), due, today));
    }

    /** The office withdraws a notice raised in error; a reason is required. */
    @Transactional
    public NoticeView cancel(long id, String reason) {
        Actor actor = requireOffice("notice", String.valueOf(id));
        requireText("reason", reason);
        Notice notice = load(id);
        NoticeView view = apply(notice, notice.cancel(actor.username(), Instant.now(clock), reason.strip()));
        store.releaseItems(id);
        return view;
    }

    /** A spot check (回头看) found the matter unresolved: the office reopens the closed notice. */
    @Transactional
    public NoticeView reopen(long id, String reason) {
        Actor actor = requireOffice("notice", String.valueOf(id));
        requireText("reason", reason);
        Notice notice = load(id);
        if (store.findOpen(notice.subjectKey).isPresent()) {
            throw new org.gongjian.shared.ConflictException("error.notice.subject-open");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate due = calendar.plusWorkingDays(today, policies.policy(notice.programmeCode, today).noticeAnswerWorkdays());
        store.reopenItems(id);
        return apply(notice, notice.reopen(actor.username(), Instant.now(clock), reason.strip(), due, today));
    }

    // --- the unit ---------------------------------------------------------------------------------

    /** The responsible unit answers with text and up to five evidence files (佐证材料). */
    @Transactional
    public NoticeView answer(long id, String text, List<Upload> files) {
        Notice notice = load(id);
        Actor actor = accounts.current();
        if (!actor.can(Permissions.NOTICE_ANSWER) || !(actor.isAdmin() || java.util.Objects.equals(actor.unitId(), notice.unitId))) {
            audit.denied("notice", String.valueOf(id), "not the responsible unit");
            throw new AccessDeniedException("error.access-denied");
        }
        List<Violation> violations = new ArrayList<>();
        if (text == null || text.isBlank()) {
            violations.add(new Violation("text", "error.notice.answer-required"));
        } else if (text.length() > 4000) {
            violations.add(new Violation("text", "error.notice.answer-too-long", 4000));
        }
        List<Upload> real = files.stream().filter(f -> f.content().length > 0 || !f.fileName().isBlank()).toList();
        if (real.size() > MAX_FILES) {
            violations.add(new Violation("files", "error.notice.too-many-files", MAX_FILES));
        }
        for (Upload f : real) {
            if (f.content().length == 0) {
                violations.add(new Violation("files", "error.notice.file-empty", f.fileName()));
            } else if (f.content().length > MAX_FILE_BYTES) {
                violations.add(new Violation("files", "error.notice.file-too-large", f.fileName(), MAX_FILE_BYTES / 1024 / 1024));
            } else if (f.fileName().length() > 255 || FileKind.sniff(f.content()).filter(k -> k.fitsName(f.fileName())).isEmpty()) {
                violations.add(new Violation("files", "error.notice.file-type", f.fileName(), FileKind.NAMES));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Instant now = Instant.now(clock);
        Notice.Transition t = notice.answer(actor.username(), now);
        long answerId = store.answer(notice.id, text.strip(), actor.username(), now);
        for (Upload f : real) {
            store.evidence(answerId, f.fileName(), FileKind.sniff(f.content()).orElseThrow().contentType(), f.content(),
                    sha256(f.content()));
        }
        return apply(notice, t);
    }

    // --- for the sweep -------------------------------------------------------------------------------

    /**
     * What the sweep found for one subject: the unit it goes to, the unit it is copied to (the lead unit
     * of a town's target), and the link back to the initiative or target.
     */
    record Candidate(String programmeCode, NoticeTrigger trigger, NoticeLevel level, long unitId,
            @Nullable Long copyUnitId, @Nullable Long initiativeId, @Nullable Long targetId, String subjectKey,
            String basis, Status severity, String title, String matter, @Nullable String link) {

        Candidate(String programmeCode, NoticeTrigger trigger, NoticeLevel level, long unitId,
                @Nullable Long initiativeId, String subjectKey, String basis, Status severity, String title,
                String matter) {
            this(programmeCode, trigger, level, unitId, null, initiativeId, null, subjectKey, basis, severity, title,
                    matter, null);
        }
    }

    /** A candidate is new when its subject has no open item or notice and never had one on the same basis. */
    private boolean fresh(Candidate c) {
        return store.openItem(c.subjectKey()).isEmpty() && !store.itemExists(c.subjectKey(), c.basis())
                && store.findOpen(c.subjectKey()).isEmpty() && !store.exists(c.subjectKey(), c.basis());
    }

    /** Raises one candidate on its own (kept for callers raising a single matter). */
    Optional<NoticeView> raiseAutomatically(Candidate c, SupervisionPolicy policy, LocalDate today) {
        List<NoticeView> raised = raiseCombined(List.of(c), policy, today);
        return raised.isEmpty() ? Optional.empty() : Optional.of(raised.get(0));
    }

    /**
     * Raises what one sweep found, <b>one notice per unit</b> listing all its new items (a combined notice
     * when there are several), copied to the units the items name. Items whose subject has an open
     * notice, or already had one on the same basis, are skipped. Each unit's notice is raised in its own
     * transaction, so that a clash with another instance is simply skipped.
     */
    List<NoticeView> raiseCombined(List<Candidate> candidates, SupervisionPolicy policy, LocalDate today) {
        java.util.Map<Long, List<Candidate>> byUnit = new java.util.LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Candidate c : candidates) {
            if (seen.add(c.subjectKey()) && fresh(c)) {
                byUnit.computeIfAbsent(c.unitId(), k -> new ArrayList<>()).add(c);
            }
        }
        List<NoticeView> raised = new ArrayList<>();
        byUnit.forEach((unit, items) -> {
            try {
                NoticeView view = tx.execute(status -> raiseFor(unit, items, policy, today));
                if (view != null) {
                    raised.add(view);
                }
            } catch (DuplicateKeyException e) {
                // another instance raised these items meanwhile
            }
        });
        return raised;
    }

    private NoticeView raiseFor(long unitId, List<Candidate> items, SupervisionPolicy policy, LocalDate today) {
        List<Candidate> sorted = new ArrayList<>(items);
        sorted.sort(java.util.Comparator.comparing(Candidate::level).reversed()
                .thenComparing(c -> -c.severity().severity()));
        Candidate first = sorted.get(0);
        LocalDate due = calendar.plusWorkingDays(today, policy.noticeAnswerWorkdays());
        Notice notice;
        if (sorted.size() == 1) {
            notice = Notice.raise(first.programmeCode(), first.trigger(), first.level(), first.title(), first.matter(),
                    texts.requirement(due), unitId, first.initiativeId(), first.subjectKey(), first.basis(),
                    first.severity(), today, due, Notice.SYSTEM, Instant.now(clock));
        } else {
            Set<Long> initiatives = new java.util.HashSet<>();
            sorted.forEach(c -> initiatives.add(c.initiativeId()));
            Long initiative = initiatives.size() == 1 ? first.initiativeId() : null;
            Status worst = Status.worst(sorted.stream().map(Candidate::severity).toList());
            notice = Notice.raise(first.programmeCode(), first.trigger(), first.level(),
                    texts.get("notice.title.combined", sorted.size()), texts.combinedMatter(sorted),
                    texts.requirement(due), unitId, initiative,
                    "sweep:" + first.programmeCode() + ":" + unitId + ":" + java.util.UUID.randomUUID(),
                    "sweep@" + today, worst, today, due, Notice.SYSTEM, Instant.now(clock));
        }
        if (notice.level.numbered()) {
            notice.number = number(policy, today);
        }
        store.insert(notice);
        long id = java.util.Objects.requireNonNull(notice.id);
        int position = 1;
        java.util.Set<Long> copies = new java.util.TreeSet<>();
        for (Candidate c : sorted) {
            store.insertItem(id, position++, c.subjectKey(), c.basis(), c.trigger(), c.initiativeId(), c.targetId(),
                    c.title(), c.matter(), c.link());
            if (c.copyUnitId() != null && c.copyUnitId() != unitId) {
                copies.add(c.copyUnitId());
            }
        }
        copies.forEach(u -> store.insertCopy(id, u));
        return inserted(notice);
    }

    /**
     * Closes the items whose cause has cleared (the reason for each, by subject), and every notice all of
     * whose items are then closed, with the reasons recorded (自动销号). Returns the notices closed.
     *
     * @param stillHolds whether the cause of an open item still holds; items it does not judge (null) stay
     * @param reasons    why an item's cause cleared, by subject
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    int clearResolved(String programmeCode, java.util.function.Function<NoticeStore.Item, @Nullable String> clearedBecause,
            LocalDate today) {
        java.util.Map<Long, java.util.Map<NoticeStore.Item, String>> byNotice = new java.util.LinkedHashMap<>();
        for (NoticeStore.Item item : store.openItems(programmeCode)) {
            String reason = clearedBecause.apply(item);
            if (reason != null) {
                byNotice.computeIfAbsent(item.noticeId(), k -> new java.util.LinkedHashMap<>()).put(item, reason);
            }
        }
        int closed = 0;
        for (var e : byNotice.entrySet()) {
            if (clear(e.getKey(), e.getValue(), today)) {
                closed++;
            }
        }
        return closed;
    }

    /**
     * Clears items of one notice with their reasons and, when none is left open, closes the notice (自动销号)
     * with the reasons; in one transaction of its own. True when the notice was closed.
     */
    private boolean clear(long noticeId, java.util.Map<NoticeStore.Item, String> reasons, LocalDate on) {
        Boolean done = tx.execute(status -> {
            List<String> lines = new ArrayList<>();
            reasons.forEach((item, reason) -> {
                store.clearItem(item.id(), on, reason);
                lines.add(item.title() + "：" + reason);
            });
            Notice notice = store.find(noticeId).orElseThrow();
            if (!notice.state.open() || store.itemsOf(noticeId).stream().anyMatch(i -> i.clearedOn() == null)) {
                return false;
            }
            String reason = String.join("；", lines);
            apply(notice, notice.resolve(Instant.now(clock), reason.length() > 500 ? reason.substring(0, 499) + "…" : reason));
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    // --- ledger items (ground floor: shared.LedgerItemOverdue / LedgerItemCleared) ------------------

    /**
     * A ledger's item is overdue: a notice to the responsible unit, once per {@code (ledger, itemKey)} while
     * open, filed under the programme running on the due day, else the latest (ADR 0025). Escalates as
     * other notices do. Empty when it is already open, the unit is unknown or there is no programme.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Optional<NoticeView> ledgerItemOverdue(org.gongjian.shared.LedgerItemOverdue e) {
        var unit = organisation.findByCode(e.unitCode());
        Optional<String> programme = programmeFor(e.due());
        if (unit.isEmpty() || programme.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(NoticeManagement.class).warn(
                    "Ledger item {}/{} overdue for unit {}: no such unit or no programme; no notice", e.ledger(),
                    e.itemKey(), e.unitCode());
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        SupervisionPolicy policy = policies.policy(programme.get(), today);
        String subject = "ledger:" + e.ledger() + ":" + e.itemKey();
        String title = e.title().length() > 300 ? e.title().substring(0, 299) + "…" : e.title();
        Candidate c = new Candidate(programme.get(), NoticeTrigger.LEDGER_OVERDUE, NoticeLevel.CHASE, unit.get().id(),
                null, null, null, subject, "overdue@" + e.due(), Status.OVERDUE, title,
                texts.get("notice.text.ledger", title, NoticeTexts.date(e.due())), e.link());
        return raiseAutomatically(c, policy, today);
    }

    /** A ledger's item is done or no longer due: its open item is cleared and its notice closed when clear. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public boolean ledgerItemCleared(org.gongjian.shared.LedgerItemCleared e) {
        String subject = "ledger:" + e.ledger() + ":" + e.itemKey();
        Optional<NoticeStore.Item> item = store.openItem(subject);
        if (item.isEmpty()) {
            return false;
        }
        clear(item.get().noticeId(), java.util.Map.of(item.get(), e.reason()), e.on());
        return true;
    }

    /** The programme running on {@code day}; else the one that started last (notices need a programme). */
    private Optional<String> programmeFor(LocalDate day) {
        List<org.gongjian.programme.Programme> all = programmes.programmes(Pageable.unpaged()).getContent();
        return all.stream().filter(p -> !day.isBefore(p.startDate()) && !day.isAfter(p.endDate()))
                .max(java.util.Comparator.comparing(org.gongjian.programme.Programme::startDate))
                .or(() -> all.stream().max(java.util.Comparator.comparing(org.gongjian.programme.Programme::startDate)))
                .map(org.gongjian.programme.Programme::code);
    }

    /** Moves every unanswered notice of a programme up the ladder once its threshold has passed. */
    int escalate(String programmeCode, LocalDate today) {
        SupervisionPolicy policy = policies.policy(programmeCode, today);
        int escalated = 0;
        for (Notice n : store.awaitingUnit(programmeCode)) {
            Optional<NoticeLevel> next = n.level.next();
            if (next.isEmpty()) {
                continue;
            }
            int threshold = switch (next.get()) {
                case CHASE -> policy.chaseAfterDueWorkdays();
                case SUPERVISE -> policy.superviseAfterChaseWorkdays();
                case BULLETIN -> policy.bulletinAfterSuperviseWorkdays();
                case REMINDER -> Integer.MAX_VALUE;
            };
            int late = calendar.workingDaysBetween(n.answerDue, today);
            if (!today.isAfter(n.answerDue) || late < Math.max(1, threshold)) {
                continue;
            }
            Boolean done = tx.execute(status -> {
                Notice fresh = store.find(n.id).orElseThrow();
                if (fresh.version != n.version) {
                    return false;
                }
                LocalDate due = calendar.plusWorkingDays(today, policy.noticeAnswerWorkdays());
                String number = next.get().numbered() && fresh.number == null ? number(policy, today) : null;
                apply(fresh, fresh.escalate(number, due, today, Instant.now(clock),
                        texts.get("notice.escalated.comment", late, texts.get(next.get().messageKey()))));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                escalated++;
            }
        }
        return escalated;
    }

    // --- helpers ---------------------------------------------------------------------------------

    private NoticeView insert(Notice notice) {
        store.insert(notice);
        return inserted(notice);
    }

    private NoticeView inserted(Notice notice) {
        Notice.Transition raised = notice.raised();
        store.history(notice.id, raised);
        NoticeView view = view(notice);
        audit.created("notice", String.valueOf(notice.id), summary(view));
        announce(view, NoticeAction.RAISED);
        return view;
    }

    private NoticeView apply(Notice notice, Notice.Transition t) {
        NoticeView before = view(notice);
        store.update(notice);
        store.history(notice.id, t);
        NoticeView after = view(notice);
        audit.updated("notice", String.valueOf(notice.id), summary(before), summary(after));
        announce(after, t.action());
        return after;
    }

    private void announce(NoticeView n, NoticeAction action) {
        events.publishEvent(new NoticeChanged(n.id(), n.programmeCode(), n.unitId(), action, n.trigger(), n.level(),
                n.state(), n.number(), n.title(), n.answerDue(), n.originalDue()));
        String key = "notice:" + n.id() + ":" + action + ":" + n.history().size();
        String link = "/supervision/notices/" + n.id();
        boolean toOffice = action == NoticeAction.ANSWERED;
        List<Long> units = new ArrayList<>();
        units.add(n.unitId());
        units.addAll(n.copyUnitIds());
        events.publishEvent(new NotificationRequested(key, toOffice ? List.of() : List.copyOf(units),
                toOffice ? Set.of(Role.ADMIN.name()) : Set.of(), texts.notificationTitle(n, action),
                texts.notificationBody(n, action), link, n.level().numbered()));
    }

    /** What the audit trail keeps of a notice: its state, not its files. */
    private static Object summary(NoticeView n) {
        return java.util.Map.of("number", n.number() == null ? "" : n.number(), "level", n.level(), "state", n.state(),
                "answerDue", n.answerDue(), "unitId", n.unitId(), "title", n.title());
    }

    private String number(SupervisionPolicy policy, LocalDate today) {
        int seq = store.nextSequence(policy.noticeNumberPrefix(), today.getYear());
        return policy.noticeNumberPrefix() + "〔" + today.getYear() + "〕" + seq + "号";
    }

    private Notice load(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("error.notice.not-found", id));
    }

    NoticeView view(Notice n) {
        long id = java.util.Objects.requireNonNull(n.id);
        Integer initiativeNumber = null;
        if (n.initiativeId != null) {
            try {
                initiativeNumber = programmes.initiative(n.initiativeId).number();
            } catch (NotFoundException e) {
                initiativeNumber = null;
            }
        }
        java.util.Map<String, String> known = new java.util.HashMap<>();
        java.util.function.UnaryOperator<String> names = login -> known.computeIfAbsent(login, this::nameOf);
        return new NoticeView(id, n.version, n.programmeCode, n.number, n.trigger, n.level, n.state, n.title, n.matter,
                n.requirement, n.unitId, n.initiativeId, initiativeNumber, n.subjectKey, n.raisedOn, n.originalDue,
                n.answerDue, n.severity, n.raisedBy, names.apply(n.raisedBy), n.raisedAt, n.closedAt,
                store.answersOf(id, names), store.historyOf(id, names),
                store.copiesOf(id), store.itemsOf(id).stream().map(i -> new NoticeView.Item(i.position(), i.subjectKey(),
                        i.trigger(), i.title(), i.matter(), i.initiativeId(), i.targetId(), i.link(), i.clearedOn(),
                        i.clearedReason())).toList(), n.closedReason);
    }

    /** Who acted, as people read it: the account's display name, 系统自动 for the sweep and the ledgers' events. */
    private String nameOf(String login) {
        return Notice.SYSTEM.equals(login) ? texts.get("notice.actor.system") : accounts.displayName(login);
    }

    private Actor requireOffice(String type, String id) {
        Actor actor = accounts.current();
        if (!actor.can(Permissions.SUPERVISION_MANAGE)) {
            audit.denied(type, id, "programme office only");
            throw new AccessDeniedException("error.access-denied");
        }
        return actor;
    }

    private static void requireText(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "error.notice.reason-required");
        }
        if (text.length() > 4000) {
            throw new InvalidInputException(field, "error.notice.answer-too-long", 4000);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
