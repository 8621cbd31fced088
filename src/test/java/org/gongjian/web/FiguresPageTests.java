package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongjian.organisation.Role;
import org.gongjian.programme.Direction;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.TargetData;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * 本单位填报: a town clerk sees on one page every figure the town owes across initiatives (its own share of
 * city-wide tasks, and the unscoped targets of initiatives it shares), never another town's, with what is late
 * and due; they are reported with one submit, stored all or none, with each row's problem beside it.
 */
@Transactional
class FiguresPageTests extends PageTestSupport {

    private static final String KAIPING = "kaiping-2024";
    private static final String PAGE = "/programmes/" + KAIPING + "/figures";

    @Autowired TargetManagement targets;
    @Autowired ProgrammeManagement programmes;

    @BeforeEach
    void townTargets() {
        town(4, "demo.credit.baihe", "百合镇银团授信", UnitOfMeasure.YUAN, "400000000", "baihe");
        town(4, "demo.credit.chikan", "赤坎镇银团授信", UnitOfMeasure.YUAN, "300000000", "chikan");
        town(1, "demo.roads.chikan", "赤坎镇农村公路提质改造", UnitOfMeasure.KILOMETRES, "30", "chikan");
        if (accounts.findByUsername("figures-chikan").isEmpty()) {
            accounts.create("figures-chikan", "赤坎镇填报员", PASSWORD, organisation.unit("chikan").id(), Set.of(Role.UNIT_STAFF));
        }
    }

    private void town(int initiative, String code, String name, UnitOfMeasure unit, String goal, String town) {
        targets.create(KAIPING, initiative, new TargetData(code, name, unit, Direction.UP, BigDecimal.ZERO,
                LocalDate.of(2024, 1, 1), new BigDecimal(goal), null, Qualifier.EXACT, LocalDate.of(2024, 12, 31), false,
                null, town, null, List.of()));
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private int row(String html, String target) {
        int at = html.indexOf("name=\"rows[");
        String marker = "value=\"" + target + "\"";
        int pos = html.indexOf(marker);
        assertThat(pos).as("row of " + target).isPositive();
        String before = html.substring(0, pos);
        int open = before.lastIndexOf("name=\"rows[");
        assertThat(at).isPositive();
        return Integer.parseInt(before.substring(open + 11, before.indexOf(']', open)));
    }

    private long figures(String target) {
        return targets.measurements(targets.target(programmes.programme(KAIPING), target)).size();
    }

    @Test
    void a_town_clerk_sees_every_figure_the_town_owes_across_initiatives_and_no_other_towns() throws Exception {
        String html = html(get(PAGE).with(as("figures-chikan")));
        assertThat(html).contains("赤坎镇要报哪些数？", "赤坎镇银团授信", "赤坎镇农村公路提质改造", "金融服务银团结对镇街", "逾期未报",
                "亿元", "公里");
        assertThat(html).doesNotContain("百合镇银团授信");
        assertThat(html(get("/").with(as("figures-chikan")))).contains(PAGE);
    }

    @Test
    void the_figures_are_reported_with_one_submit_all_or_none_with_each_rows_problem_beside_it() throws Exception {
        String html = html(get(PAGE).with(as("figures-chikan")));
        int credit = row(html, "demo.credit.chikan");
        int roads = row(html, "demo.roads.chikan");
        MockHttpServletRequestBuilder wrong = post(PAGE).with(as("figures-chikan")).with(csrf())
                .param("rows[" + credit + "].target", "demo.credit.chikan").param("rows[" + credit + "].value", "1.2")
                .param("rows[" + credit + "].asOf", "2024-06-30")
                .param("rows[" + roads + "].target", "demo.roads.chikan").param("rows[" + roads + "].value", "十二")
                .param("rows[" + roads + "].asOf", "2024-06-30");
        String refused = html(wrong);
        assertThat(refused).contains("全部未保存", "“十二”不是有效的数字");
        assertThat(figures("demo.credit.chikan")).isZero();
        mvc.perform(post(PAGE).with(as("figures-chikan")).with(csrf())
                        .param("rows[" + credit + "].target", "demo.credit.chikan").param("rows[" + credit + "].value", "1.2")
                        .param("rows[" + credit + "].asOf", "2024-06-30")
                        .param("rows[" + roads + "].target", "demo.roads.chikan").param("rows[" + roads + "].value", "12.5")
                        .param("rows[" + roads + "].asOf", "2024-06-30"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("saved", "已上报2项数据。"));
        assertThat(targets.measurements(targets.target(programmes.programme(KAIPING), "demo.credit.chikan")))
                .extracting(m -> m.value().toPlainString()).containsExactly("120000000");
        assertThat(figures("demo.roads.chikan")).isEqualTo(1);
    }

    @Test
    void a_row_for_another_towns_target_is_refused_and_nothing_is_stored() throws Exception {
        String html = html(post(PAGE).with(as("figures-chikan")).with(csrf())
                .param("rows[0].target", "demo.credit.baihe").param("rows[0].value", "1.2").param("rows[0].asOf", "2024-06-30")
                .param("rows[1].target", "demo.credit.chikan").param("rows[1].value", "1.2").param("rows[1].asOf", "2024-06-30"));
        assertThat(html).contains("全部未保存");
        assertThat(figures("demo.credit.baihe")).isZero();
        assertThat(figures("demo.credit.chikan")).isZero();
    }
}
