package org.gongjian.supervision.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.supervision.InitiativeStanding;
import org.gongjian.supervision.MilestoneStatus;
import org.gongjian.supervision.ProgrammeStatus;
import org.gongjian.supervision.Status;
import org.gongjian.supervision.StatusWords;
import org.gongjian.supervision.TargetStatus;

/**
 * The status answer (ADR 0025): each status with its label and one sentence of why in the reader's language, the
 * declared stage beside the computed status read as one verdict, and the policy named by its own endpoint instead of
 * repeated in every answer. Written straight from these records, in the order of the fields of
 * {@link ProgrammeStatus} with the words after each part's own fields (ADR 0037, amendment 2).
 */
record StatusAnswer(String programmeCode, LocalDate asOf, List<InitiativeAnswer> initiatives, String policy) {

    record InitiativeAnswer(long initiativeId, int number, String title, String categoryCode, long leadUnitId,
            List<Long> coUnitIds, Status status, List<TargetAnswer> targets, List<MilestoneAnswer> milestones,
            InitiativeStatus declaredStage, String label) {
    }

    record TargetAnswer(@JsonUnwrapped TargetStatus status, String label, String why) {
    }

    record MilestoneAnswer(@JsonUnwrapped MilestoneStatus status, String label, String why) {
    }

    static StatusAnswer of(ProgrammeStatus status, StatusWords words, Locale locale) {
        List<InitiativeAnswer> initiatives = status.initiatives().stream().map(i -> initiative(i, status, words, locale))
                .toList();
        return new StatusAnswer(status.programmeCode(), status.asOf(), initiatives,
                "/api/v1/programmes/" + status.programmeCode() + "/policy?on=" + status.policy().on());
    }

    private static InitiativeAnswer initiative(InitiativeStanding i, ProgrammeStatus status, StatusWords words,
            Locale locale) {
        List<TargetAnswer> targets = i.targets().stream().map(t -> new TargetAnswer(t, words.label(t.status(), locale),
                words.why(t, status.policy(), locale))).toList();
        List<MilestoneAnswer> milestones = i.milestones().stream().map(m -> new MilestoneAnswer(m,
                words.label(m.status(), locale), words.why(m, locale))).toList();
        return new InitiativeAnswer(i.initiativeId(), i.number(), i.title(), i.categoryCode(), i.leadUnitId(),
                i.coUnitIds(), i.status(), targets, milestones, i.declaredStage(),
                words.label(i.status(), i.declaredStage(), locale));
    }
}
