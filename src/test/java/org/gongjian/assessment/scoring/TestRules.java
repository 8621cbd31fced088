package org.gongjian.assessment.scoring;

import static java.math.BigDecimal.valueOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.assessment.Component;
import org.gongjian.assessment.Credit;
import org.gongjian.assessment.Fact;
import org.gongjian.assessment.FactKind;
import org.gongjian.assessment.Outcome;
import org.gongjian.assessment.SchemeRules;
import org.gongjian.programme.HonourStatus;

/** The scheme the hand-computed cases use (the same numbers as the seeded default) and fact builders. */
final class TestRules {

    private TestRules() {
    }

    static SchemeRules standard() {
        return new SchemeRules(new BigDecimal("0.5"),
                new SchemeRules.Attainment(valueOf(50)),
                new SchemeRules.Timeliness(valueOf(20), new BigDecimal("0.5")),
                new SchemeRules.Supervision(valueOf(20), valueOf(20), valueOf(1), valueOf(2), valueOf(3), valueOf(5)),
                new SchemeRules.Quality(valueOf(10), BigDecimal.ONE, new BigDecimal("0.85"), new BigDecimal("0.7"),
                        new BigDecimal("0.4")),
                new SchemeRules.Honours(valueOf(5), valueOf(3), valueOf(2), valueOf(1), BigDecimal.ZERO,
                        List.of(HonourStatus.AWARDED, HonourStatus.APPROVED)),
                List.of(Component.ATTAINMENT, Component.TIMELINESS, Component.SUPERVISION, Component.QUALITY), 5, 10);
    }

    static Fact target(String code, Credit credit, Double progress, Double timeProgress) {
        return new Fact("target:" + code, FactKind.TARGET, credit, code, 1, Outcome.PROGRESS, progress, timeProgress,
                null, null, null, false);
    }

    static Fact target(String code, Credit credit, Outcome outcome) {
        return new Fact("target:" + code, FactKind.TARGET, credit, code, 1, outcome, null, null, null, null, null, false);
    }

    static Fact timely(FactKind kind, String key, Credit credit, Outcome outcome) {
        return new Fact(key, kind, credit, key, 1, outcome, null, null, LocalDate.of(2024, 5, 31), null, null, false);
    }

    static Fact notice(String key, Outcome outcome) {
        return new Fact(key, FactKind.NOTICE, Credit.OWN, key, null, outcome, null, null, null, null, null, false);
    }

    static Fact honour(String key, Credit credit, Outcome level) {
        return new Fact(key, FactKind.HONOUR, credit, key, 1, level, null, null, null, null, null, false);
    }

    static Fact rating(String key, Outcome grade) {
        return new Fact(key, FactKind.RATING, Credit.OWN, key, 1, grade, null, null, null, null, "2024-05", false);
    }
}
