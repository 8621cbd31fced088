package org.gongjian.industry;

import static org.gongjian.industry.DemoIndustryLoader.yi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;

/**
 * The two plans of the article as demo data: the food plan 2024–2035 (400亿元, brackets, 5–8 listed firms,
 * 一核一园多区) and the low-altitude economy plan 2024–2030 (three directions, 一带一平台两园N节点). Issuers,
 * baselines, intermediate points and places are assumptions of the demo.
 */
final class DemoPlans {

    static final String FOOD = "food-2035";
    static final String LOWALT = "lowalt-2030";
    private static final String KAIPING_POINT = "{\"type\":\"Point\",\"coordinates\":[%s,%s]}";

    private DemoPlans() {
    }

    static int load(Plans plans, List<Enterprise> foodFirms) {
        plans.create(new PlanData(FOOD, "开平市食品产业发展规划（2024-2035年）", "food", "开平市人民政府",
                LocalDate.of(2024, 7, 1), 2024, 2035, "一核一园多区", "标准化原料生产；产品加工；仓储物流；消费流通"), true);
        target(plans, FOOD, "output", "食品产业规模达到400亿元以上", IndustryFigures.output("food"), UnitOfMeasure.YUAN,
                yi("250"), yi("400"), PathKind.COMPOUND, Map.of());
        target(plans, FOOD, "firms-50yi", "产值规模超50亿元企业", IndustryFigures.firmsAbove("food", "50yi"),
                UnitOfMeasure.ENTERPRISES, BigDecimal.ZERO, BigDecimal.ONE, PathKind.POINTS, Map.of(2028, BigDecimal.ONE));
        target(plans, FOOD, "firms-20yi", "产值规模超20亿元企业", IndustryFigures.firmsAbove("food", "20yi"),
                UnitOfMeasure.ENTERPRISES, BigDecimal.valueOf(3), BigDecimal.valueOf(3), PathKind.POINTS,
                Map.of(2030, BigDecimal.valueOf(3)));
        target(plans, FOOD, "firms-10yi", "产值规模超10亿元企业", IndustryFigures.firmsAbove("food", "10yi"),
                UnitOfMeasure.ENTERPRISES, BigDecimal.valueOf(6), BigDecimal.valueOf(8), PathKind.POINTS,
                Map.of(2027, BigDecimal.valueOf(7), 2030, BigDecimal.valueOf(8)));
        target(plans, FOOD, "listed", "食品产业链上市企业（新增5-8家）", "industry.listed.food", UnitOfMeasure.ENTERPRISES,
                BigDecimal.ZERO, BigDecimal.valueOf(5), PathKind.POINTS, Map.of(2027, BigDecimal.ONE, 2030, BigDecimal.valueOf(3)));
        element(plans, FOOD, "food.core", "食品产业发展核心区", ElementKind.CORE, "shuikou", point("112.64", "22.33"), null,
                foodFirms.subList(0, 2));
        element(plans, FOOD, "food.park", "翠山湖食品产业园", ElementKind.PARK, "cuishanhu",
                "{\"type\":\"Polygon\",\"coordinates\":[[[112.60,22.40],[112.64,22.40],[112.64,22.43],[112.60,22.43],[112.60,22.40]]]}",
                LocalDate.of(2025, 9, 30), foodFirms.subList(2, 5));
        element(plans, FOOD, "food.area.chikan", "赤坎特色食品集聚区", ElementKind.AREA, "chikan", null, null,
                foodFirms.subList(3, 4));
        element(plans, FOOD, "food.area.magang", "马冈鹅产业集聚区", ElementKind.AREA, "magang", null, null,
                foodFirms.subList(5, 6));
        element(plans, FOOD, "food.area.dasha", "大沙茶产业集聚区", ElementKind.AREA, "dasha", null, null,
                foodFirms.subList(6, 7));

        plans.create(new PlanData(LOWALT, "开平市低空经济产业发展规划（2024-2030年）", "lowalt", "开平市人民政府",
                LocalDate.of(2024, 4, 29), 2024, 2030, "一带、一平台、两园、N节点",
                "低空装备制造；低空会展与配套服务业；低空经济教育培训产业"), true);
        target(plans, LOWALT, "parks", "建成低空经济产业园（两园）", Plans.layoutBuilt(LOWALT, ElementKind.PARK),
                UnitOfMeasure.PIECES, BigDecimal.ZERO, BigDecimal.valueOf(2), PathKind.POINTS, Map.of(2026, BigDecimal.ONE));
        target(plans, LOWALT, "nodes", "建成低空经济应用节点", Plans.layoutBuilt(LOWALT, ElementKind.NODE),
                UnitOfMeasure.PIECES, BigDecimal.ZERO, BigDecimal.valueOf(4), PathKind.POINTS,
                Map.of(2025, BigDecimal.ONE, 2027, BigDecimal.valueOf(3)));
        element(plans, LOWALT, "lowalt.belt", "潭江低空经济产业带", ElementKind.BELT, null,
                "{\"type\":\"LineString\",\"coordinates\":[[112.55,22.38],[112.62,22.36],[112.68,22.33]]}", null, List.of());
        element(plans, LOWALT, "lowalt.platform", "低空经济综合服务平台", ElementKind.PLATFORM, "sanbu", null, null, List.of());
        element(plans, LOWALT, "lowalt.park.equipment", "低空装备制造产业园", ElementKind.PARK, "cuishanhu",
                point("112.62", "22.41"), LocalDate.of(2025, 11, 20), List.of());
        element(plans, LOWALT, "lowalt.park.expo", "低空会展与教育培训园", ElementKind.PARK, "sanbu", point("112.67", "22.37"),
                null, List.of());
        element(plans, LOWALT, "lowalt.node.chikan", "赤坎低空文旅节点", ElementKind.NODE, "chikan", point("112.59", "22.32"),
                LocalDate.of(2025, 5, 1), List.of());
        element(plans, LOWALT, "lowalt.node.tangkou", "塘口低空文旅节点", ElementKind.NODE, "tangkou", point("112.52", "22.36"),
                null, List.of());
        element(plans, LOWALT, "lowalt.node.shuikou", "水口低空物流节点", ElementKind.NODE, "shuikou", null, null, List.of());
        return 2;
    }

    private static String point(String lng, String lat) {
        return String.format(KAIPING_POINT, lng, lat);
    }

    private static void target(Plans plans, String plan, String code, String name, String indicator, UnitOfMeasure unit,
            BigDecimal baseline, BigDecimal target, PathKind kind, Map<Integer, BigDecimal> points) {
        int targetYear = plan.equals(FOOD) ? 2035 : 2030;
        plans.addTarget(plan, new PlanTargetData(code, name, indicator, unit, plan.equals(FOOD) ? 2023 : 2024, baseline,
                targetYear, target, kind, points));
    }

    private static void element(Plans plans, String plan, String code, String name, ElementKind kind, @Nullable String town,
            @Nullable String geometry, @Nullable LocalDate builtOn, List<Enterprise> firms) {
        LocalDate built = builtOn == null || builtOn.isAfter(plans.today()) ? null : builtOn;
        plans.addElement(plan, new ElementData(code, name, kind, town, null, geometry, built,
                firms.stream().map(Enterprise::uscc).toList()));
    }
}
