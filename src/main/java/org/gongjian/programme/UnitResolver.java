package org.gongjian.programme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns unit codes in requests into ids, collecting a violation for each unknown code, and back. */
@Component
class UnitResolver {

    private final Organisation organisation;

    UnitResolver(Organisation organisation) {
        this.organisation = organisation;
    }

    /** A lookup for a batch of codes, so that a document of hundreds of references makes one query. */
    Lookup lookup(Collection<String> codes) {
        return new Lookup(organisation.byCodes(new HashSet<>(codes)));
    }

    Function<Long, String> codes(Collection<Long> ids) {
        Map<Long, Unit> units = organisation.byIds(new HashSet<>(ids));
        return id -> {
            Unit unit = units.get(id);
            return unit != null ? unit.code() : organisation.unit(id).code();
        };
    }

    /** Resolved codes; unknown ones become violations under the given field. */
    static final class Lookup {
        private final Map<String, Unit> units;
        private final List<Violation> violations = new ArrayList<>();

        Lookup(Map<String, Unit> units) {
            this.units = units;
        }

        @Nullable Long id(@Nullable String code, String field) {
            if (code == null) {
                return null;
            }
            Unit unit = units.get(code);
            if (unit == null) {
                violations.add(new Violation(field, "error.unit.not-found", code));
                return null;
            }
            return unit.id();
        }

        List<Long> ids(List<String> codes, String field) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                Long id = id(codes.get(i), field + "[" + i + "]");
                if (id != null) {
                    ids.add(id);
                }
            }
            return ids;
        }

        List<Violation> violations() {
            return violations;
        }

        void throwIfInvalid(List<Violation> more) {
            List<Violation> all = new ArrayList<>(violations);
            all.addAll(more);
            if (!all.isEmpty()) {
                throw new InvalidInputException(all);
            }
        }
    }
}
