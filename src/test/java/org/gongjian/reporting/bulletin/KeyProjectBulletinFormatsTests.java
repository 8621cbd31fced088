package org.gongjian.reporting.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongjian.reporting.Document;
import org.gongjian.reporting.render.Format;
import org.gongjian.reporting.KeyProjectFigures;
import org.gongjian.reporting.render.Renderer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.test.context.ActiveProfiles;

/**
 * The key-project bulletin as the office downloads it: the pdf and the docx, rendered by the shared renderer from
 * known figures (Jiangmen's October 2023 list), each carry the customary sentence and the projects' table, read back
 * with PDFBox and POI's XWPF text extractor.
 */
@SpringBootTest
@AutoConfigureMockMvc   // the configuration most tests share, so the cached context serves this one too
@ActiveProfiles("test")
class KeyProjectBulletinFormatsTests {

    static final String SENTENCE = "444个项目，总投资5141亿元，年度计划647.4亿元；1–10月完成629亿元，占年度计划97.2%，"
            + "快于时间进度13.8个百分点；计划新开工255个，已开工206个（80.8%）。";

    @Autowired Renderer renderer;
    @Autowired MessageSource messages;

    Document october2023() {
        KeyProjectFigures known = month -> new KeyProjectFigures.Summary(month, 444, KeyProjectBulletinTests.yi("5141"),
                KeyProjectBulletinTests.yi("647.4"), KeyProjectBulletinTests.yi("629"), 255, 206,
                List.of(new KeyProjectFigures.Row("2023-440783-34-03-000001", "三埠氢能装备产业基地", "三埠街道",
                        KeyProjectBulletinTests.yi("68"), KeyProjectBulletinTests.yi("7.3"), KeyProjectBulletinTests.yi("6.1"),
                        new java.math.BigDecimal("83.6"), "NORMAL", null)));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("figures", known));
        Clock november = Clock.fixed(LocalDate.of(2023, 11, 5).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        return new KeyProjectBulletin(beans.getBeanProvider(KeyProjectFigures.class), messages, november)
                .compose(YearMonth.of(2023, 10), Locale.SIMPLIFIED_CHINESE);
    }

    /** Text as a reader sees it: line breaks the layout made and spaces between glyph runs taken out. */
    static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void the_pdf_carries_the_customary_sentence_and_the_projects_table() throws Exception {
        byte[] pdf = renderer.render(october2023(), Format.PDF, Locale.SIMPLIFIED_CHINESE);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = flat(new PDFTextStripper().getText(doc));
            assertThat(text).contains(SENTENCE).contains("三埠氢能装备产业基地").contains("83.6%");
        }
    }

    @Test
    void the_docx_carries_the_customary_sentence_and_the_projects_table() throws Exception {
        byte[] docx = renderer.render(october2023(), Format.DOCX, Locale.SIMPLIFIED_CHINESE);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            assertThat(doc.getParagraphs()).as("the sentence is one paragraph of its own")
                    .anySatisfy(p -> assertThat(p.getText()).isEqualTo(SENTENCE));
            assertThat(flat(words.getText())).contains("三埠氢能装备产业基地").contains("83.6%");
        }
    }
}
