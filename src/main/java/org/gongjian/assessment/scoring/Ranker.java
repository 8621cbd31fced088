package org.gongjian.assessment.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.assessment.Component;
import org.gongjian.assessment.UnitScore;

/**
 * Ranks the scores of one peer group. The tie-break, as documented in ADR 0050: the higher total
 * (to two decimals) ranks first; on equal totals, the scheme's tie-break components are compared in
 * order, each as it counts in the total (to two decimals); units still equal share a rank and the next
 * rank is skipped (1, 2, 2, 4). Units with nothing to assess are not ranked.
 */
public final class Ranker {

    private final List<Component> tieBreak;

    public Ranker(List<Component> tieBreak) {
        this.tieBreak = List.copyOf(tieBreak);
    }

    /** The rank of each ranked unit by id, best first (insertion order is rank order). */
    public Map<Long, Integer> rank(List<UnitScore> scores) {
        Comparator<UnitScore> order = Comparator.comparing((UnitScore s) -> two(s.total())).reversed();
        for (Component c : tieBreak) {
            order = order.thenComparing(Comparator.comparing((UnitScore s) -> two(s.counted(c))).reversed());
        }
        List<UnitScore> ranked = new ArrayList<>(scores.stream().filter(UnitScore::ranked).toList());
        ranked.sort(order.thenComparingLong(UnitScore::unitId));
        Map<Long, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            UnitScore s = ranked.get(i);
            boolean tiedWithPrevious = i > 0 && order.compare(ranked.get(i - 1), s) == 0;
            ranks.put(s.unitId(), tiedWithPrevious ? ranks.get(ranked.get(i - 1).unitId()) : i + 1);
        }
        return ranks;
    }

    private static BigDecimal two(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
