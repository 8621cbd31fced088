package org.gongjian.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The monthly bulletin of the Kaiping demo, in Chinese and in English, with its charts as pictures. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BulletinTests {

    static final String BULLETIN = "/api/v1/programmes/kaiping-2024/bulletin";

    @Autowired MockMvc mvc;

    byte[] download(String format, String language) throws Exception {
        return mvc.perform(get(BULLETIN).param("month", "2024-09").param("format", format)
                        .header("Accept-Language", language).with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void the_september_bulletin_gives_totals_by_status_progress_against_time_and_the_months_events() throws Exception {
        String md = new String(download("md", "zh-CN"), StandardCharsets.UTF_8);
        assertThat(md).startsWith("# 2024年改革攻坚年工作简报\n\n*2024年第9期*\n\n*数据截至2024年9月30日*");
        // Other tests in this context add figures to the demo, so the split by status is checked on a programme
        // of its own (BulletinStatusTests); here the totals and the layout.
        assertThat(md).contains("### 一、总体进展", "全年重点改革攻坚任务共11项，截至月底：", "设定量化指标46个：", "工作节点18个：",
                "| 类别 | 正常 | 预警 | 滞后 | 逾期 | 已完成 | 无数据 | 合计 |", "| 任务 |", " | 11 |", " | 46 |", " | 18 |",
                "### 二、进度与时间进度对比（按领域）", "| 领域 | 已填报指标 | 平均完成进度 | 时间进度 | 差值（百分点） |",
                "![各领域平均完成进度与时间进度（%）](data:image/png;base64,", "### 三、滞后和逾期事项",
                "### 四、督办情况", "本月发出督办单0件",
                "### 五、进度排名", "### 六、状态变化（与上月底相比）", "### 七、本月工作进展", "9月，开平获批建设国家级知识产权快速维权中心。");
    }

    @Test
    void a_bulletin_for_a_month_not_yet_begun_is_refused_with_the_reason() throws Exception {
        mvc.perform(get(BULLETIN).param("month", "2099-01").with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"))
                .andExpect(jsonPath("$.errors[0].message").value("月份“2099-01”尚未开始，不能生成简报。"));
    }

    @Test
    void the_english_bulletin_writes_its_own_words_in_english_and_leaves_only_the_data_in_chinese() throws Exception {
        String md = new String(download("md", "en"), StandardCharsets.UTF_8);
        assertThat(md).startsWith("# 改革攻坚年 (2024): monthly bulletin\n\n*2024, issue 9*\n\n*Data as of 2024-09-30*");
        assertThat(md).contains("### 1. Overall progress",
                "11 key initiatives this year; at the end of the month: ",
                "### 2. Progress against time progress, by field",
                "| Field | Targets reported | Average progress | Time progress | Difference (points) |", "| Finance |",
                "### 3. Off track and overdue", "### 4. Supervision notices", "### 5. Rankings", "### 6. Status changes since last month",
                "### 7. Work this month", "2024-09: 开平获批建设国家级知识产权快速维权中心.");
        assertThat(md).as("no Chinese fixed words, numbering or dates")
                .doesNotContain("一、", "11项", "领域", "推进中", "已完成", "截至", "第9期", "9月", "金融服务", "节点", "指标");
    }

    @Test
    void the_word_and_pdf_bulletins_carry_the_charts_as_pictures() throws Exception {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(download("docx", "zh-CN")))) {
            assertThat(docx.getAllPictures()).as("status totals and time progress").hasSize(2);
            assertThat(docx.getAllPictures().get(0).getData()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        }
        try (PDDocument pdf = Loader.loadPDF(download("pdf", "zh-CN"))) {
            int images = 0;
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    images += page.getResources().getXObject(name) instanceof PDImageXObject ? 1 : 0;
                }
            }
            assertThat(images).isEqualTo(2);
        }
    }
}
