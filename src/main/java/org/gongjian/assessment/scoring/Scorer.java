package org.gongjian.assessment.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gongjian.assessment.Adjustment;
import org.gongjian.assessment.Component;
import org.gongjian.assessment.ComponentScore;
import org.gongjian.assessment.Credit;
import org.gongjian.assessment.Fact;
import org.gongjian.assessment.Grade;
import org.gongjian.assessment.ItemScore;
import org.gongjian.assessment.SchemeRules;
import org.gongjian.assessment.UnitScore;
import org.gongjian.programme.HonourLevel;
import org.jspecify.annotations.Nullable;

/**
 * Scores one unit's facts under a scheme. Attainment, timeliness and quality average their items' credit
 * into the component's weight, each item weighted by its credit share; supervision deducts from its weight
 * down to its cap; honours add a capped bonus. When a base component has no items, the base is scaled by
 * full marks ÷ the weights that applied (the scale shown is rounded to six decimals; the total is not). Points are kept to {@value #SCALE} decimals; totals are compared
 * rounded to two.
 */
public final class Scorer {

    /** Decimals kept for points. */
    public static final int SCALE = 4;
    private static final MathContext MC = MathContext.DECIMAL64;

    private final SchemeRules rules;

    public Scorer(SchemeRules rules) {
        this.rules = rules;
    }

    /**
     * @param adjustments what upheld appeals did, by fact key
     */
    public UnitScore score(long unitId, List<Fact> facts, Map<String, Adjustment> adjustments) {
        Map<Component, List<Fact>> byComponent = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            byComponent.put(c, new ArrayList<>());
        }
        facts.forEach(f -> byComponent.get(f.component()).add(f));

        List<ComponentScore> components = new ArrayList<>();
        components.add(averaged(Component.ATTAINMENT, byComponent.get(Component.ATTAINMENT), adjustments));
        components.add(averaged(Component.TIMELINESS, byComponent.get(Component.TIMELINESS), adjustments));
        components.add(supervision(byComponent.get(Component.SUPERVISION), adjustments));
        components.add(averaged(Component.QUALITY, byComponent.get(Component.QUALITY), adjustments));
        components.add(honours(byComponent.get(Component.HONOURS), adjustments));

        boolean ranked = components.stream().anyMatch(c -> c.applicable()
                && c.component() != Component.SUPERVISION && c.component().base());
        BigDecimal applicableWeight = BigDecimal.ZERO;
        BigDecimal base = BigDecimal.ZERO;
        for (ComponentScore c : components) {
            if (c.component().base() && c.applicable()) {
                applicableWeight = applicableWeight.add(c.weight());
                base = base.add(c.points());
            }
        }
        boolean scaled = ranked && applicableWeight.signum() > 0;
        BigDecimal scaledBase = scaled ? base.multiply(rules.fullMarks(), MC).divide(applicableWeight, MC) : base;
        BigDecimal scale = scaled ? rules.fullMarks().divide(applicableWeight, MC).setScale(6, RoundingMode.HALF_UP)
                : BigDecimal.ONE.setScale(6);
        BigDecimal bonus = components.get(4).points();
        BigDecimal total = round(scaledBase.add(bonus));
        return new UnitScore(unitId, ranked, List.copyOf(components), scale, total);
    }

    private ComponentScore averaged(Component component, List<Fact> facts, Map<String, Adjustment> adjustments) {
        BigDecimal weight = rules.weight(component);
        List<BigDecimal> shares = new ArrayList<>();
        List<@Nullable BigDecimal> fractions = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Fact f : facts) {
            Adjustment adjustment = adjustments.get(f.key());
            BigDecimal fraction = adjustment == Adjustment.FULL_CREDIT ? BigDecimal.ONE : fraction(f);
            boolean counted = fraction != null && adjustment != Adjustment.EXCLUDED;
            BigDecimal share = counted ? share(f.credit()) : BigDecimal.ZERO;
            shares.add(share);
            fractions.add(counted ? fraction : null);
            total = total.add(share);
        }
        boolean applicable = total.signum() > 0 && weight.signum() > 0;
        List<ItemScore> items = new ArrayList<>();
        BigDecimal points = BigDecimal.ZERO;
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            BigDecimal fraction = fractions.get(i);
            BigDecimal gave = BigDecimal.ZERO;
            BigDecimal lost = BigDecimal.ZERO;
            if (applicable && fraction != null) {
                BigDecimal full = weight.multiply(shares.get(i), MC).divide(total, MC);
                gave = full.multiply(fraction, MC);
                lost = full.subtract(gave);
                points = points.add(gave);
            }
            items.add(new ItemScore(f, shares.get(i), fraction == null ? null : round(fraction), round(gave),
                    round(lost), adjustments.get(f.key())));
        }
        return new ComponentScore(component, applicable, weight, round(points), false, List.copyOf(items));
    }

    /** An averaged item's fraction of full credit; null when it cannot be scored and is left out. */
    @Nullable BigDecimal fraction(Fact f) {
        return switch (f.outcome()) {
            case MET, ON_TIME -> BigDecimal.ONE;
            case NOT_REPORTED, MISSED -> BigDecimal.ZERO;
            case LATE -> rules.timeliness().lateCredit();
            case PROGRESS -> pace(f.progress(), f.timeProgress());
            case RATED_EXCELLENT -> rules.quality().fraction(Grade.EXCELLENT);
            case RATED_GOOD -> rules.quality().fraction(Grade.GOOD);
            case RATED_FAIR -> rules.quality().fraction(Grade.FAIR);
            case RATED_POOR -> rules.quality().fraction(Grade.POOR);
            default -> null;
        };
    }

    /** Progress against time progress, between 0 and 1: being ahead of time earns no more than full credit. */
    static @Nullable BigDecimal pace(@Nullable Double progress, @Nullable Double timeProgress) {
        if (progress == null || timeProgress == null || timeProgress <= 0) {
            return null;
        }
        BigDecimal ratio = BigDecimal.valueOf(progress).divide(BigDecimal.valueOf(timeProgress), MC);
        return ratio.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    private ComponentScore supervision(List<Fact> facts, Map<String, Adjustment> adjustments) {
        SchemeRules.Supervision s = rules.supervision();
        List<ItemScore> items = new ArrayList<>();
        BigDecimal deducted = BigDecimal.ZERO;
        for (Fact f : facts) {
            Adjustment adjustment = adjustments.get(f.key());
            BigDecimal cost = adjustment != null ? BigDecimal.ZERO : switch (f.outcome()) {
                case ANSWERED_LATE -> s.answeredLate();
                case UNANSWERED -> s.unanswered();
                case ESCALATED_SUPERVISE -> s.supervise();
                case ESCALATED_BULLETIN -> s.bulletin();
                default -> BigDecimal.ZERO;
            };
            deducted = deducted.add(cost);
            items.add(new ItemScore(f, BigDecimal.ONE, null, round(cost.negate()), round(cost), adjustment));
        }
        boolean capped = deducted.compareTo(s.cap()) > 0;
        BigDecimal points = s.weight().subtract(deducted.min(s.cap())).max(BigDecimal.ZERO);
        return new ComponentScore(Component.SUPERVISION, s.weight().signum() > 0, s.weight(), round(points), capped,
                List.copyOf(items));
    }

    private ComponentScore honours(List<Fact> facts, Map<String, Adjustment> adjustments) {
        SchemeRules.Honours h = rules.honours();
        List<ItemScore> items = new ArrayList<>();
        BigDecimal bonus = BigDecimal.ZERO;
        for (Fact f : facts) {
            Adjustment adjustment = adjustments.get(f.key());
            BigDecimal share = share(f.credit());
            BigDecimal gave = adjustment == Adjustment.EXCLUDED ? BigDecimal.ZERO
                    : h.points(level(f)).multiply(share, MC);
            bonus = bonus.add(gave);
            items.add(new ItemScore(f, share, null, round(gave), BigDecimal.ZERO.setScale(SCALE), adjustment));
        }
        boolean capped = bonus.compareTo(h.cap()) > 0;
        return new ComponentScore(Component.HONOURS, !facts.isEmpty(), h.cap(), round(bonus.min(h.cap())), capped,
                List.copyOf(items));
    }

    private static HonourLevel level(Fact f) {
        return switch (f.outcome()) {
            case HONOUR_NATIONAL -> HonourLevel.NATIONAL;
            case HONOUR_PROVINCIAL -> HonourLevel.PROVINCIAL;
            case HONOUR_MUNICIPAL -> HonourLevel.MUNICIPAL;
            case HONOUR_COUNTY -> HonourLevel.COUNTY;
            default -> throw new IllegalArgumentException("Not an honour: " + f);
        };
    }

    BigDecimal share(Credit credit) {
        return credit == Credit.CO_UNIT ? rules.coUnitShare() : BigDecimal.ONE;
    }

    static BigDecimal round(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
