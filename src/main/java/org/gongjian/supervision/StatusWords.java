package org.gongjian.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.shared.Figures;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A status in words, in the reader's language: its label (正常, 预警 …) and one sentence of why, with the
 * numbers that decided it (ADR 0025). Fractions are written as percentages (完成率 75%), gaps in
 * percentage points (落后 12.5 个百分点); the API and the pages use the same sentences.
 */
@Component
public class StatusWords {

    private final MessageSource messages;

    StatusWords(MessageSource messages) {
        this.messages = messages;
    }

    public String label(Status status, Locale locale) {
        return messages.getMessage(status.messageKey(), null, locale);
    }

    /**
     * The label of an initiative whose unit declared a stage beside the computed status: a declared 已完成
     * beside a computed 逾期 (or any status needing attention) reads "申报已完成，待核验", not two verdicts.
     */
    public String label(Status status, @Nullable InitiativeStatus declared, Locale locale) {
        if (declared == InitiativeStatus.COMPLETED && status.needsAttention()) {
            return messages.getMessage("status.declared-completed-unverified", null, locale);
        }
        return label(status, locale);
    }

    /** One sentence: why the target has its status, with the deciding numbers. */
    public String why(TargetStatus t, SupervisionPolicy policy, Locale locale) {
        String key = "status.why." + t.reason().name();
        if (t.reason() == StatusReason.PAST_DEADLINE && t.actual() == null) {
            key += ".empty";
        }
        Object[] args = {figure(t.actual(), t, locale), figure(t.target(), t, locale), percent(t.progress()),
                percent(t.plannedProgress()), t.gapPoints() == null ? "—" : points(-t.gapPoints()), t.deadline(),
                points(policy.warningYellow().doubleValue()), points(policy.warningRed().doubleValue()),
                figure(t.forecast().value(), t, locale), figure(t.forecast().lower(), t, locale),
                figure(t.forecast().upper(), t, locale), percent(t.forecast().probability()),
                percent(t.timeProgress()), shortfall(t, t.progress(), t.plannedProgress()),
                points(policy.forecastMissPoints()), percent(t.forecast().confidence())};
        return messages.getMessage(key, args, locale);
    }

    /** One sentence: why the milestone has its status. */
    public String why(MilestoneStatus m, Locale locale) {
        Object[] args = {m.dueDate(), m.completedOn() == null ? "—" : m.completedOn(), m.daysOverdue(), m.workingDaysLeft(),
                m.asOf()};
        String key = "status.why." + m.reason().name()
                + (m.reason() == StatusReason.MILESTONE_OVERDUE && m.daysOverdue() == 0 ? ".atEnd" : "");
        return messages.getMessage(key, args, locale);
    }

    private static String shortfall(TargetStatus t, @Nullable Double progress, @Nullable Double planned) {
        return progress == null || planned == null ? "—" : points((planned - progress) * 100);
    }

    private static String figure(@Nullable BigDecimal value, TargetStatus t, Locale locale) {
        return value == null ? "—" : Figures.format(value, t.unit(), locale);
    }

    static String percent(@Nullable Double fraction) {
        return fraction == null ? "—" : points(fraction * 100) + "%";
    }

    static String points(double points) {
        return BigDecimal.valueOf(points).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

}
