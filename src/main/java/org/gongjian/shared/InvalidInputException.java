package org.gongjian.shared;

import java.util.List;

/**
 * Input that breaks a rule beyond what bean validation sees (an unknown unit, a deadline before
 * its baseline). Carries every violation found, so that the caller can fix them all at once.
 */
public class InvalidInputException extends LocalizedException {

    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super("error.invalid-input");
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String messageKey, Object... args) {
        this(List.of(new Violation(field, messageKey, args)));
    }

    public List<Violation> violations() { return violations; }

    /** One broken rule: the field's path (e.g. {@code initiatives[2].targets[0].unit}) and a message key. */
    public record Violation(String field, String messageKey, Object... args) {
    }
}
