package org.gongjian.assessment;

/** The office's quality rating of a progress report: 优, 良, 中, 差. */
public enum Grade {
    EXCELLENT(Outcome.RATED_EXCELLENT), GOOD(Outcome.RATED_GOOD), FAIR(Outcome.RATED_FAIR), POOR(Outcome.RATED_POOR);

    private final Outcome outcome;

    Grade(Outcome outcome) {
        this.outcome = outcome;
    }

    public Outcome outcome() { return outcome; }

    public String messageKey() { return "assessment.grade." + name(); }
}
