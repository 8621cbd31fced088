package org.gongjian.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A supervision notice (督办单) as readers see it: the matter, the responsible unit and deadline, its
 * level and state, the answers and the history of every transition.
 *
 * @param originalDue the first answer deadline; a notice is assessed against it even after escalation
 * @param answerDue   the current answer deadline
 * @param copyUnitIds units the notice is copied to (抄送), e.g. the lead unit of a town's target
 * @param items       the matters it lists, each with its link; one for a notice about one matter
 * @param closedReason why the sweep closed it on its own; null otherwise
 * @param subject     what it concerns, e.g. {@code target:ip.design-days}, {@code milestone:42},
 *                    {@code report:chishui:2024-05}
 * @param raisedBy     the login of who raised it ({@code system} for the sweep), for API consumers
 * @param raisedByName who raised it as people read it: the display name, or 系统自动 for the sweep
 */
public record NoticeView(long id, int version, String programmeCode, @Nullable String number, NoticeTrigger trigger,
        NoticeLevel level, NoticeState state, String title, String matter, String requirement, long unitId,
        @Nullable Long initiativeId, @Nullable Integer initiativeNumber, String subject, LocalDate raisedOn,
        LocalDate originalDue, LocalDate answerDue, Status severity, String raisedBy, String raisedByName, Instant raisedAt,
        @Nullable Instant closedAt, List<Answer> answers, List<HistoryEntry> history, List<Long> copyUnitIds,
        List<Item> items, @Nullable String closedReason) {

    /**
     * One matter the notice lists (a combined notice lists every item of its unit found by one sweep),
     * with a link to the initiative or target it concerns; cleared when its cause cleared, with the reason.
     */
    public record Item(int position, String subject, NoticeTrigger trigger, String title, String matter,
            @Nullable Long initiativeId, @Nullable Long targetId, @Nullable String link, @Nullable LocalDate clearedOn,
            @Nullable String clearedReason) {

        public boolean open() {
            return clearedOn == null;
        }
    }

    /** Whether the unit still owes an answer and the deadline has passed on {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return NoticeState.AWAITING_UNIT.contains(state) && today.isAfter(answerDue);
    }

    /** Calendar days past the current answer deadline on {@code today}; 0 when not overdue. */
    public long daysOverdue(LocalDate today) {
        return overdueOn(today) ? java.time.temporal.ChronoUnit.DAYS.between(answerDue, today) : 0;
    }

    /** A unit's answer: its text and evidence files; who answered as a login and as the display name people read. */
    public record Answer(int seq, String text, String answeredBy, String answeredByName, Instant answeredAt,
            List<EvidenceFile> evidence) {
    }

    /** A file of evidence (佐证材料) attached to an answer. */
    public record EvidenceFile(long id, String fileName, String contentType, long size, String sha256) {
    }

    /**
     * One transition: who (a login, and the display name people read), when, from which state and level to
     * which, and what they wrote.
     */
    public record HistoryEntry(Instant at, String actor, String actorName, NoticeAction action, @Nullable NoticeState fromState,
            NoticeState toState, @Nullable NoticeLevel fromLevel, NoticeLevel toLevel, @Nullable String comment) {
    }
}
