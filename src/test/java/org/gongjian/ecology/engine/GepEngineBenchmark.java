package org.gongjian.ecology.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluating a county's inventory: 100,000 stands over 15 towns and 9 forest types, GB/T 38582 with
 * the d-factor, every default service, and the carbon sink by stock difference. Run with the command
 * in docs/performance.md: JMH for the time per evaluation, or {@link #main} for the CPU time the
 * evaluating thread used, which a busy machine distorts far less than the wall clock.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class GepEngineBenchmark {

    private static final String[] TYPES = {"EUCALYPTUS", "MASSON_PINE", "CHINESE_FIR", "BROADLEAF_MIXED",
        "CONIFER_BROADLEAF_MIXED", "ACACIA", "SLASH_PINE", "OTHER_BROADLEAF", "CONIFER_MIXED"};
    private static final String[] TOWNS = {"chishui", "jinji", "baihe", "cangcheng", "chikan", "dasha", "dongcheng",
        "longsheng", "magang", "shuikou", "tashan", "xiangang", "yueshan", "changsha", "sanbu"};

    @Param({"100000"})
    public int stands;

    private GepEngine engine;
    private GepRequest request;

    /** The benchmark's request: a seeded, reproducible county inventory. */
    public static GepRequest county(int count) {
        Random r = new Random(42);
        List<Stand> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double v1 = 40 + r.nextDouble() * 80;
            list.add(Stands.of("S-" + i, TOWNS[i % TOWNS.length], TYPES[r.nextInt(TYPES.length)])
                    .set("area", decimal(1 + r.nextDouble() * 30, 2)).set("npp", decimal(8 + r.nextDouble() * 8, 2))
                    .set("evapotranspiration", decimal(900 + r.nextDouble() * 200, 0))
                    .set("height", decimal(8 + r.nextDouble() * 10, 1))
                    .set("ionConcentration", decimal(900 + r.nextDouble() * 1800, 0))
                    .set("shannonIndex", decimal(1.5 + r.nextDouble() * 2.5, 2))
                    .set("treeN", "0.008").set("treeP", "0.0008").set("treeK", "0.005")
                    .set("soilCarbonAccumulation", decimal(0.3 + r.nextDouble() * 0.5, 2))
                    .set("previousVolume", decimal(v1, 1)).set("volume", decimal(v1 + r.nextDouble() * 20, 1))
                    .build());
        }
        Stand site = Stands.defaults().set("precipitation", "1950").set("erosionWithForest", "3.2")
                .set("erosionWithoutForest", "36").set("soilBulkDensity", "1.28").set("soilN", "0.0011")
                .set("soilP", "0.00045").set("soilK", "0.0115").set("soilOrganicMatter", "0.024").build();
        GepRequest.CarbonSinkRequest sink = new GepRequest.CarbonSinkRequest(GepRequest.CarbonMethod.STOCK_DIFFERENCE,
                2018, 2023, null, null, List.of(new GepRequest.CarbonPrice(GepRequest.CarbonMarket.CCER,
                        BigDecimal.valueOf(80), "元/t CO₂", 2024, "benchmark")), null);
        return new GepRequest(MethodProfile.GBT_38582_2020, 2023,
                PriceAdjustment.dFactor(new BigDecimal("0.015"), new BigDecimal("0.0435")), null, Map.of(), Map.of(),
                Map.of(), null, List.of(), List.of(), site, List.of(), list, List.of(), List.of(), sink);
    }

    private static String decimal(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @Setup
    public void setUp() {
        engine = GepEngine.standard();
        request = county(stands);
    }

    @Benchmark
    public GepResult evaluateCounty() {
        return engine.evaluate(request);
    }

    /** CPU time of the evaluating thread per evaluation: 20 warm-up evaluations, then the best and mean of 20. */
    public static void main(String[] args) {
        GepEngine engine = GepEngine.standard();
        GepRequest request = county(100_000);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20; i++) {
            engine.evaluate(request);
        }
        long best = Long.MAX_VALUE;
        long sum = 0;
        for (int i = 0; i < 20; i++) {
            long start = threads.getCurrentThreadCpuTime();
            engine.evaluate(request);
            long used = threads.getCurrentThreadCpuTime() - start;
            best = Math.min(best, used);
            sum += used;
        }
        System.out.printf("CPU time per evaluation of 100,000 stands: best %.1f ms (%.2f µs per stand), mean %.1f ms%n",
                best / 1e6, best / 1e6 / 100, sum / 1e6 / 20);
    }
}
