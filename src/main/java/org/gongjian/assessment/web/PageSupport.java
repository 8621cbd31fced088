package org.gongjian.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.assessment.Fact;
import org.gongjian.assessment.Outcome;
import org.gongjian.assessment.Period;
import org.gongjian.assessment.PeriodKind;
import org.gongjian.assessment.Rankings;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Permissions;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LocalizedException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the assessment pages share: the period picker, messages for errors, JSON for the charts, and the
 * words that explain an item (templates reach it as {@code @assessmentPages}).
 */
@Component("assessmentPages")
class PageSupport {

    private final Rankings rankings;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Accounts accounts;

    PageSupport(Rankings rankings, MessageSource messages, JsonMapper json, Accounts accounts) {
        this.rankings = rankings;
        this.messages = messages;
        this.json = json;
        this.accounts = accounts;
    }

    /** A choice in the period picker. */
    record Option(String code, String label) {
    }

    /** The periods a programme can be ranked for, by kind, newest first, with their names. */
    Map<PeriodKind, List<Option>> periods(String programmeCode, Locale locale) {
        Map<PeriodKind, List<Option>> options = new LinkedHashMap<>();
        for (PeriodKind kind : PeriodKind.values()) {
            List<Option> list = new ArrayList<>();
            rankings.periods(programmeCode, kind).forEach(p -> list.add(new Option(p.code(), label(p, locale))));
            options.put(kind, list);
        }
        return options;
    }

    /** The period asked for, or the latest closed month. */
    Period period(String programmeCode, @Nullable String code) {
        return code == null || code.isBlank() ? rankings.latestPeriod(programmeCode, PeriodKind.MONTH) : Period.parse(code);
    }

    String label(Period p, Locale locale) {
        return messages.getMessage(p.messageKey(), new Object[] {String.valueOf(p.year()), p.number()}, p.code(), locale);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Every message of a refusal, to show above the form that caused it. */
    List<String> errors(LocalizedException e, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.violations().stream().map(v -> text(v.messageKey(), locale, v.args())).toList();
        }
        return List.of(text(e.messageKey(), locale, e.args()));
    }

    /** What an item came to, in words: the numbers and dates behind its points. */
    public String detail(Fact f, Locale locale) {
        return switch (f.kind()) {
            case TARGET -> f.outcome() == Outcome.PROGRESS || f.outcome() == Outcome.MET && f.progress() != null
                    ? text("assessment.detail.target", locale, percent(f.progress()), percent(f.timeProgress()))
                    : text(f.outcome().messageKey() + ".detail", locale);
            case MILESTONE -> f.done() == null ? text("assessment.detail.milestone-open", locale, f.due())
                    : text("assessment.detail.milestone", locale, f.due(), f.done());
            case REPORT -> f.done() == null ? text("assessment.detail.report-open", locale, f.reference(), f.due())
                    : text("assessment.detail.report", locale, f.reference(), f.due(), f.done());
            case NOTICE -> text("assessment.detail.notice", locale, f.reference() == null ? "" : f.reference(),
                    f.due(), f.done() == null ? "—" : f.done());
            case HONOUR -> text("assessment.detail.honour", locale, f.done());
            case RATING -> text("assessment.detail.rating", locale, f.reference(), f.done());
        };
    }

    /** A movement as the city's tables write it: ↑3, ↓1, — (unchanged) or 新 (not ranked before). */
    public String movement(@Nullable Integer movement, Locale locale) {
        if (movement == null) {
            return text("assessment.movement.new", locale);
        }
        return movement > 0 ? "↑" + movement : movement < 0 ? "↓" + (-movement) : "—";
    }

    /** A movement in words, for screen readers and tooltips. */
    public String movementWords(@Nullable Integer movement, Locale locale) {
        if (movement == null) {
            return text("assessment.movement.new-words", locale);
        }
        return movement > 0 ? text("assessment.movement.up", locale, movement)
                : movement < 0 ? text("assessment.movement.down", locale, -movement)
                : text("assessment.movement.same", locale);
    }

    /** An instant as a reader in the city sees it: 2025-01-06 09:30. */
    public String time(java.time.@Nullable Instant at) {
        return at == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(at.atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }

    public String points(java.math.BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    public String signed(java.math.BigDecimal value) {
        String text = points(value);
        return value.signum() > 0 ? "+" + text : text;
    }

    private static String percent(@Nullable Double fraction) {
        return fraction == null ? "—" : java.math.BigDecimal.valueOf(fraction * 100)
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    String json(Object value) {
        return json.writeValueAsString(value);
    }

    boolean office() {
        return accounts.current().can(Permissions.ASSESSMENT_MANAGE);
    }

    @Nullable Long ownUnit() {
        return accounts.current().unitId();
    }

    boolean mayAppeal() {
        return accounts.current().can(Permissions.APPEAL_CREATE);
    }
}
