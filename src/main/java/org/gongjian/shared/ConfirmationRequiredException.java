package org.gongjian.shared;

/**
 * The input is valid but looks wrong by a named rule (a figure ten times the last one); it is accepted only
 * when the caller confirms it with a reason. Answered with 422 and the rule's name.
 */
public class ConfirmationRequiredException extends LocalizedException {

    private final String rule;

    public ConfirmationRequiredException(String rule, String messageKey, Object... args) {
        super(messageKey, args);
        this.rule = rule;
    }

    /** The name of the rule, e.g. {@code TENFOLD_RISE}. */
    public String rule() { return rule; }
}
