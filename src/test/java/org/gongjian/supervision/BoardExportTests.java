package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The warning board downloads as Excel: the same items as the board, worst first, with unit, deadline and reason. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BoardExportTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired StatusEngine engine;

    @Test
    void the_board_as_excel_lists_the_items_needing_attention_worst_first() throws Exception {
        byte[] xlsx = mvc.perform(get("/supervision/board.xlsx").param("programme", "kaiping-2024")
                        .with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        long attention = engine.status("kaiping-2024", engine.today()).targets().stream()
                .filter(t -> t.status().needsAttention()).count()
                + engine.status("kaiping-2024", engine.today()).milestones().stream()
                .filter(m -> m.status().needsAttention()).count();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            assertThat(f.formatCellValue(sheet.getRow(0).getCell(0))).contains("预警看板");
            assertThat(f.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("状态");
            assertThat(f.formatCellValue(sheet.getRow(1).getCell(10))).isEqualTo("原因");
            List<String> statuses = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                statuses.add(f.formatCellValue(row.getCell(0)));
                assertThat(f.formatCellValue(row.getCell(4))).as("lead unit").isNotBlank();
                assertThat(f.formatCellValue(row.getCell(10))).as("reason").isNotBlank();
            }
            assertThat(attention).isPositive();
            assertThat(statuses).hasSize((int) attention).first().isEqualTo("逾期");
            assertThat(statuses).doesNotContain("正常", "已完成");
        }
    }
}
