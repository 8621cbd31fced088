package org.gongjian.industry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongjian.audit.AuditLog;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.DemoRegister;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.EnterpriseFigures;
import org.gongjian.enterprise.FigureData;
import org.gongjian.enterprise.FigureSource;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.enterprise.Uscc;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start of an empty ledger, the demo (fixed seed, every record flagged demo, 「演示」 on the pages):
 * food firms with 2023–2025 figures that move item 6's bracket targets (one reaches 50亿 in 2024, one stands
 * at exactly 10亿 in 2024), the 水暖卫浴 cluster at the article's size ({@link DemoCluster}, inserted in
 * batches), the food plan 2024–2035 and the
 * low-altitude economy plan 2024–2030 with their targets and layouts. Then the figures are published, so
 * that items 2, 6 and 7's targets show them with source LEDGER.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoIndustryLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoIndustryLoader.class);
    private static final BigDecimal YI = new BigDecimal("100000000");
    private static final int[] YEARS = {2023, 2024, 2025};

    /** Food firms: name, town, GB/T 4754 class, output in 亿元 for 2023, 2024, 2025. */
    private static final Object[][] FOOD = {
        {"开平侨乡调味食品有限公司", "shuikou", "C1462", new double[] {46, 50.2, 54.6}},
        {"开平潭江粮油有限公司", "sanbu", "C1331", new double[] {28, 30.1, 32.6}},
        {"开平碉楼饮料有限公司", "tangkou", "C1523", new double[] {22, 23.4, 25.1}},
        {"开平赤坎腊味食品有限公司", "chikan", "C1353", new double[] {19, 19.8, 21.2}},
        {"开平水口冷链食品有限公司", "shuikou", "C1392", new double[] {13, 14.1, 14.9}},
        {"开平马冈鹅食品有限公司", "magang", "C1352", new double[] {11, 11.5, 12.2}},
        {"开平大沙茶业有限公司", "dasha", "C1530", new double[] {9.6, 10, 10.4}},
        {"开平月山米粉有限公司", "yueshan", "C1432", new double[] {9.2, 9.7, 10.3}},
        {"开平苍城酒业有限公司", "cangcheng", "C1512", new double[] {8.5, 8.8, 9.3}},
    };
    private static final String[] SMALL_FOOD = {"金鸡", "赤水", "龙胜", "沙塘", "百合", "蚬冈", "翠山湖", "长沙", "三埠",
        "塘口", "马冈", "月山", "水口", "大沙", "苍城"};
    private static final String[] FOOD_KINDS = {"饼食", "豆制品", "米粉", "腐乳", "凉果", "烧腊", "水产品", "饮品"};
    private static final String[] FOOD_CLASSES = {"C1419", "C1391", "C1432", "C1462", "C1499", "C1353", "C1361", "C1529"};

    private final Enterprises enterprises;
    private final EnterpriseFigures figures;
    private final DemoRegister demoRegister;
    private final Plans plans;
    private final IndustryFeed feed;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final boolean enabled;

    DemoIndustryLoader(Enterprises enterprises, EnterpriseFigures figures, DemoRegister demoRegister, Plans plans, IndustryFeed feed, JdbcClient jdbc,
            AuditLog audit, TransactionTemplate tx, @Value("${gongjian.demo.enabled:true}") boolean enabled) {
        this.enterprises = enterprises;
        this.figures = figures;
        this.demoRegister = demoRegister;
        this.plans = plans;
        this.feed = feed;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        Map<String, Integer> loaded = tx.execute(status -> {
            if (jdbc.sql("select count(*) from industry_plan").query(Integer.class).single() > 0) {
                return null;
            }
            Map<String, Integer> counts = load(new Random(20241205L));
            audit.created("industry-demo", "industry/demo-2024", counts);
            counts.put("generatedMs", (int) ((System.nanoTime() - started) / 1_000_000));
            counts.put("published", feed.publish());
            return counts;
        });
        if (loaded != null) {
            log.info("First start: demo industry ledger loaded in {} ms ({} ms generating and inserting, the rest publishing): {}",
                    (System.nanoTime() - started) / 1_000_000, loaded.remove("generatedMs"), loaded);
        }
    }

    Map<String, Integer> load(Random random) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Enterprise> food = new ArrayList<>();
        for (Object[] f : FOOD) {
            boolean listed = f[0].toString().startsWith("开平侨乡");
            Enterprise e = firm(random, f[0].toString(), f[1].toString(), f[2].toString(), List.of(), true,
                    listed ? "SZSE" : null, listed ? LocalDate.of(2025, 6, 18) : null);
            double[] output = (double[]) f[3];
            for (int i = 0; i < YEARS.length; i++) {
                figures(e, YEARS[i], BigDecimal.valueOf(output[i]).multiply(YI), random);
            }
            food.add(e);
        }
        // small food firms: their 2023 output makes the sector's 2023 output 250亿元, the plan's baseline
        BigDecimal rest = new BigDecimal("83.7").multiply(YI);
        double[] weights = new double[SMALL_FOOD.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 0.6 + random.nextDouble() * 0.8;
            sum += weights[i];
        }
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < SMALL_FOOD.length; i++) {
            BigDecimal base = i == SMALL_FOOD.length - 1 ? rest.subtract(given)
                    : rest.multiply(BigDecimal.valueOf(weights[i] / sum)).setScale(-4, RoundingMode.HALF_UP);
            given = given.add(base);
            int kind = random.nextInt(FOOD_KINDS.length);
            Enterprise e = firm(random, "开平" + SMALL_FOOD[i] + FOOD_KINDS[kind] + "食品有限公司",
                    town(SMALL_FOOD[i]), FOOD_CLASSES[kind], List.of(), true, null, null);
            double growth = 1.03 + random.nextDouble() * 0.03;
            for (int y = 0; y < YEARS.length; y++) {
                figures(e, YEARS[y], base.multiply(BigDecimal.valueOf(Math.pow(growth, y))).setScale(-4, RoundingMode.HALF_UP),
                        random);
            }
            food.add(e);
        }
        counts.put("foodFirms", food.size());
        counts.put("clusterFirms", demoRegister.load(DemoCluster.generate(random), "industry/demo-cluster"));
        counts.put("plans", DemoPlans.load(plans, food));
        return counts;
    }

    private Enterprise firm(Random random, String name, String town, String industry, List<String> clusters,
            boolean aboveScale, @Nullable String exchange, @Nullable LocalDate listed) {
        StringBuilder code = new StringBuilder("91440783");
        code.append("MA");
        for (int i = 0; i < 7; i++) {
            code.append("0123456789ABCDEFGHJKLMNPQRTUWXY".charAt(random.nextInt(31)));
        }
        String uscc = code + String.valueOf(Uscc.checkCharacter(code.toString()));
        return enterprises.findOrRegister(new EnterpriseData(uscc, name, town, null, industry, clusters, aboveScale, exchange,
                listed), true);
    }

    private void figures(Enterprise e, int year, BigDecimal output, Random random) {
        double exportShare = 0.02 + random.nextDouble() * 0.08;
        figures.record(e.uscc(), new FigureData(year, null, output,
                output.multiply(new BigDecimal("0.95")).setScale(-4, RoundingMode.HALF_UP),
                BigDecimal.valueOf(output.doubleValue() * exportShare / 7.1).setScale(-4, RoundingMode.HALF_UP),
                output.multiply(new BigDecimal("0.03")).setScale(-2, RoundingMode.HALF_UP),
                output.divide(new BigDecimal("1500000"), 0, RoundingMode.HALF_UP).intValue()), FigureSource.DEMO, true, null);
    }

    private static String town(String name) {
        return switch (name) {
            case "金鸡" -> "jinji";
            case "赤水" -> "chishui";
            case "龙胜" -> "longsheng";
            case "沙塘" -> "shatang";
            case "百合" -> "baihe";
            case "蚬冈" -> "xiangang";
            case "翠山湖" -> "cuishanhu";
            case "长沙" -> "changsha";
            case "三埠" -> "sanbu";
            case "塘口" -> "tangkou";
            case "马冈" -> "magang";
            case "月山" -> "yueshan";
            case "水口" -> "shuikou";
            case "大沙" -> "dasha";
            default -> "cangcheng";
        };
    }

    static BigDecimal yi(String value) {
        return new BigDecimal(value).multiply(YI);
    }
}
