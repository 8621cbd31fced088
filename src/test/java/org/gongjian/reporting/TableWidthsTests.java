package org.gongjian.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gongjian.reporting.Document.Table;
import org.junit.jupiter.api.Test;

/** A report table's columns are as wide as their text needs: short ones never wrap, long ones share the rest. */
class TableWidthsTests {

    @Test
    void short_columns_keep_room_for_their_words_and_the_long_ones_share_the_rest_of_the_line() {
        Table table = new Table("滞后和逾期事项", List.of("任务", "类别", "事项", "状态", "牵头单位", "情况"), List.of(
                List.of("1", "指标", "企业开办一网通办事项", "滞后", "赤水镇", "完成5.0%，计划77.0%，时间进度76.9%"),
                List.of("12", "节点", "完成首批项目签约", "逾期", "开平市林业局", "6月30日到期，逾期92天")));
        List<Integer> widths = table.widths();
        // A line holds about 40 characters: a two-character column needs 3 of them (with padding), 4 characters 5.
        assertThat(widths.get(0)).isBetween(7, 8);
        assertThat(widths.get(4)).as("牵头单位 and 开平市林业局").isGreaterThanOrEqualTo(15);
        assertThat(widths.get(5)).as("the longest text gets the most room").isGreaterThan(widths.get(2));
        assertThat(widths.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    }

    @Test
    void a_table_of_only_short_columns_spreads_over_the_line_in_proportion() {
        Table table = new Table("t", List.of("类别", "正常", "合计"), List.of(List.of("任务", "1", "11")));
        assertThat(table.widths()).containsExactly(34, 33, 33);
    }
}
