package org.gongjian.supervision;

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

    /** A notice, if the reader may see it: the office and leaders see all, unit staff their unit's. */
    public NoticeView notice(long id) {
        Notice notice = store.find(id).orElseThrow(() -> new NotFoundException("error.notice.not-found", id));
        Actor actor = accounts.current();
        if (!seesAll(actor) && !java.util.Objects.equals(actor.unitId(), notice.unitId)) {
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
        return apply(notice, notice.close(actor.username(), Instant.now(clock), blankToNull(comment)));
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
        return apply(notice, notice.cancel(actor.username(), Instant.now(clock), reason.strip()));
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

    /** What the sweep found for one subject. */
    record Candidate(String programmeCode, NoticeTrigger trigger, NoticeLevel level, long unitId,
            @Nullable Long initiativeId, String subjectKey, String basis, Status severity, String title, String matter) {
    }

    /**
     * Raises a notice for a candidate unless its subject has an open notice or already had one on the
     * same basis; in its own transaction, so that a clash with another instance is simply skipped.
     */
    Optional<NoticeView> raiseAutomatically(Candidate c, SupervisionPolicy policy, LocalDate today) {
        if (store.findOpen(c.subjectKey()).isPresent() || store.exists(c.subjectKey(), c.basis())) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(tx.execute(status -> {
                LocalDate due = calendar.plusWorkingDays(today, policy.noticeAnswerWorkdays());
                Notice notice = Notice.raise(c.programmeCode(), c.trigger(), c.level(), c.title(), c.matter(),
                        texts.requirement(due), c.unitId(), c.initiativeId(), c.subjectKey(), c.basis(), c.severity(),
                        today, due, "system", Instant.now(clock));
                if (c.level().numbered()) {
                    notice.number = number(policy, today);
                }
                return insert(notice);
            }));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
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
        events.publishEvent(new NotificationRequested(key, toOffice ? List.of() : List.of(n.unitId()),
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
        return new NoticeView(id, n.version, n.programmeCode, n.number, n.trigger, n.level, n.state, n.title, n.matter,
                n.requirement, n.unitId, n.initiativeId, initiativeNumber, n.subjectKey, n.raisedOn, n.originalDue,
                n.answerDue, n.severity, n.raisedBy, n.raisedAt, n.closedAt, store.answersOf(id), store.historyOf(id));
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
