package org.gongjian.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.gongjian.support.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The year-end review of the Kaiping demo reads like the article, in each format people download. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReviewTests {

    static final String REVIEW = "/api/v1/programmes/kaiping-2024/review";

    /** Every figure and date the article gives, written as the article writes them. */
    static final List<String> ARTICLE_FIGURES = List.of(
            "3月", "4月29日", "5月22日", "6月6日", "7月", "8月23日", "9月", "10月11日", "12月5日",
            "约68亿元", "约800公顷(12000亩)", "16个", "15个", "400亿元以上", "超50亿元", "超20亿元", "超10亿元",
            "超1家", "超3家", "超8家", "5-8家", "3000多家", "超6万人", "217.8亿元", "超18亿美元", "约7.3亿元",
            "6个月", "7天", "18个", "100支以上", "1000名", "10000名", "2035年", "5条",
            "赤马线", "交四线", "交锅线", "锅塘线", "强亚村道", "赤水镇", "金鸡镇", "茂名高州市", "长沙街道",
            "交通运输部", "农业农村部", "国家邮政局", "国家知识产权局", "广东省工业和信息化厅", "周华东摄", "严建广");

    @Autowired MockMvc mvc;

    static RequestPostProcessor admin() {
        return httpBasic("admin", "test-admin-secret");
    }

    byte[] download(String format) throws Exception {
        return mvc.perform(get(REVIEW).param("format", format).param("variant", "working").with(admin()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void the_markdown_review_holds_every_figure_and_date_of_the_article_under_the_programmes_numbers() throws Exception {
        String md = new String(download("md"), StandardCharsets.UTF_8);
        assertThat(md).startsWith("# 以改革抓攻坚，以攻坚促改革\n\n## 全力推动各项工作提质增效、争先进位");
        assertThat(md).contains(ARTICLE_FIGURES);
        assertThat(md).contains("### 1. 开平入选第四批“四好农村路”全国示范县", "### 4. 开平召开金融机构结对",
                "### 6. 开平印发实施食品产业发展规划", "### 12. 开平启动“百队千长万人行”志愿服务")
                .doesNotContain("### 5.");
        assertThat(md).contains("5月22日，开平市三埠氢能装备制造和创新应用示范基地第一批项目举行集中动工仪式。",
                "计划总投资约68亿元", "2023年工业总产值217.8亿元");
        // the lead gives the programme's totals
        assertThat(md).contains("全市共部署重点改革攻坚任务11项（编号1至12）", "其中国家级2项、省级2项",
                "合计约75.3亿元");
        assertThat(md.indexOf("### 3.")).isLessThan(md.indexOf("### 4.")).isLessThan(md.indexOf("### 10."));
    }

    @Test
    void the_english_review_labels_its_facts_the_english_way() throws Exception {
        String md = mvc.perform(get(REVIEW).param("format", "md").header("Accept-Language", "en").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(md).contains("- **Key figures**: ", "- **Lead unit**: ").doesNotContain("**：");
        assertThat(new String(download("md"), StandardCharsets.UTF_8)).contains("- **关键数据**：计划总投资约68亿元");
    }

    @Test
    void the_word_review_has_the_articles_figures_under_real_heading_styles() throws Exception {
        byte[] docx = download("docx");
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(d)) {
            assertThat(text.getText()).contains(ARTICLE_FIGURES);
            List<String> headings = d.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).filter(h -> h.matches("^\\d+\\. .*")).collect(Collectors.toList());
            assertThat(headings).hasSize(11).first().asString().startsWith("1. 开平入选");
            assertThat(headings).noneMatch(h -> h.startsWith("5."));
            assertThat(d.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(d.getParagraphs().get(0).getStyle()).isEqualTo("Title");
            var margins = d.getDocument().getBody().getSectPr().getPgMar();
            assertThat(List.of(margins.getTop(), margins.getLeft(), margins.getRight(), margins.getBottom()))
                    .map(Object::toString).containsExactly("2098", "1588", "1474", "1984");
        }
    }

    @Test
    void the_pdf_review_embeds_a_cjk_font_so_pdftotext_reads_chinese_not_boxes(@TempDir Path dir) throws Exception {
        String pdftotext = ExternalTools.require("pdftotext", "poppler-utils");
        String pdffonts = ExternalTools.require("pdffonts", "poppler-utils");
        Files.write(dir.resolve("review.pdf"), download("pdf"));
        ExternalTools.run(dir, 60, pdftotext, "-enc", "UTF-8", "review.pdf", "review.txt");
        String text = Files.readString(dir.resolve("review.txt")).replaceAll("\\s+", "");
        assertThat(text).contains("以改革抓攻坚，以攻坚促改革", "约68亿元", "约800公顷(12000亩)", "5月22日", "周华东摄")
                .doesNotContain("\uFFFD", "□");
        assertThat(ExternalTools.run(dir, 60, pdffonts, "review.pdf")).contains("WenQuanYi").contains("yes yes");
    }

    @Test
    void the_word_review_opens_and_converts_in_libreoffice(@TempDir Path dir) throws Exception {
        String soffice = ExternalTools.require("soffice", "libreoffice-writer-nogui");
        String pdftotext = ExternalTools.require("pdftotext", "poppler-utils");
        Files.write(dir.resolve("review.docx"), download("docx"));
        ExternalTools.run(dir, 180, soffice, "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--headless", "--convert-to", "pdf", "--outdir", dir.toString(), "review.docx");
        ExternalTools.run(dir, 60, pdftotext, "-enc", "UTF-8", "review.pdf", "review.txt");
        assertThat(Files.readString(dir.resolve("review.txt")).replaceAll("\\s+", ""))
                .contains("以改革抓攻坚，以攻坚促改革", "约68亿元", "12.开平启动", "存在问题", "下一步工作");
    }

    @Test
    void the_html_review_is_a_printable_page_and_an_unknown_format_is_refused_clearly() throws Exception {
        mvc.perform(get(REVIEW).param("format", "html").with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/html")));
        String html = new String(download("html"), StandardCharsets.UTF_8);
        assertThat(html).contains("@page", "约68亿元", "<h2 class=\"section\">3. 三埠氢能装备制造和创新应用示范基地首批项目动工</h2>");
        mvc.perform(get(REVIEW).param("format", "odt").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].message")
                        .value("不支持的格式“odt”，可选 md、html、pdf、docx。"));
        mvc.perform(get(REVIEW).param("format", "md")).andExpect(status().isUnauthorized());
    }
}
