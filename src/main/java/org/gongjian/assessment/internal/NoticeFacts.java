package org.gongjian.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.gongjian.assessment.Credit;
import org.gongjian.assessment.Fact;
import org.gongjian.assessment.FactKind;
import org.gongjian.assessment.Outcome;
import org.gongjian.supervision.NoticeAction;
import org.gongjian.supervision.NoticeChanged;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeState;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What supervision tells assessment about its notices: every {@link NoticeChanged} is kept, append-only,
 * with the day it was heard, so that a period's notice items can be read as they stood at its end.
 * <ul>
 * <li>A notice whose original answer date falls in the period was answered on time, answered late
 * (within the period) or left unanswered at its end; a notice cancelled by then does not count.</li>
 * <li>Each escalation to 督办 or 通报 in the period (or a notice raised at that level) is an item of its own,
 * once per level.</li>
 * </ul>
 */
@Component
public class NoticeFacts {

    private final JdbcClient jdbc;
    private final Clock clock;

    NoticeFacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(NoticeChanged event) {
        record(event, LocalDate.now(clock));
    }

    /** Keeps a notice change as heard on a day. */
    public void record(NoticeChanged event, LocalDate on) {
        jdbc.sql("""
                insert into assessment_notice_fact (notice_id, programme_code, unit_id, action, notice_level, state,
                  doc_number, title, original_due, occurred_on)
                values (:notice, :programme, :unit, :action, :level, :state, :number, :title, :due, :on)""")
                .param("notice", event.noticeId()).param("programme", event.programmeCode())
                .param("unit", event.unitId()).param("action", event.action().name())
                .param("level", event.level().name()).param("state", event.state().name())
                .param("number", event.number()).param("title", event.title())
                .param("due", event.originalDue()).param("on", on).update();
    }

    private record Row(long noticeId, long unitId, NoticeAction action, NoticeLevel level, NoticeState state,
            @Nullable String number, String title, LocalDate originalDue, LocalDate on) {
    }

    /**
     * The notice items of each ranked unit for a period from {@code from}, from what was heard by the end of
     * {@code to}: the period's end when it is {@code over}, else today (then a notice due today or later is
     * not yet late).
     */
    public Map<Long, List<Fact>> facts(String programmeCode, LocalDate from, LocalDate to, boolean over,
            LongPredicate ranked) {
        Map<Long, List<Row>> byNotice = new LinkedHashMap<>();
        jdbc.sql("""
                select notice_id, unit_id, action, notice_level, state, doc_number, title, original_due, occurred_on
                  from assessment_notice_fact where programme_code = :code and occurred_on <= :to
                 order by notice_id, id""")
                .param("code", programmeCode).param("to", to)
                .query((rs, n) -> new Row(rs.getLong("notice_id"), rs.getLong("unit_id"),
                        NoticeAction.valueOf(rs.getString("action")), NoticeLevel.valueOf(rs.getString("notice_level")),
                        NoticeState.valueOf(rs.getString("state")), rs.getString("doc_number"), rs.getString("title"),
                        rs.getObject("original_due", LocalDate.class), rs.getObject("occurred_on", LocalDate.class)))
                .list().forEach(r -> byNotice.computeIfAbsent(r.noticeId(), k -> new ArrayList<>()).add(r));
        Map<Long, List<Fact>> facts = new HashMap<>();
        for (List<Row> rows : byNotice.values()) {
            Row last = rows.get(rows.size() - 1);
            if (last.state() == NoticeState.CANCELLED || !ranked.test(last.unitId())) {
                continue;
            }
            List<Fact> unitFacts = facts.computeIfAbsent(last.unitId(), k -> new ArrayList<>());
            LocalDate due = last.originalDue();
            if (!due.isBefore(from) && (over ? !due.isAfter(to) : due.isBefore(to))) {
                LocalDate answered = rows.stream().filter(r -> r.action() == NoticeAction.ANSWERED).map(Row::on)
                        .findFirst().orElse(null);
                Outcome outcome = answered == null ? Outcome.UNANSWERED
                        : answered.isAfter(due) ? Outcome.ANSWERED_LATE : Outcome.ANSWERED_ON_TIME;
                unitFacts.add(fact(last, "answer", outcome, due, answered));
            }
            java.util.Set<NoticeLevel> levels = java.util.EnumSet.noneOf(NoticeLevel.class);
            for (Row r : rows) {
                boolean escalation = r.action() == NoticeAction.ESCALATED || r.action() == NoticeAction.RAISED;
                if (escalation && r.level().numbered() && !r.on().isBefore(from) && levels.add(r.level())) {
                    unitFacts.add(fact(last, r.level().name(), r.level() == NoticeLevel.BULLETIN
                            ? Outcome.ESCALATED_BULLETIN : Outcome.ESCALATED_SUPERVISE, due, r.on()));
                }
            }
        }
        facts.values().removeIf(List::isEmpty);
        return facts;
    }

    private static Fact fact(Row notice, String what, Outcome outcome, LocalDate due, @Nullable LocalDate done) {
        return new Fact("notice:" + notice.noticeId() + ":" + what, FactKind.NOTICE, Credit.OWN, notice.title(), null,
                outcome, null, null, due, done, notice.number(), false);
    }
}
