package org.gongjian.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.EnterpriseFigures;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.enterprise.FigureData;
import org.gongjian.enterprise.FigureSource;
import org.gongjian.enterprise.Uscc;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.MeasurementSource;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.UnitOfMeasure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * The industry ledger's rules on H2 and PostgreSQL. Figures of the tests' own firms are entered for years the
 * demo leaves alone (2019–2021), so that the counts are the tests' own.
 */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
abstract class IndustryContract {

    private static final BigDecimal YI = new BigDecimal("100000000");
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired Enterprises enterprises;
    @Autowired EnterpriseFigures figures;
    @Autowired IndustryFigures industry;
    @Autowired IndustryCatalogue catalogue;
    @Autowired Plans plans;
    @Autowired IndustryFeed feed;
    @Autowired TargetManagement targets;
    @Autowired ProgrammeManagement programmes;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;

    @BeforeEach
    void staff() {
        accounts.create("t-industry", "工信局", "staff-secret-1", organisation.unit("industry-it").id(), Set.of(Role.UNIT_STAFF));
        accounts.create("t-chikan", "赤坎镇", "staff-secret-1", organisation.unit("chikan").id(), Set.of(Role.UNIT_STAFF));
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    void as(String username) {
        UserDetails u = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
    }

    static BigDecimal yi(String v) {
        return new BigDecimal(v).multiply(YI);
    }

    Enterprise firm(String name, String town, String industryCode, List<String> clusters) {
        String first17 = String.format("91440783QQ%07d", SERIAL.incrementAndGet());
        String uscc = first17 + Uscc.checkCharacter(first17);
        return enterprises.register(new EnterpriseData(uscc, name, town, null, industryCode, clusters, true, null, null), false);
    }

    void output(Enterprise e, int year, String yi) {
        figures.record(e.uscc(), new FigureData(year, null, yi(yi), null, null, null, null), FigureSource.MANUAL, false, null);
    }

    Map<String, Integer> counts(int year) {
        return industry.bracketCounts("food", year).stream()
                .collect(Collectors.toMap(c -> c.bracket().code(), BracketCount::firms));
    }

    @Test
    void a_firm_at_exactly_10_yi_counts_in_the_10_yi_bracket_and_a_firm_above_50_yi_in_every_bracket() {
        Map<String, Integer> before = counts(2019);
        output(firm("测试食品一", "chikan", "C1462", List.of()), 2019, "10");
        output(firm("测试食品二", "chikan", "C1331", List.of()), 2019, "9.99");
        output(firm("测试食品三", "shuikou", "C1523", List.of()), 2019, "20");
        output(firm("测试食品四", "shuikou", "C1353", List.of()), 2019, "55");
        output(firm("测试卫浴一", "shuikou", "C3443", List.of()), 2019, "80");

        Map<String, Integer> after = counts(2019);
        assertThat(after.get("50yi") - before.get("50yi")).isEqualTo(1);
        assertThat(after.get("20yi") - before.get("20yi")).isEqualTo(2);
        assertThat(after.get("10yi") - before.get("10yi")).isEqualTo(3);
    }

    @Test
    void a_sector_output_sums_its_firms_yearly_figures_and_leaves_other_industries_out() {
        BigDecimal before = industry.sectorOutput("food", 2019);
        output(firm("测试粮油", "chikan", "C1331", List.of()), 2019, "3.5");
        output(firm("测试卫浴二", "shuikou", "C3072", List.of()), 2019, "7");

        assertThat(industry.sectorOutput("food", 2019).subtract(before)).isEqualByComparingTo(yi("3.5"));
    }

    @Test
    void a_year_without_its_own_figure_counts_the_sum_of_its_months_and_the_year_figure_replaces_them() {
        Enterprise e = firm("测试月报食品", "chikan", "C1432", List.of());
        BigDecimal before = industry.sectorOutput("food", 2021);
        for (int month = 1; month <= 3; month++) {
            figures.record(e.uscc(), new FigureData(2021, month, yi("1.2"), null, new BigDecimal("150000.00"), null, 80 + month),
                    FigureSource.MANUAL, false, null);
        }
        assertThat(industry.sectorOutput("food", 2021).subtract(before)).isEqualByComparingTo(yi("3.6"));

        output(e, 2021, "15");
        assertThat(industry.sectorOutput("food", 2021).subtract(before)).isEqualByComparingTo(yi("15"));
        assertThat(figures.of(e.id())).hasSize(4);
    }

    @Test
    void a_cluster_totals_its_members_workers_output_and_exports_in_dollars() {
        ClusterTotals before = industry.clusterTotals("sanitary-ware", 2020);
        int[] workers = {120, 340, 55};
        String[] outputs = {"2.5", "6", "0.8"};
        String[] exports = {"20000000", "55000000.50", "3000000"};
        for (int i = 0; i < 3; i++) {
            Enterprise e = firm("测试水暖" + i, "shuikou", "C3443", List.of("sanitary-ware"));
            figures.record(e.uscc(), new FigureData(2020, null, yi(outputs[i]), null, new BigDecimal(exports[i]), null,
                    workers[i]), FigureSource.MANUAL, false, null);
        }
        firm("测试水暖未报", "shuikou", "C3443", List.of("sanitary-ware"));

        ClusterTotals after = industry.clusterTotals("sanitary-ware", 2020);
        assertThat(after.firms() - before.firms()).isEqualTo(4);
        assertThat(after.reporting() - before.reporting()).isEqualTo(3);
        assertThat(after.workers() - before.workers()).isEqualTo(515);
        assertThat(after.outputYuan().subtract(before.outputYuan())).isEqualByComparingTo(yi("9.3"));
        assertThat(after.exportsUsd().subtract(before.exportsUsd())).isEqualByComparingTo("78000000.50");
    }

    @Test
    void the_demo_feed_moves_items_6_and_7_targets_with_the_ledger_figures() {
        BigDecimal food2024 = industry.sectorOutput("food", 2024);
        assertThat(food2024).isBetween(yi("259.99"), yi("300"));
        Map<String, Integer> brackets2024 = counts(2024);
        ClusterTotals cluster2023 = industry.clusterTotals("sanitary-ware", 2023);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ledger("food.scale", LocalDate.of(2024, 12, 31))).hasValueSatisfying(
                    v -> assertThat(v).isEqualByComparingTo(food2024));
            assertThat(ledger("food.firms-5bn", LocalDate.of(2024, 12, 31))).hasValueSatisfying(
                    v -> assertThat(v).isEqualByComparingTo(BigDecimal.valueOf(brackets2024.get("50yi"))));
            assertThat(ledger("food.firms-1bn", LocalDate.of(2024, 12, 31))).hasValueSatisfying(
                    v -> assertThat(v).isEqualByComparingTo(BigDecimal.valueOf(brackets2024.get("10yi"))));
            assertThat(ledger("cluster.output", LocalDate.of(2023, 12, 31))).hasValueSatisfying(
                    v -> assertThat(v).isEqualByComparingTo(cluster2023.outputYuan()));
            assertThat(ledger("cluster.exports-usd", LocalDate.of(2023, 12, 31))).hasValueSatisfying(
                    v -> assertThat(v).isEqualByComparingTo(cluster2023.exportsUsd()));
            assertThat(ledger("cluster.workers", LocalDate.of(2023, 12, 31))).hasValueSatisfying(
                    v -> assertThat(v).isEqualByComparingTo(BigDecimal.valueOf(cluster2023.workers())));
        });
        // the demo's food firms: one reaches 50亿 in 2024, one stands at exactly 10亿 that year
        assertThat(brackets2024.get("50yi")).isEqualTo(1);
        assertThat(brackets2024.get("10yi")).isEqualTo(7);
        assertThat(counts(2025).get("10yi")).isEqualTo(8);
    }

    @Test
    void the_programme_target_for_food_output_reads_the_plan_path_slice_of_each_year() {
        Target scale = target("food.scale");
        PlanTarget output = plans.targets(plans.plan(DemoPlans.FOOD)).stream().filter(t -> t.code().equals("output"))
                .findFirst().orElseThrow();
        Map<Integer, BigDecimal> path = output.path().stream()
                .collect(Collectors.toMap(PlanPath.Slice::year, PlanPath.Slice::value));

        assertThat(scale.indicatorCode()).isEqualTo(output.indicatorCode());
        assertThat(scale.plannedPoints()).hasSize(11);
        scale.plannedPoints().forEach(p -> assertThat(p.value().subtract(path.get(p.date().getYear())).abs())
                .as("slice of %s", p.date().getYear()).isLessThanOrEqualTo(BigDecimal.ONE));
    }

    @Test
    void the_low_altitude_plan_counts_its_built_parks_for_item_2() {
        Map<String, Integer> built = plans.builtCounts(LocalDate.of(2026, 1, 1));
        assertThat(built).containsEntry(Plans.layoutBuilt(DemoPlans.LOWALT, ElementKind.PARK), 1)
                .containsEntry(Plans.layoutBuilt(DemoPlans.LOWALT, ElementKind.NODE), 1);
        assertThat(plans.builtCounts(LocalDate.of(2024, 12, 31)))
                .containsEntry(Plans.layoutBuilt(DemoPlans.LOWALT, ElementKind.PARK), 0);
        assertThat(target("lowalt.parks").indicatorCode()).isEqualTo(Plans.layoutBuilt(DemoPlans.LOWALT, ElementKind.PARK));
    }

    @Test
    void a_town_enters_figures_of_its_own_firms_only_and_the_industry_bureau_of_every_firm() {
        Enterprise chikan = firm("测试赤坎食品", "chikan", "C1462", List.of());
        Enterprise shuikou = firm("测试水口食品", "shuikou", "C1462", List.of());

        as("t-chikan");
        output(chikan, 2019, "1");
        assertThatThrownBy(() -> output(shuikou, 2019, "1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.create(new PlanData("t-plan", "测试规划", "food", "开平市人民政府",
                LocalDate.of(2024, 1, 1), 2024, 2030, null, null), false)).isInstanceOf(AccessDeniedException.class);

        as("t-industry");
        output(shuikou, 2019, "2");
        assertThat(figures.of(shuikou.id())).singleElement().satisfies(f -> assertThat(f.outputYuan()).isEqualByComparingTo(yi("2")));
    }

    @Test
    void figures_of_a_year_still_to_come_are_refused() {
        Enterprise e = firm("测试未来", "chikan", "C1462", List.of());
        int next = LocalDate.now().getYear() + 1;
        assertThatThrownBy(() -> output(e, next, "1")).isInstanceOfSatisfying(InvalidInputException.class,
                ex -> assertThat(ex.violations()).extracting(InvalidInputException.Violation::messageKey)
                        .containsExactly("enterprise.error.figure-future"));
    }

    @Test
    void figures_are_refused_field_by_field_when_they_make_no_sense() {
        Enterprise e = firm("测试乱填", "chikan", "C1462", List.of());
        assertThatThrownBy(() -> figures.record(e.uscc(), new FigureData(1999, 13, new BigDecimal("-1"), null,
                new BigDecimal("1.234"), null, -5), FigureSource.MANUAL, false, null))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
                        .extracting(InvalidInputException.Violation::field)
                        .containsExactlyInAnyOrder("year", "month", "outputYuan", "exportsUsd", "employees"));
        assertThat(figures.of(e.id())).isEmpty();
    }

    @Test
    void a_new_bracket_version_ends_the_old_one_and_the_year_end_decides_which_counts() {
        catalogue.saveBracket(new BracketData("t-5yi", "产值5亿元以上", yi("5"), LocalDate.of(2018, 1, 1), "测试文件",
                org.gongjian.shared.Evidence.UNVERIFIED));
        catalogue.saveBracket(new BracketData("t-5yi", "产值6亿元以上", yi("6"), LocalDate.of(2020, 1, 1), "测试文件（修订）",
                org.gongjian.shared.Evidence.UNVERIFIED));
        output(firm("测试五点五亿", "chikan", "C1462", List.of()), 2019, "5.5");
        output(firm("测试五点五亿乙", "chikan", "C1462", List.of()), 2020, "5.5");

        // 5.5亿 counts under the 2018 version (≥5亿) in 2019, not under the 2020 version (≥6亿) in 2020
        assertThat(counts(2019).get("t-5yi")).isEqualTo(1);
        assertThat(counts(2020).get("t-5yi")).isZero();
        assertThat(catalogue.brackets(LocalDate.of(2020, 12, 31))).filteredOn(b -> b.code().equals("t-5yi"))
                .singleElement().satisfies(b -> assertThat(b.lowerYuan()).isEqualByComparingTo(yi("6")));
        assertThat(targets.indicator(IndustryFigures.firmsAbove("food", "t-5yi"))).hasValueSatisfying(
                i -> assertThat(i.unit()).isEqualTo(UnitOfMeasure.ENTERPRISES));
        assertThatThrownBy(() -> catalogue.saveBracket(new BracketData("t-5yi", "产值7亿元以上", yi("7"),
                LocalDate.of(2019, 6, 1), "测试", org.gongjian.shared.Evidence.UNVERIFIED)))
                .isInstanceOf(InvalidInputException.class);
    }

    private Target target(String code) {
        return targets.targets(programmes.programme("kaiping-2024")).stream().filter(t -> t.code().equals(code))
                .findFirst().orElseThrow();
    }

    private Optional<BigDecimal> ledger(String targetCode, LocalDate asOf) {
        List<Measurement> all = targets.measurements(target(targetCode));
        return all.stream().filter(m -> m.valid() && m.source() == MeasurementSource.LEDGER && m.asOf().equals(asOf))
                .map(Measurement::value).findFirst();
    }
}
