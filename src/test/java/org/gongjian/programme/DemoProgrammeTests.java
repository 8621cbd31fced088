package org.gongjian.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.UnitKind;
import org.gongjian.programme.InitiativeData.FigureData;
import org.gongjian.shared.DatePrecision;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The Kaiping 2024 demo programme, as it is loaded on the first start of an empty database. */
@SpringBootTest
@ActiveProfiles("test")
class DemoProgrammeTests {

    @Autowired ProgrammeManagement programmes;
    @Autowired TargetManagement targets;
    @Autowired ProgrammeRecords records;
    @Autowired Organisation organisation;
    @Autowired DemoProgrammeLoader loader;
    @Autowired JdbcClient jdbc;

    private Programme kaiping() {
        return programmes.programme("kaiping-2024");
    }

    private Map<String, Target> targetsByCode() {
        return targets.targets(kaiping()).stream().collect(Collectors.toMap(Target::code, Function.identity()));
    }

    @Test
    void the_programme_keeps_the_article_numbering_with_no_item_5() {
        List<Integer> numbers = programmes.initiatives(kaiping()).stream().map(Initiative::number).toList();
        assertThat(numbers).containsExactly(1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12);
        assertThat(kaiping().theme()).isEqualTo("改革攻坚年");
        assertThat(kaiping().year()).isEqualTo(2024);
    }

    @Test
    void kaiping_has_13_towns_2_subdistricts_and_the_cuishanhu_committee() {
        Map<UnitKind, Long> counts = organisation.townLevelUnits().stream()
                .collect(Collectors.groupingBy(u -> u.kind(), Collectors.counting()));
        assertThat(counts).containsEntry(UnitKind.TOWN, 13L).containsEntry(UnitKind.SUBDISTRICT, 2L)
                .containsEntry(UnitKind.MANAGEMENT_COMMITTEE, 1L);
        assertThat(organisation.unit("cuishanhu").shortName()).isEqualTo("翠山湖管委会");
    }

    @Test
    void the_16_town_level_units_are_the_co_units_of_the_bank_pairing() {
        Initiative pairing = programmes.initiative(kaiping(), 4);
        assertThat(pairing.coUnitIds()).hasSize(16);
        assertThat(programmes.data(pairing).leadUnitAssumed()).isTrue();
    }

    @Test
    void the_hydrogen_base_holds_68_yi_yuan_exactly_in_yuan_and_800_hectares() {
        List<FigureData> figures = programmes.initiative(kaiping(), 3).figures();
        FigureData investment = figures.stream().filter(f -> f.label().equals("计划总投资")).findFirst().orElseThrow();
        assertThat(investment.value()).isEqualByComparingTo(new BigDecimal("6800000000"));
        assertThat(investment.unit()).isEqualTo(UnitOfMeasure.YUAN);
        assertThat(investment.qualifier()).isEqualTo(Qualifier.APPROX);
        FigureData area = figures.stream().filter(f -> f.label().equals("规划占地面积")).findFirst().orElseThrow();
        assertThat(area.unit().convert(area.value(), UnitOfMeasure.MU)).isEqualByComparingTo("12000");
        assertThat(records.events(kaiping()).stream().filter(e -> e.title().contains("氢能")).findFirst().orElseThrow()
                .date().start()).isEqualTo(LocalDate.of(2024, 5, 22));
    }

    @Test
    void long_range_food_targets_run_to_2035() {
        Target scale = targetsByCode().get("food.scale");
        assertThat(scale.targetValue()).isEqualByComparingTo("40000000000");
        assertThat(scale.targetQualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(scale.deadline()).isEqualTo(LocalDate.of(2035, 12, 31));
        Target listed = targetsByCode().get("food.listed");
        assertThat(listed.targetValue()).isEqualByComparingTo("5");
        assertThat(listed.targetValueMax()).isEqualByComparingTo("8");
    }

    @Test
    void the_design_patent_target_falls_from_180_to_7_days() {
        Target days = targetsByCode().get("ip.design-days");
        assertThat(days.direction()).isEqualTo(Direction.DOWN);
        assertThat(days.baselineValue()).isEqualByComparingTo("180");
        assertThat(days.targetValue()).isEqualByComparingTo("7");
        assertThat(days.indicatorCode()).isEqualTo("ipcentre.design-days-avg");
    }

    @Test
    void the_volunteer_drive_aims_at_100_teams_1000_captains_and_10000_volunteers_within_a_year() {
        Map<String, Target> all = targetsByCode();
        assertThat(all.get("volunteers.teams").targetValue()).isEqualByComparingTo("100");
        assertThat(all.get("volunteers.captains").targetValue()).isEqualByComparingTo("1000");
        assertThat(all.get("volunteers.registered").targetValue()).isEqualByComparingTo("10000");
        assertThat(all.get("volunteers.registered").deadline()).isEqualTo(LocalDate.of(2025, 12, 5));
    }

    @Test
    void honours_carry_their_level_bodies_and_month_precision() {
        List<Honour> honours = records.honours(kaiping());
        assertThat(honours).extracting(Honour::level).containsExactly(HonourLevel.NATIONAL, HonourLevel.PROVINCIAL,
                HonourLevel.NATIONAL, HonourLevel.PROVINCIAL);
        Honour roads = honours.get(0);
        assertThat(roads.name()).contains("四好农村路");
        assertThat(roads.date().precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(roads.awardingBodyIds()).hasSize(3);
    }

    @Test
    void the_demo_loads_only_on_the_first_start() throws Exception {
        long before = jdbc.sql("select count(*) from programme").query(Long.class).single();
        loader.run(new DefaultApplicationArguments());
        assertThat(jdbc.sql("select count(*) from programme").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from programme_seed").query(Long.class).single()).isEqualTo(1L);
    }
}
