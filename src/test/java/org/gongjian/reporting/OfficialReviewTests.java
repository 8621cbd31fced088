package org.gongjian.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The year-end review as a 公文 an office can send (GB/T 9704): its 版头, 主送, headings, tables, 存在问题
 * and 下一步工作, 落款 and 成文日期, without the article's byline, captions or internal notes; the
 * working copy keeps those; the article's facts survive in both.
 */
@SpringBootTest(properties = "gongjian.demo.progress.enabled=true")   // the towns' targets and demo milestones
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OfficialReviewTests {

    static final String REVIEW = "/api/v1/programmes/kaiping-2024/review";

    @Autowired MockMvc mvc;

    static RequestPostProcessor admin() {
        return httpBasic("admin", "test-admin-secret");
    }

    /** The article's facts, one a line (comment lines start with #). */
    static List<String> articleFacts() throws IOException {
        try (InputStream in = OfficialReviewTests.class.getResourceAsStream("/reporting/article-facts.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    XWPFDocument docx(String... variant) throws Exception {
        var request = get(REVIEW).param("format", "docx").with(admin());
        if (variant.length > 0) {
            request.param("variant", variant[0]);
        }
        byte[] body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return new XWPFDocument(new ByteArrayInputStream(body));
    }

    static String text(XWPFDocument d) throws IOException {
        try (XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            return x.getText();
        }
    }

    @Test
    void the_official_word_file_has_the_parts_of_a_gongwen_where_gbt_9704_puts_them() throws Exception {
        try (XWPFDocument d = docx()) {   // official is the default for Word
            List<XWPFParagraph> ps = d.getParagraphs();
            // 版头: the red 发文机关标志 first, centred, 35 mm below the top of the 版心 (one line of it taken by the mark)
            assertThat(ps.get(0).getStyle()).isEqualTo("GjMark");
            assertThat(ps.get(0).getText()).isEqualTo("开平市改革攻坚工作领导小组办公室文件");
            assertThat(ps.get(0).getCTP().xmlText()).contains("w:color w:val=\"FF0000\"");
            assertThat(d.getStyles().getStyle("GjMark").getCTStyle().getPPr().getJc().getVal().toString()).isEqualTo("center");
            // the 发文字号 of GB/T 9704's form, centred, the red separator under it
            XWPFParagraph number = ps.get(1);
            assertThat(number.getText()).isEqualTo("开改办〔2024〕1号").matches("^[^〔〕\\[\\]【】]+〔\\d{4}〕[1-9]\\d*号$");
            assertThat(number.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(number.getCTP().xmlText()).contains("w:bottom w:val=\"single\"").contains("w:color=\"FF0000\"");
            // the title two lines below, then the 主送机关 flush left ending in "："
            assertThat(ps.get(2).getStyle()).isEqualTo("Title");
            assertThat(ps.get(2).getText()).isEqualTo("关于2024年“改革攻坚年”工作情况的通报");
            assertThat(ps.get(3).getText()).isEqualTo("各镇人民政府、街道办事处，翠山湖管委会，市直各单位：");
            assertThat(ps.get(3).getStyle()).isEqualTo("GjPlain");
            // headings 一、（一）
            List<String> first = ps.stream().filter(p -> "GjOfficial1".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            assertThat(first).containsExactly("一、主要工作成效", "二、存在问题", "三、下一步工作");
            List<String> second = ps.stream().filter(p -> "Heading2".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            assertThat(second).contains("（一）开平入选第四批“四好农村路”全国示范县", "（十一）开平启动“百队千长万人行”志愿服务");
            assertThat(second).anyMatch(h -> h.startsWith("（一）部分指标进度滞后"));
            assertThat(ps).noneMatch(p -> "Heading1".equals(p.getStyle()));
            String all = text(d);
            assertThat(all).contains("1.指标进展：", "以下（一）至（十一）依次为任务1至4、6至12（编号5空缺）");
            // 存在问题 names a lagging town with its figures and reason; 下一步 names next year's targets
            assertThat(all).containsPattern("百合镇农村公路提质改造（任务1）完成\\d+(\\.\\d)?%").contains("落后于计划进度",
                    "到2025年12月5日，志愿者达到10000名（任务12，");
            // no byline, photo caption, internal note or demo milestone
            assertThat(all).doesNotContain("统筹：", "文/图", "周华东摄", "粤港澳大湾区(江门开平)优质农产品供应及出口基地冷库。",
                    "（按职能推定，待确认）", "（演示）", "暂按", "演示数据");
            // the 16 towns' figures in a table, not a paragraph
            XWPFTable roads = d.getTables().get(0);
            assertThat(roads.getRows()).hasSize(17);
            assertThat(roads.getRow(0).getCell(0).getText()).isEqualTo("单位");
            assertThat(roads.getRow(1).getCell(0).getText()).isEqualTo("百合镇");
            // after the text: 落款 then 成文日期, right-aligned, the date 4 字 from the right; then the 版记
            int sign = indexOf(ps, "开平市改革攻坚工作领导小组办公室");
            assertThat(sign).isGreaterThan(indexOf(ps, "三、下一步工作"));
            XWPFParagraph date = ps.get(sign + 1);
            assertThat(date.getText()).matches("\\d{4}年[1-9]\\d?月[1-9]\\d?日");
            assertThat(ps.get(sign).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(date.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(date.getIndentationRight()).isEqualTo(4 * 320);
            assertThat(ps.get(sign + 2).getText()).startsWith("抄送：市委办公室");
            assertThat(ps.get(sign + 3).getText()).startsWith("开平市改革攻坚工作领导小组办公室").endsWith("印发");
            assertThat(ps.get(sign + 3).getStyle()).isEqualTo("GjColophon");
        }
    }

    private static int indexOf(List<XWPFParagraph> ps, String text) {
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).getText().equals(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void the_working_copy_keeps_the_byline_captions_and_notes_and_lists_what_is_assumed() throws Exception {
        try (XWPFDocument d = docx("working")) {
            String all = text(d);
            assertThat(all).contains("统筹：严建广", "周华东摄", "（按职能推定，待确认）", "（演示）", "暂按",
                    "附：数据说明（工作稿）", "牵头单位按职能推定、待确认的：任务1（市交通运输局）",
                    "各项任务沿用工作方案的编号，编号5空缺。", "存在问题", "下一步工作");
            assertThat(d.getParagraphs()).noneMatch(p -> "GjMark".equals(p.getStyle()));
        }
    }

    @Test
    void every_fact_of_the_article_is_still_in_the_review_in_both_copies() throws Exception {
        List<String> facts = articleFacts();
        assertThat(facts).hasSizeGreaterThan(50);
        try (XWPFDocument official = docx("official"); XWPFDocument working = docx("working")) {
            assertThat(text(official)).contains(facts);
            assertThat(text(working)).contains(facts);
        }
        String md = mvc.perform(get(REVIEW).param("format", "md").with(admin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(md).contains(facts);
    }

    @Test
    void the_office_sets_the_issuer_and_number_and_a_number_not_of_the_standards_form_is_refused() throws Exception {
        String settings = "/api/v1/programmes/kaiping-2024/review-settings";
        String before = mvc.perform(get(settings).with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(put(settings).with(admin()).contentType(MediaType.APPLICATION_JSON).content(before.replace("开改办〔{year}〕{n}号", "开改办[{year}]{n}号")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("numberPattern"));
        try {
            mvc.perform(put(settings).with(admin()).contentType(MediaType.APPLICATION_JSON)
                    .content(before.replace("\"numberSeq\":1", "\"numberSeq\":7").replace("\"signedOn\":null", "\"signedOn\":\"2025-01-10\"")))
                    .andExpect(status().isOk());
            try (XWPFDocument d = docx()) {
                assertThat(d.getParagraphs().get(1).getText()).isEqualTo("开改办〔2024〕7号");
                assertThat(text(d)).contains("2025年1月10日\n", "2025年1月10日印发");
            }
        } finally {
            mvc.perform(put(settings).with(admin()).contentType(MediaType.APPLICATION_JSON).content(before))
                    .andExpect(status().isOk());
        }
        mvc.perform(get(REVIEW).param("format", "docx").param("variant", "draft").with(admin()))
                .andExpect(status().isBadRequest());
    }
}
