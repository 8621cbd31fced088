package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.gongjian.shared.ConflictException;
import org.junit.jupiter.api.Test;

class NoticeStateMachineTests {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 3);
    static final Instant NOW = Instant.parse("2024-06-03T02:00:00Z");

    static Notice issued(NoticeLevel level) {
        return Notice.raise("kaiping-2024", NoticeTrigger.MANUAL, level, "落实金融结对", "事项", "要求", 7L, null,
                "manual:1", "manual", Status.AT_RISK, TODAY, TODAY.plusDays(9), "admin", NOW);
    }

    @Test
    void an_issued_notice_is_answered_then_closed_and_gives_up_its_subject() {
        Notice n = issued(NoticeLevel.REMINDER);
        assertThat(n.state).isEqualTo(NoticeState.ISSUED);
        assertThat(n.openKey).isEqualTo("manual:1");
        Notice.Transition answered = n.answer("chishui-clerk", NOW.plusSeconds(60));
        assertThat(answered.fromState()).isEqualTo(NoticeState.ISSUED);
        assertThat(answered.toState()).isEqualTo(NoticeState.ANSWERED);
        Notice.Transition closed = n.close("admin", NOW.plusSeconds(120), "整改到位");
        assertThat(closed.toState()).isEqualTo(NoticeState.CLOSED);
        assertThat(closed.comment()).isEqualTo("整改到位");
        assertThat(n.openKey).isNull();
        assertThat(n.closedAt).isNotNull();
    }

    @Test
    void a_returned_answer_goes_back_to_the_unit_with_a_new_deadline_and_can_be_answered_again() {
        Notice n = issued(NoticeLevel.CHASE);
        n.answer("clerk", NOW);
        Notice.Transition returned = n.returnToUnit("admin", NOW, "佐证材料不全", TODAY.plusDays(20), TODAY);
        assertThat(returned.toState()).isEqualTo(NoticeState.RETURNED);
        assertThat(n.answerDue).isEqualTo(TODAY.plusDays(20));
        assertThat(n.originalDue).isEqualTo(TODAY.plusDays(9));
        assertThat(n.answer("clerk", NOW).fromState()).isEqualTo(NoticeState.RETURNED);
    }

    @Test
    void the_office_cannot_close_a_notice_the_unit_has_not_answered() {
        Notice n = issued(NoticeLevel.REMINDER);
        assertThatThrownBy(() -> n.close("admin", NOW, null)).isInstanceOf(ConflictException.class)
                .hasMessage("error.notice.illegal-transition");
        assertThatThrownBy(() -> n.returnToUnit("admin", NOW, "x", TODAY, TODAY)).isInstanceOf(ConflictException.class);
        assertThat(n.state).isEqualTo(NoticeState.ISSUED);
    }

    @Test
    void a_closed_or_cancelled_notice_takes_no_answer() {
        Notice closed = issued(NoticeLevel.REMINDER);
        closed.answer("clerk", NOW);
        closed.close("admin", NOW, null);
        assertThatThrownBy(() -> closed.answer("clerk", NOW)).isInstanceOf(ConflictException.class);
        Notice cancelled = issued(NoticeLevel.REMINDER);
        cancelled.cancel("admin", NOW, "误发");
        assertThat(cancelled.openKey).isNull();
        assertThatThrownBy(() -> cancelled.answer("clerk", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cancelled.cancel("admin", NOW, "again")).isInstanceOf(ConflictException.class);
    }

    @Test
    void a_closed_notice_is_reopened_after_a_failed_spot_check_and_holds_its_subject_again() {
        Notice n = issued(NoticeLevel.REMINDER);
        n.answer("clerk", NOW);
        n.close("admin", NOW, null);
        Notice.Transition reopened = n.reopen("admin", NOW, "回头看发现问题反弹", TODAY.plusDays(10), TODAY);
        assertThat(reopened.action()).isEqualTo(NoticeAction.REOPENED);
        assertThat(n.state).isEqualTo(NoticeState.RETURNED);
        assertThat(n.openKey).isEqualTo("manual:1");
        assertThat(n.closedAt).isNull();
    }

    @Test
    void an_unanswered_notice_climbs_the_ladder_one_level_at_a_time_and_is_numbered_from_supervision_on() {
        Notice n = issued(NoticeLevel.REMINDER);
        n.escalate("开改督〔2024〕1号", TODAY.plusDays(12), TODAY.plusDays(10), NOW, "逾期");
        assertThat(n.level).isEqualTo(NoticeLevel.CHASE);
        assertThat(n.number).isNull();
        n.escalate("开改督〔2024〕1号", TODAY.plusDays(22), TODAY.plusDays(20), NOW, "逾期");
        assertThat(n.level).isEqualTo(NoticeLevel.SUPERVISE);
        assertThat(n.number).isEqualTo("开改督〔2024〕1号");
        n.escalate("开改督〔2024〕2号", TODAY.plusDays(32), TODAY.plusDays(30), NOW, "逾期");
        assertThat(n.level).isEqualTo(NoticeLevel.BULLETIN);
        assertThat(n.number).isEqualTo("开改督〔2024〕1号");
        assertThatThrownBy(() -> n.escalate(null, TODAY, TODAY, NOW, "x")).isInstanceOf(ConflictException.class);
    }

    @Test
    void an_answered_notice_waiting_for_the_office_does_not_escalate() {
        Notice n = issued(NoticeLevel.REMINDER);
        n.answer("clerk", NOW);
        assertThatThrownBy(() -> n.escalate(null, TODAY, TODAY, NOW, "x")).isInstanceOf(ConflictException.class);
    }
}
