package org.gongjian.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A unit's score for a period: each component with its items, the factor by which the base is scaled
 * when a component did not apply, and the total (base × scale + honours bonus).
 *
 * @param ranked whether the unit had anything to assess (targets, milestones, reports or ratings); a
 *               unit with nothing is listed but not ranked
 */
public record UnitScore(long unitId, boolean ranked, List<ComponentScore> components, BigDecimal scale,
        BigDecimal total) {

    public Optional<ComponentScore> component(Component component) {
        return components.stream().filter(c -> c.component() == component).findFirst();
    }

    /** A base component's points as they count in the total (scaled), or a bonus's points. */
    public BigDecimal counted(Component component) {
        return component(component).filter(ComponentScore::applicable)
                .map(c -> component.base() ? c.points().multiply(scale) : c.points())
                .orElse(BigDecimal.ZERO);
    }

    public Optional<ItemScore> item(String key) {
        return components.stream().flatMap(c -> c.items().stream()).filter(i -> i.fact().key().equals(key)).findFirst();
    }
}
