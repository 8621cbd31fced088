package org.gongjian.industry.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.EnterpriseFigures;
import org.gongjian.industry.Cluster;
import org.gongjian.industry.ClusterTotals;
import org.gongjian.industry.IndustryCatalogue;
import org.gongjian.industry.IndustryFigures;
import org.gongjian.industry.LayoutElement;
import org.gongjian.industry.PlanViews;
import org.gongjian.industry.Plans;
import org.gongjian.industry.Sector;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The industry ledger's pages: the year's brackets and clusters with the plans, and a plan with paths and layout. */
@Controller
class IndustryPageController {

    /** A sector's line of the overview: output and firms per bracket. */
    record SectorRow(Sector sector, BigDecimal outputYi, List<org.gongjian.industry.BracketCount> brackets) {
    }

    /** A target on the plan page: its baseline and target as read (亿元 for money), and its chart's data. */
    record TargetRow(PlanViews.TargetView t, boolean money, String axis, String baseline, String target, String chart) {
    }

    /** A cluster's line of the overview. */
    record ClusterRow(Cluster cluster, ClusterTotals totals) {
    }

    private static final BigDecimal YI = new BigDecimal("100000000");

    private final IndustryCatalogue catalogue;
    private final IndustryFigures industry;
    private final EnterpriseFigures figures;
    private final Plans plans;
    private final PlanViews views;
    private final JsonMapper json;

    IndustryPageController(IndustryCatalogue catalogue, IndustryFigures industry, EnterpriseFigures figures, Plans plans,
            PlanViews views, JsonMapper json) {
        this.catalogue = catalogue;
        this.industry = industry;
        this.figures = figures;
        this.plans = plans;
        this.views = views;
        this.json = json;
    }

    @GetMapping("/industry")
    @PreAuthorize("hasAuthority('industry:plan:read')")
    String overview(@RequestParam(required = false) @Nullable Integer year, Model model) {
        List<Integer> years = figures.years();
        int y = year != null ? year : years.stream().findFirst().orElse(figures.asOf(EnterpriseFigures.LAST_YEAR).getYear());
        List<SectorRow> sectors = new ArrayList<>();
        for (Sector s : catalogue.sectors()) {
            sectors.add(new SectorRow(s, yi(industry.sectorOutput(s.code(), y)), industry.bracketCounts(s.code(), y)));
        }
        model.addAttribute("year", y);
        model.addAttribute("years", years);
        model.addAttribute("sectors", sectors);
        model.addAttribute("brackets", catalogue.allBrackets());
        model.addAttribute("clusters", catalogue.clusters().stream()
                .map(c -> new ClusterRow(c, industry.clusterTotals(c.code(), y))).toList());
        model.addAttribute("plans", plans.all());
        return "industry/overview";
    }

    @GetMapping("/industry/plans/{plan}")
    @PreAuthorize("hasAuthority('industry:plan:read')")
    String plan(@PathVariable String plan, Model model) {
        PlanViews.PlanView view = views.view(plan);
        model.addAttribute("v", view);
        List<TargetRow> rows = new ArrayList<>();
        for (PlanViews.TargetView t : view.targets()) {
            boolean money = t.target().unit().dimension() == UnitOfMeasure.Dimension.MONEY;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("years", t.years().stream().map(PlanViews.YearRow::year).toList());
            c.put("planned", t.years().stream().map(r -> money ? yi(r.planned()) : r.planned()).toList());
            c.put("actual", t.years().stream().map(r -> r.actual() == null ? null : money ? yi(r.actual()) : r.actual()).toList());
            String unit = money ? "亿" + t.target().unit().zh() : t.target().unit().zh();
            rows.add(new TargetRow(t, money, unit, t.target().baselineYear() + "：" + plain(t.target().baselineValue(), money) + unit,
                    t.target().targetYear() + "：" + plain(t.target().targetValue(), money) + unit, json.writeValueAsString(c)));
        }
        model.addAttribute("targets", rows);
        model.addAttribute("layout", json.writeValueAsString(layout(view)));
        return "industry/plan";
    }

    /** The layout as a graph (the plan, its elements, their firms) with the elements' geometry when known. */
    private Map<String, Object> layout(PlanViews.PlanView view) {
        Map<Long, Enterprise> firms = plans.firms(view.plan());
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        List<Map<String, Object>> shapes = new ArrayList<>();
        nodes.add(Map.of("id", "plan", "name", view.plan().layoutMotto() == null ? view.plan().name()
                : view.plan().layoutMotto(), "category", 0));
        for (LayoutElement e : view.elements()) {
            String id = "e" + e.id();
            nodes.add(Map.of("id", id, "name", e.name(), "category", 1, "kind", e.kind().name(),
                    "built", e.builtOn() != null));
            links.add(Map.of("source", "plan", "target", id));
            for (Long f : e.firmIds()) {
                Enterprise firm = firms.get(f);
                if (firm != null) {
                    String fid = "f" + f;
                    if (nodes.stream().noneMatch(n -> fid.equals(n.get("id")))) {
                        nodes.add(Map.of("id", fid, "name", firm.name(), "category", 2));
                    }
                    links.add(Map.of("source", id, "target", fid));
                }
            }
            if (e.geometry() != null) {
                shapes.add(Map.of("name", e.name(), "kind", e.kind().name(), "geometry", json.readTree(e.geometry())));
            }
        }
        return Map.of("nodes", nodes, "links", links, "shapes", shapes);
    }

    private static String plain(BigDecimal value, boolean money) {
        return (money ? yi(value) : value).stripTrailingZeros().toPlainString();
    }

    private static BigDecimal yi(BigDecimal yuan) {
        return yuan.divide(YI, 2, RoundingMode.HALF_UP);
    }
}
