package org.gongjian.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.gongjian.shared.Figures;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Chinese wording of notices and their notifications. A notice is an official document, so it is
 * written in Chinese whatever the reader's language; the keys live in {@code i18n/supervision.properties}.
 */
@Component
class NoticeTexts {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    NoticeTexts(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }

    /** 2024年5月22日 */
    static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    String figure(@Nullable BigDecimal value, TargetStatus t) {
        return value == null ? get("notice.text.none") : Figures.format(value, t.unit(), ZH);
    }

    static String percent(@Nullable Double fraction) {
        return fraction == null ? "—" : BigDecimal.valueOf(fraction * 100).setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString() + "%";
    }

    /** The matter of a target notice: the figures that made it. */
    String targetMatter(TargetStatus t, String initiativeTitle) {
        StringBuilder text = new StringBuilder(get("notice.text.target.head", t.initiativeNumber(), initiativeTitle,
                t.name(), figure(t.target(), t), date(t.deadline())));
        text.append(get("notice.text.target.figures", date(t.asOf()), figure(t.actual(), t), figure(t.planned(), t),
                percent(t.progress()), percent(t.timeProgress())));
        if (t.forecast().sufficient()) {
            text.append(get("notice.text.target.forecast", figure(t.forecast().value(), t), figure(t.forecast().lower(), t),
                    figure(t.forecast().upper(), t), percent(t.forecast().probability())));
        }
        text.append(get(t.reason().messageKey()));
        return text.toString();
    }

    /** A combined notice's matter: its items numbered, one per line, each its title and matter. */
    String combinedMatter(List<NoticeManagement.Candidate> items) {
        StringBuilder text = new StringBuilder(get("notice.text.combined", items.size()));
        int n = 1;
        for (NoticeManagement.Candidate c : items) {
            String line = "\n" + n++ + ". " + c.title() + "：" + c.matter();
            if (text.length() + line.length() > 3900) {
                text.append("\n").append(get("notice.text.combined.more", items.size() - n + 2));
                break;
            }
            text.append(line);
        }
        return text.toString();
    }

    String milestoneMatter(MilestoneStatus m, int initiativeNumber, String initiativeTitle) {
        return get("notice.text.milestone", initiativeNumber, initiativeTitle, m.title(), date(m.dueDate()),
                get(m.reason().messageKey()));
    }

    String requirement(LocalDate due) {
        return get("notice.text.requirement", date(due));
    }

    /** The notification of a notice's transition, e.g. 【催办】开改督〔2024〕3号 …. */
    String notificationTitle(NoticeView n, NoticeAction action) {
        String level = get(n.level().messageKey());
        return get("notice.notify.title", level, get(action.messageKey()), n.number() == null ? "" : n.number() + " ", n.title());
    }

    /** The notification's text: the matter, state and deadline, and what was done by whom (a display name, never a login). */
    String notificationBody(NoticeView n, NoticeAction action) {
        String by = n.history().isEmpty() ? n.raisedByName() : n.history().get(n.history().size() - 1).actorName();
        return get("notice.notify.body", get(n.level().messageKey()), n.title(), get(n.state().messageKey()),
                date(n.answerDue()), get(action.messageKey()), by);
    }
}
