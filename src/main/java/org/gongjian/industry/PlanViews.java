package org.gongjian.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongjian.enterprise.EnterpriseFigures;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A plan as its page and API show it: each target's yearly path beside what the ledger counts for each year. */
@Service
@Transactional(readOnly = true)
public class PlanViews {

    /** One year of a target: its slice and the ledger's figure (null when the year has none yet). */
    public record YearRow(int year, BigDecimal planned, @Nullable BigDecimal actual) {

        /** The actual against the slice in percent, or null. */
        public @Nullable BigDecimal percent() {
            return actual == null || planned.signum() == 0 ? null
                    : actual.multiply(BigDecimal.valueOf(100)).divide(planned, 1, java.math.RoundingMode.HALF_UP);
        }
    }

    public record TargetView(PlanTarget target, List<YearRow> years, @Nullable BigDecimal growthPercent) {
    }

    public record PlanView(Plan plan, Sector sector, List<TargetView> targets, List<LayoutElement> elements) {
    }

    private final Plans plans;
    private final IndustryCatalogue catalogue;
    private final IndustryFigures industry;
    private final EnterpriseFigures figures;

    PlanViews(Plans plans, IndustryCatalogue catalogue, IndustryFigures industry, EnterpriseFigures figures) {
        this.plans = plans;
        this.catalogue = catalogue;
        this.industry = industry;
        this.figures = figures;
    }

    public PlanView view(String code) {
        Plan plan = plans.plan(code);
        Map<String, Map<Integer, BigDecimal>> actuals = actuals(plan);
        List<TargetView> targets = plans.targets(plan).stream().map(t -> {
            Map<Integer, BigDecimal> actual = actuals.getOrDefault(t.indicatorCode(), Map.of());
            List<YearRow> years = t.path().stream().map(s -> new YearRow(s.year(), s.value(), actual.get(s.year()))).toList();
            BigDecimal growth = t.pathKind() == PathKind.COMPOUND
                    ? PlanPath.growthPercent(t.baselineYear(), t.baselineValue(), t.targetYear(), t.targetValue()) : null;
            return new TargetView(t, years, growth);
        }).toList();
        return new PlanView(plan, catalogue.sector(plan.sectorCode()), targets, plans.elements(plan));
    }

    /** City-wide figures by indicator and year, for every year with figures and for the layouts' year ends. */
    private Map<String, Map<Integer, BigDecimal>> actuals(Plan plan) {
        Map<String, Map<Integer, BigDecimal>> byCode = new TreeMap<>();
        LocalDate today = figures.asOf(EnterpriseFigures.LAST_YEAR);
        for (int year : figures.years()) {
            industry.figures(year).stream().filter(f -> f.unit().isEmpty())
                    .forEach(f -> byCode.computeIfAbsent(f.indicator(), k -> new TreeMap<>()).put(year, f.value()));
        }
        for (int year = plan.startYear(); year <= Math.min(plan.horizonYear(), today.getYear()); year++) {
            LocalDate end = LocalDate.of(year, 12, 31);
            int y = year;
            plans.builtCounts(end.isAfter(today) ? today : end).forEach((code, n) ->
                    byCode.computeIfAbsent(code, k -> new TreeMap<>()).put(y, BigDecimal.valueOf(n)));
        }
        return byCode;
    }
}
