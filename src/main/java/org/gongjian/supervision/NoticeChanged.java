package org.gongjian.supervision;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A supervision notice was raised or moved: escalated, answered, returned, closed, cancelled or
 * reopened. Assessment may count chases and bulletins; the history holds the details.
 */
public record NoticeChanged(long noticeId, String programmeCode, long unitId, NoticeAction action, NoticeTrigger trigger,
        NoticeLevel level, NoticeState state, @Nullable String number, String title, LocalDate answerDue,
        LocalDate originalDue) {
}
