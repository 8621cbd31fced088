package org.gongjian.industry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gongjian.enterprise.DemoRegister.DemoFirm;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.FigureData;
import org.gongjian.enterprise.Uscc;

/**
 * The demo's 水暖卫浴 cluster at the article's size (item 7: 3000多家 firms and 个体工商户, 超6万 workers, 217.8亿元
 * of output and 超18亿美元 of exports in 2023): {@link #FIRMS} generated firms with a long tail of small workshops
 * and a few large makers, whose 2023 figures add up to {@link #OUTPUT_2023}, {@link #EXPORTS_2023} and
 * {@link #WORKERS_2023} exactly (each total is shared by weight and the rounding rest goes to the largest
 * firm); 2024 and 2025 follow each firm's own growth. Firms with 2023 output of 2000万元 or more are above scale.
 */
final class DemoCluster {

    static final int FIRMS = 3046;
    static final BigDecimal OUTPUT_2023 = new BigDecimal("21780000000");
    static final BigDecimal EXPORTS_2023 = new BigDecimal("1830000000");
    static final int WORKERS_2023 = 61200;
    static final String CLUSTER = "sanitary-ware";

    private static final BigDecimal ABOVE_SCALE = new BigDecimal("20000000");
    private static final int[] YEARS = {2023, 2024, 2025};
    private static final String[] TOWNS = {"shuikou", "shuikou", "shuikou", "shuikou", "shuikou", "cangcheng", "cangcheng",
        "sanbu", "yueshan", "shatang"};
    private static final String[] TOWN_NAMES = {"水口", "水口", "水口", "水口", "水口", "苍城", "苍城", "三埠", "月山", "沙塘"};
    private static final String[] CLASSES = {"C3072", "C3443", "C3389"};
    private static final String[] KINDS = {"水龙头", "卫浴五金", "阀门", "花洒", "陶瓷洁具", "水暖管件", "淋浴房", "铜材"};
    private static final String SYLLABLES = "华艺恒洁宏丰达美利泰安顺雅嘉骏盛祥瑞鸿海联德信和兴昌荣康宝新永金源锦";

    private DemoCluster() {
    }

    static List<DemoFirm> generate(Random random) {
        int n = FIRMS;
        double[] weight = new double[n];
        double[] exportShare = new double[n];
        double[] growth = new double[n];
        int largest = 0;
        for (int i = 0; i < n; i++) {
            weight[i] = Math.min(300, Math.pow(1 - random.nextDouble(), -1 / 1.3));   // Pareto: many workshops, few makers
            exportShare[i] = 0.4 + random.nextDouble() * 0.5;
            growth[i] = 0.97 + random.nextDouble() * 0.11;
            largest = weight[i] > weight[largest] ? i : largest;
        }
        BigDecimal[] output = share(OUTPUT_2023, weight, largest, -4);
        double[] exportWeight = new double[n];
        double[] workerWeight = new double[n];
        for (int i = 0; i < n; i++) {
            exportWeight[i] = weight[i] * exportShare[i];
            workerWeight[i] = weight[i] * (0.8 + random.nextDouble() * 0.4);
        }
        BigDecimal[] exports = share(EXPORTS_2023, exportWeight, largest, 0);
        BigDecimal[] workers = share(BigDecimal.valueOf(WORKERS_2023), workerWeight, largest, 0);
        Set<String> names = new HashSet<>();
        Set<String> codes = new HashSet<>();
        List<DemoFirm> firms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int place = random.nextInt(TOWNS.length);
            int kind = random.nextInt(KINDS.length);
            boolean above = output[i].compareTo(ABOVE_SCALE) >= 0;
            String name;
            do {
                String brand = "" + SYLLABLES.charAt(random.nextInt(SYLLABLES.length()))
                        + SYLLABLES.charAt(random.nextInt(SYLLABLES.length()));
                name = above || weight[i] > 2 ? "开平市" + brand + KINDS[kind] + "有限公司"
                        : "开平市" + TOWN_NAMES[place] + brand + KINDS[kind] + (random.nextBoolean() ? "加工厂" : "经营部");
            } while (!names.add(name));
            String uscc;
            do {
                StringBuilder code = new StringBuilder(above || weight[i] > 2 ? "91440783MA" : "92440783MA");
                for (int c = 0; c < 7; c++) {
                    code.append("0123456789ABCDEFGHJKLMNPQRTUWXY".charAt(random.nextInt(31)));
                }
                uscc = code.toString() + Uscc.checkCharacter(code.toString());
            } while (!codes.add(uscc));
            List<FigureData> years = new ArrayList<>();
            for (int y = 0; y < YEARS.length; y++) {
                BigDecimal factor = BigDecimal.valueOf(Math.pow(growth[i], y));
                BigDecimal out = output[i].multiply(factor).setScale(-4, RoundingMode.HALF_UP).setScale(0);
                years.add(new FigureData(YEARS[y], null, out,
                        out.multiply(new BigDecimal("0.96")).setScale(-4, RoundingMode.HALF_UP).setScale(0),
                        exports[i].multiply(factor).setScale(0, RoundingMode.HALF_UP),
                        out.multiply(new BigDecimal("0.025")).setScale(2, RoundingMode.HALF_UP),
                        workers[i].multiply(BigDecimal.valueOf(Math.pow(growth[i], y * 0.5))).setScale(0, RoundingMode.HALF_UP)
                                .intValueExact()));
            }
            firms.add(new DemoFirm(new EnterpriseData(uscc, name, TOWNS[place], null, CLASSES[kind % CLASSES.length],
                    List.of(CLUSTER), above, null, null), years));
        }
        return firms;
    }

    /** The total shared by weight, rounded to 10^-scale, the rounding rest given to one firm so the parts add up. */
    static BigDecimal[] share(BigDecimal total, double[] weight, int rest, int scale) {
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        BigDecimal[] parts = new BigDecimal[weight.length];
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < weight.length; i++) {
            parts[i] = total.multiply(BigDecimal.valueOf(weight[i] / sum)).setScale(scale, RoundingMode.HALF_UP);
            if (parts[i].signum() == 0) {
                parts[i] = BigDecimal.ONE.movePointLeft(scale);
            }
            given = given.add(parts[i]);
        }
        parts[rest] = parts[rest].add(total.subtract(given));
        return parts;
    }
}
