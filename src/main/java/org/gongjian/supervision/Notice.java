package org.gongjian.supervision;

import java.time.Instant;
import java.time.LocalDate;
import org.gongjian.shared.ConflictException;
import org.jspecify.annotations.Nullable;

/**
 * A supervision notice and its state machine. Every method that moves it checks that the move is
 * legal from where it stands and returns the transition for the history; an illegal one throws.
 * While open it holds its subject as {@code openKey}, so a subject has at most one open notice.
 */
final class Notice {

    /** The login the sweep and the ledgers' events act under. */
    static final String SYSTEM = "system";

    /** One move, as the history keeps it. */
    record Transition(NoticeAction action, @Nullable NoticeState fromState, NoticeState toState,
            @Nullable NoticeLevel fromLevel, NoticeLevel toLevel, String actor, Instant at, @Nullable String comment) {
    }

    @Nullable Long id;
    int version;
    final String programmeCode;
    @Nullable String number;
    final NoticeTrigger trigger;
    NoticeLevel level;
    NoticeState state;
    final String title;
    final String matter;
    final String requirement;
    final long unitId;
    final @Nullable Long initiativeId;
    final String subjectKey;
    final String basis;
    @Nullable String openKey;
    final Status severity;
    final LocalDate raisedOn;
    final LocalDate originalDue;
    LocalDate answerDue;
    LocalDate levelSince;
    final String raisedBy;
    final Instant raisedAt;
    @Nullable Instant closedAt;
    /** Why the sweep closed it on its own (its cause cleared); null when the office closed it. */
    @Nullable String closedReason;

    @SuppressWarnings("java:S107")
    Notice(String programmeCode, NoticeTrigger trigger, NoticeLevel level, NoticeState state, String title, String matter,
            String requirement, long unitId, @Nullable Long initiativeId, String subjectKey, String basis, Status severity,
            LocalDate raisedOn, LocalDate originalDue, LocalDate answerDue, LocalDate levelSince, String raisedBy,
            Instant raisedAt) {
        this.programmeCode = programmeCode;
        this.trigger = trigger;
        this.level = level;
        this.state = state;
        this.title = title;
        this.matter = matter;
        this.requirement = requirement;
        this.unitId = unitId;
        this.initiativeId = initiativeId;
        this.subjectKey = subjectKey;
        this.basis = basis;
        this.severity = severity;
        this.raisedOn = raisedOn;
        this.originalDue = originalDue;
        this.answerDue = answerDue;
        this.levelSince = levelSince;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
    }

    /** A new notice, issued to the responsible unit at a level, answer due by {@code due}. */
    static Notice raise(String programmeCode, NoticeTrigger trigger, NoticeLevel level, String title, String matter,
            String requirement, long unitId, @Nullable Long initiativeId, String subjectKey, String basis,
            Status severity, LocalDate today, LocalDate due, String actor, Instant now) {
        Notice notice = new Notice(programmeCode, trigger, level, NoticeState.ISSUED, title, matter, requirement, unitId,
                initiativeId, subjectKey, basis, severity, today, due, due, today, actor, now);
        notice.openKey = subjectKey;
        return notice;
    }

    Transition raised() {
        return new Transition(NoticeAction.RAISED, null, state, null, level, raisedBy, raisedAt, null);
    }

    /** The unit answers (反馈): from issued or returned. */
    Transition answer(String actor, Instant now) {
        require(NoticeState.AWAITING_UNIT.contains(state), NoticeAction.ANSWERED);
        return move(NoticeAction.ANSWERED, NoticeState.ANSWERED, level, actor, now, null);
    }

    /** The office accepts the answer and closes the notice (销号). */
    Transition close(String actor, Instant now, @Nullable String comment) {
        require(state == NoticeState.ANSWERED, NoticeAction.CLOSED);
        Transition t = move(NoticeAction.CLOSED, NoticeState.CLOSED, level, actor, now, comment);
        openKey = null;
        closedAt = now;
        return t;
    }

    /** The office returns the answer for more work (退回重办), with a new deadline. */
    Transition returnToUnit(String actor, Instant now, String reason, LocalDate newDue, LocalDate today) {
        require(state == NoticeState.ANSWERED, NoticeAction.RETURNED);
        answerDue = newDue;
        levelSince = today;
        return move(NoticeAction.RETURNED, NoticeState.RETURNED, level, actor, now, reason);
    }

    /**
     * Every cause of the notice has cleared (the figure was reported, the target is back on track or
     * achieved, the ledger item was done): the sweep closes it, from any open state, with the reason.
     */
    Transition resolve(Instant now, String reason) {
        require(state.open(), NoticeAction.RESOLVED);
        Transition t = move(NoticeAction.RESOLVED, NoticeState.CLOSED, level, SYSTEM, now, reason);
        openKey = null;
        closedAt = now;
        closedReason = reason;
        return t;
    }

    /** The office withdraws a notice raised in error. */
    Transition cancel(String actor, Instant now, String reason) {
        require(state.open(), NoticeAction.CANCELLED);
        Transition t = move(NoticeAction.CANCELLED, NoticeState.CANCELLED, level, actor, now, reason);
        openKey = null;
        closedAt = now;
        return t;
    }

    /** A spot check (回头看) found the matter unresolved: the closed notice goes back to the unit. */
    Transition reopen(String actor, Instant now, String reason, LocalDate newDue, LocalDate today) {
        require(state == NoticeState.CLOSED, NoticeAction.REOPENED);
        answerDue = newDue;
        levelSince = today;
        openKey = subjectKey;
        closedAt = null;
        return move(NoticeAction.REOPENED, NoticeState.RETURNED, level, actor, now, reason);
    }

    /** Unanswered past its deadline: one level up, a new deadline, a number from 督办 on. */
    Transition escalate(@Nullable String newNumber, LocalDate newDue, LocalDate today, Instant now, String comment) {
        require(NoticeState.AWAITING_UNIT.contains(state) && level.next().isPresent(), NoticeAction.ESCALATED);
        NoticeLevel next = level.next().orElseThrow();
        if (number == null && next.numbered()) {
            number = newNumber;
        }
        answerDue = newDue;
        levelSince = today;
        return move(NoticeAction.ESCALATED, state, next, SYSTEM, now, comment);
    }

    private Transition move(NoticeAction action, NoticeState to, NoticeLevel toLevel, String actor, Instant now,
            @Nullable String comment) {
        Transition t = new Transition(action, state, to, level, toLevel, actor, now, comment);
        state = to;
        level = toLevel;
        return t;
    }

    private void require(boolean legal, NoticeAction action) {
        if (!legal) {
            throw new ConflictException("error.notice.illegal-transition", state, action);
        }
    }
}
