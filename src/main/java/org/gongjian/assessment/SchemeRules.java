package org.gongjian.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongjian.programme.HonourLevel;
import org.gongjian.programme.HonourStatus;
import org.gongjian.shared.InvalidInputException.Violation;

/**
 * The configurable numbers of a scoring scheme (评分办法). The four base components are averaged or
 * deducted into their weights; honours add a capped bonus.
 *
 * <ul>
 * <li>Attainment, timeliness and quality: each item earns a fraction of full credit; the component gives
 * {@code weight × Σ(share × fraction) / Σ share}, so it can never exceed its weight.</li>
 * <li>Supervision starts at its weight and loses points per notice answered late, left unanswered, or
 * escalated to 督办 or 通报; the deductions stop at {@code cap} (扣完为止).</li>
 * <li>Honours add points by level, a co-unit its share, up to {@code cap} (加分封顶).</li>
 * </ul>
 *
 * @param coUnitShare the credit a co-unit (配合单位) earns from an item, the lead unit earning 1
 * @param tieBreak    the components compared, in order, when totals are equal; units still equal share a rank
 */
public record SchemeRules(
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal coUnitShare,
        @NotNull @Valid Attainment attainment,
        @NotNull @Valid Timeliness timeliness,
        @NotNull @Valid Supervision supervision,
        @NotNull @Valid Quality quality,
        @NotNull @Valid Honours honours,
        @NotNull @Size(max = 4) List<@NotNull Component> tieBreak,
        @Min(1) @Max(60) int appealWindowWorkdays,
        @Min(1) @Max(60) int appealAnswerWorkdays) {

    /** 目标完成: each target's progress against time progress, capped at full credit. */
    public record Attainment(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal weight) {
    }

    /** 按时推进: milestones and reports on time earn full credit, late ones {@code lateCredit}, missed none. */
    public record Timeliness(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal weight,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal lateCredit) {
    }

    /** 督查督办: points deducted per notice outcome, at most {@code cap} in all. */
    public record Supervision(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal weight,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal cap,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal answeredLate,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal unanswered,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal supervise,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal bulletin) {
    }

    /** 报送质量: the fraction of full credit each grade earns. */
    public record Quality(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal weight,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal excellent,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal good,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal fair,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal poor) {

        public BigDecimal fraction(Grade grade) {
            return switch (grade) {
                case EXCELLENT -> excellent;
                case GOOD -> good;
                case FAIR -> fair;
                case POOR -> poor;
            };
        }
    }

    /** 争先创优加分: points per honour by level, for honours in these statuses, at most {@code cap}. */
    public record Honours(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal cap,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal national,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal provincial,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal municipal,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal county,
            @NotNull @Size(min = 1, max = 5) List<@NotNull HonourStatus> statuses) {

        public BigDecimal points(HonourLevel level) {
            return switch (level) {
                case NATIONAL -> national;
                case PROVINCIAL -> provincial;
                case MUNICIPAL -> municipal;
                case COUNTY -> county;
            };
        }
    }

    /** The full marks of the base: the sum of the four base weights. */
    public BigDecimal fullMarks() {
        return attainment.weight.add(timeliness.weight).add(supervision.weight).add(quality.weight);
    }

    /** A base component's weight; for honours, the cap. */
    public BigDecimal weight(Component component) {
        return switch (component) {
            case ATTAINMENT -> attainment.weight;
            case TIMELINESS -> timeliness.weight;
            case SUPERVISION -> supervision.weight;
            case QUALITY -> quality.weight;
            case HONOURS -> honours.cap;
        };
    }

    /** Rules that span fields: full marks above zero, a tie-break of distinct base components. */
    public List<Violation> crossFieldViolations() {
        List<Violation> violations = new ArrayList<>();
        if (fullMarks().signum() <= 0) {
            violations.add(new Violation("attainment.weight", "error.assessment.scheme.no-weight"));
        }
        Set<Component> seen = new HashSet<>();
        for (Component c : tieBreak) {
            if (!c.base() || !seen.add(c)) {
                violations.add(new Violation("tieBreak", "error.assessment.scheme.tie-break", c));
            }
        }
        return violations;
    }
}
