package org.gongjian.ecology.engine;

import java.util.List;

/**
 * A request the engine cannot evaluate, with every problem found (up to a limit): the field's path
 * (e.g. {@code stands[12].area}), a message code and its arguments.
 */
public class InvalidRequestException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidRequestException(List<Problem> problems) {
        super(problems.size() + " problem(s), first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }

    /** One problem of a request. Codes: negative, missing, unknown-forest-type, unit-mismatch, … */
    public record Problem(String field, String code, List<String> args) {
        public Problem(String field, String code, Object... args) {
            this(field, code, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }
    }
}
