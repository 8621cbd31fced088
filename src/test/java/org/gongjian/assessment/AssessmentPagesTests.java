package org.gongjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The assessment pages as a person sees them (server-rendered, with MockMvc), the xlsx export and the
 * bulletin's ranking section.
 */
@AssessmentTest
class AssessmentPagesTests extends AssessmentFixture {

    @Test
    void the_league_table_page_shows_ranks_scores_movement_movers_charts_and_the_demo_mark() throws Exception {
        mvc.perform(get("/assessment/kaiping-2024/rankings").param("period", "2024-07").param("group", "towns")
                        .with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("龙虎榜"), containsString("2024年7月"),
                        containsString("进步最快"), containsString("退步最多"), containsString("data-chart="),
                        containsString("data-history="), containsString("演示数据"), containsString("赤坎镇"),
                        containsString("导出Excel"), not(containsString("重新计算本期")))));
        mvc.perform(get("/assessment").with(as("leader")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/assessment/kaiping-2024/rankings"));
    }

    @Test
    void a_scorecard_page_explains_each_item_and_offers_the_unit_its_appeal_form() throws Exception {
        mvc.perform(get("/assessment/kaiping-2024/units/chikan").param("period", "2024-07")
                        .with(as("chikan-clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("得分明细"), containsString("目标完成"),
                        containsString("完成进度"), containsString("时间进度"), containsString("计分身份"))));
        mvc.perform(get("/assessment/kaiping-2024/units/chikan").param("period", "2024-07").header("Accept-Language", "en")
                        .with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("scorecard"), containsString("Target attainment"),
                        containsString("Only the unit"))));
    }

    @Test
    void an_appeal_filed_on_the_page_comes_back_with_a_confirmation_or_the_reason_it_was_refused() throws Exception {
        String item = rankings.scorecard(KAIPING, "baihe", Period.parse("2024-10")).score().components().get(0).items()
                .get(0).fact().key();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/assessment/kaiping-2024/units/baihe/appeals").param("period", "2024-10")
                        .param("item", item).param("reason", "").with(csrf()).with(as("baihe-clerk")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errors", org.hamcrest.Matchers.hasItem(containsString("申诉理由"))));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/assessment/kaiping-2024/units/baihe/appeals").param("period", "2024-10")
                        .param("item", item).param("reason", "数据口径有误").with(csrf()).with(as("baihe-clerk")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("申诉已提交")));
        mvc.perform(get("/assessment/kaiping-2024/appeals").with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("数据口径有误"), containsString("支持申诉并重新计分"))));
    }

    @Test
    void a_bad_period_on_a_page_gets_a_page_saying_what_is_wrong() throws Exception {
        mvc.perform(get("/assessment/kaiping-2024/rankings").param("period", "24年7月").with(as("leader")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("格式不对")));
        mvc.perform(get("/assessment/kaiping-2024/units/nowhere").with(as("leader")))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_report_scheme_and_appeal_pages_answer_and_only_the_office_may_rate_or_recompute() throws Exception {
        mvc.perform(get("/assessment/kaiping-2024/reports").param("period", "2024-06").with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("按时报送"), containsString("hx-post"))));
        mvc.perform(get("/assessment/kaiping-2024/schemes").with(office()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("改革攻坚重点任务考核评分办法")));
        mvc.perform(post("/assessment/kaiping-2024/reports/rating").param("period", "2024-06").param("unit", "chikan")
                        .param("initiative", "1").param("cycle", "2024-05").param("grade", "GOOD")
                        .with(csrf()).with(as("chikan-clerk")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/assessment/kaiping-2024/rankings/recompute").param("period", "2024-02").param("group", "towns")
                        .param("reason", "x").with(csrf()).with(as("chikan-clerk")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/assessment/kaiping-2024/rankings/recompute").param("period", "2024-02").param("group", "towns")
                        .param("reason", "更正了2月的农村公路里程").with(csrf()).with(office()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("第2版")));
        assertThat(rankings.ranking(KAIPING, Period.parse("2024-02")).reason()).contains("更正了2月的农村公路里程");
    }

    @Test
    void a_rating_given_with_htmx_swaps_in_the_row_with_its_confirmation() throws Exception {
        mvc.perform(post("/assessment/kaiping-2024/reports/rating").header("HX-Request", "true")
                        .param("period", "2024-07").param("unit", "chikan").param("initiative", "1").param("cycle", "2024-06")
                        .param("grade", "GOOD").param("comment", "数据完整").with(csrf()).with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<tr"), containsString("已保存"), containsString("数据完整"),
                        not(containsString("<html")))));
    }

    @Test
    void the_league_table_exports_to_xlsx_with_a_title_a_row_per_unit_and_every_item() throws Exception {
        byte[] xlsx = mvc.perform(get("/assessment/kaiping-2024/rankings.xlsx").param("period", "2024-Q4")
                        .param("group", "towns").with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", containsString("xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet league = book.getSheetAt(0);
            assertThat(league.getRow(0).getCell(0).getStringCellValue()).contains("考核排名", "镇街", "2024年第4季度");
            assertThat(league.getRow(2).getCell(0).getStringCellValue()).isEqualTo("排名");
            LeagueTable table = rankings.league(KAIPING, Period.parse("2024-Q4"), PeerGroup.TOWNS);
            for (int i = 0; i < table.rows().size(); i++) {
                LeagueTable.Row row = table.rows().get(i);
                assertThat(league.getRow(3 + i).getCell(0).getNumericCellValue()).isEqualTo(row.rank());
                assertThat(league.getRow(3 + i).getCell(2).getStringCellValue()).startsWith(row.unit().name());
                assertThat(league.getRow(3 + i).getCell(3).getNumericCellValue())
                        .isEqualTo(row.total().setScale(2, java.math.RoundingMode.HALF_UP).doubleValue());
            }
            assertThat(book.getSheetAt(1).getLastRowNum()).isGreaterThan(16);
            assertThat(league.getPrintSetup().getLandscape()).isTrue();
        }
    }

    @Test
    void the_bulletin_gets_the_top_and_bottom_three_of_each_group_and_the_movers() {
        BulletinRanking july = rankings.bulletin(KAIPING, YearMonth.of(2024, 7));
        assertThat(july.provisional()).isFalse();
        assertThat(july.groups()).extracting(BulletinRanking.Group::group).containsExactly(PeerGroup.TOWNS, PeerGroup.DEPARTMENTS);
        BulletinRanking.Group towns = july.groups().get(0);
        assertThat(towns.top()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(l -> assertThat(l.rank()).isLessThanOrEqualTo(3));
        assertThat(towns.bottom()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(l -> assertThat(l.rank()).isGreaterThanOrEqualTo(14));
        assertThat(towns.table()).hasSize(16);
        assertThat(towns.bestMovers()).allSatisfy(l -> assertThat(l.movement()).isPositive());
        assertThat(towns.worstMovers()).allSatisfy(l -> assertThat(l.movement()).isNegative());
    }

    @Test
    void the_monthly_bulletin_prints_the_months_ranking_with_the_same_ranks_and_movers_as_the_league_table() throws Exception {
        BulletinRanking july = rankings.bulletin(KAIPING, YearMonth.of(2024, 7));
        BulletinRanking.Group towns = july.groups().get(0);
        BulletinRanking.Line first = towns.table().get(0);
        BulletinRanking.Line last = towns.table().get(towns.table().size() - 1);
        String md = mvc.perform(get("/api/v1/programmes/kaiping-2024/bulletin").param("month", "2024-07").param("format", "md")
                        .header("Accept-Language", "zh-CN").with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(md).contains("进度排名", "镇街得分排名", "位居前三名", "位居后三名",
                "| " + first.rank() + " | " + first.unit().name() + " | " + first.total().toPlainString() + " |",
                "| " + last.rank() + " | " + last.unit().name() + " | " + last.total().toPlainString() + " |");
        if (!towns.bestMovers().isEmpty()) {
            BulletinRanking.Line best = towns.bestMovers().get(0);
            assertThat(md).contains("进步最快：" + best.unit().name() + "（↑" + best.movement() + "）");
        }
        String en = mvc.perform(get("/api/v1/programmes/kaiping-2024/bulletin").param("month", "2024-07").param("format", "md")
                        .header("Accept-Language", "en").with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(en).contains("Rankings", "ranked in the first three").doesNotContain("进度排名");
    }
}
