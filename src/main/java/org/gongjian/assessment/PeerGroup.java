package org.gongjian.assessment;

import java.util.Arrays;
import java.util.Optional;
import org.gongjian.organisation.UnitKind;
import org.gongjian.shared.InvalidInputException;

/**
 * The groups units are ranked within (分类考核): the towns and subdistricts with the 翠山湖 management
 * committee, and the city's departments. A town is never ranked against a department.
 */
public enum PeerGroup {
    TOWNS("towns"), DEPARTMENTS("departments");

    private final String code;

    PeerGroup(String code) {
        this.code = code;
    }

    /** The code used in URLs: towns, departments. */
    public String code() { return code; }

    public String messageKey() { return "assessment.group." + code; }

    /** The group a kind of unit is ranked in; none for the government, outside bodies, consortia and the like. */
    public static Optional<PeerGroup> of(UnitKind kind) {
        if (kind.isTownLevel()) {
            return Optional.of(TOWNS);
        }
        return kind == UnitKind.DEPARTMENT ? Optional.of(DEPARTMENTS) : Optional.empty();
    }

    public static PeerGroup parse(String text) {
        return Arrays.stream(values()).filter(g -> g.code.equalsIgnoreCase(text.trim()) || g.name().equalsIgnoreCase(text.trim()))
                .findFirst().orElseThrow(() -> new InvalidInputException("group", "error.assessment.group", text));
    }
}
