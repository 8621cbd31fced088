package org.gongjian.ecology.engine;

import java.util.ArrayList;
import java.util.List;

/** Collects a request's problems; keeps the first hundred so that a 100,000-stand file gives a readable answer. */
final class Problems {

    static final int LIMIT = 100;

    private final List<InvalidRequestException.Problem> list = new ArrayList<>();
    private int count;

    void add(String field, String code, Object... args) {
        count++;
        if (list.size() < LIMIT) {
            list.add(new InvalidRequestException.Problem(field, code, args));
        }
    }

    boolean any() {
        return count > 0;
    }

    void throwIfAny() {
        if (count > 0) {
            List<InvalidRequestException.Problem> all = new ArrayList<>(list);
            if (count > list.size()) {
                all.add(new InvalidRequestException.Problem("", "more-problems", count - list.size()));
            }
            throw new InvalidRequestException(all);
        }
    }
}
