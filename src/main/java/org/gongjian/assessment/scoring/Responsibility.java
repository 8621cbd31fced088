package org.gongjian.assessment.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.gongjian.assessment.Credit;
import org.jspecify.annotations.Nullable;

/**
 * Who an item counts for. A target scoped to a ranked unit (a town's own share of a city-wide task)
 * counts for that unit alone, as its own; any other target, milestone or honour of an initiative counts
 * for its lead unit in full and for each co-unit with the scheme's share. Units outside the peer groups
 * (the government, outside bodies, consortia) earn nothing. Progress reports are owed by the unit a
 * target counts for in full: the scoped unit, else the lead unit (一事一报，牵头单位报送).
 */
public final class Responsibility {

    private Responsibility() {
    }

    /** A unit and why an item counts for it. */
    public record Credited(long unitId, Credit credit) {
    }

    public static List<Credited> ofTarget(@Nullable Long scopeUnitId, long leadUnitId, List<Long> coUnitIds,
            LongPredicate ranked) {
        if (scopeUnitId != null && ranked.test(scopeUnitId)) {
            return List.of(new Credited(scopeUnitId, Credit.OWN));
        }
        return ofInitiative(leadUnitId, coUnitIds, ranked);
    }

    public static List<Credited> ofInitiative(long leadUnitId, List<Long> coUnitIds, LongPredicate ranked) {
        List<Credited> credited = new ArrayList<>();
        if (ranked.test(leadUnitId)) {
            credited.add(new Credited(leadUnitId, Credit.LEAD));
        }
        coUnitIds.stream().distinct().filter(id -> id != leadUnitId && ranked.test(id))
                .forEach(id -> credited.add(new Credited(id, Credit.CO_UNIT)));
        return credited;
    }

    /** The unit that reports progress on a target, if it is ranked. */
    public static @Nullable Long reporter(@Nullable Long scopeUnitId, long leadUnitId, LongPredicate ranked) {
        if (scopeUnitId != null && ranked.test(scopeUnitId)) {
            return scopeUnitId;
        }
        return ranked.test(leadUnitId) ? leadUnitId : null;
    }
}
