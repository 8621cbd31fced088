package org.gongjian.ipcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** The IP centre's ledger on the embedded H2 database, with its pages and the Excel import. */
class IpCentreH2Tests extends IpCentreContract {

    @Test
    void the_centres_pages_render_with_clock_colours_timeline_and_charts() throws Exception {
        long caseId = jdbc.sql("select min(id) from ipcentre_design_case where demo = true and status = 'GRANTED'")
                .query(Long.class).single();
        long firmId = jdbc.sql("select min(id) from ipcentre_firm where demo = true").query(Long.class).single();
        long protectionId = jdbc.sql("select min(id) from ipcentre_protection_case where demo = true").query(Long.class).single();
        String uscc = jdbc.sql("select uscc from enterprise where demo = true order by id limit 1").query(String.class).single();
        mvc.perform(get("/ipcentre/cases").with(page("ip-viewer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("badge text-bg-")))
                .andExpect(content().string(containsString("演示")));
        mvc.perform(get("/ipcentre/cases").param("light", "RED").with(page("ip-viewer"))).andExpect(status().isOk());
        mvc.perform(get("/ipcentre/cases/" + caseId).with(page("ip-viewer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("国家局环节")))
                .andExpect(content().string(containsString("办理经过")))
                .andExpect(content().string(containsString("已授权")));
        mvc.perform(get("/ipcentre/cases/" + caseId).with(page("ip-clerk"))).andExpect(status().isOk());
        mvc.perform(get("/ipcentre/firms/" + firmId).with(page("ip-viewer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("备案条件")));
        mvc.perform(get("/ipcentre/firms").with(page("ip-viewer"))).andExpect(status().isOk());
        mvc.perform(get("/ipcentre/protection").with(page("ip-viewer"))).andExpect(status().isOk());
        mvc.perform(get("/ipcentre/protection/" + protectionId).with(page("ip-clerk"))).andExpect(status().isOk());
        mvc.perform(get("/ipcentre/statistics").param("year", "2025").with(page("ip-viewer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-ipcentre-chart")));
        byte[] xlsx = mvc.perform(get("/ipcentre/statistics.xlsx").param("year", "2025").with(page("ip-viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("授权（件）");
            assertThat(sheet.getLastRowNum()).isEqualTo(12);
            double granted = 0;
            for (int r = 1; r <= 12; r++) {
                granted += sheet.getRow(r).getCell(4).getNumericCellValue();
            }
            assertThat(granted).isPositive();
        }
        mvc.perform(get("/enterprises").with(page("ip-viewer"))).andExpect(status().isOk());
        mvc.perform(get("/enterprises/" + uscc).with(page("ip-viewer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(uscc)));
        mvc.perform(get("/ipcentre/cases/new").with(page("ip-viewer"))).andExpect(status().isForbidden());
    }

    @Test
    void an_import_with_one_wrong_row_keeps_nothing_and_names_the_row_and_a_right_one_keeps_all() throws Exception {
        Firm firm = registeredFirm(agency(true));
        Agency listed = firms.agency(firm.agencyId());
        long before = jdbc.sql("select count(*) from ipcentre_design_case").query(Long.class).single();
        byte[] wrong = workbook(List.of(
                row(firm.enterprise().uscc(), listed.agencyCode(), "淋浴花洒（导入）", "23-02", "2024-09-27", "2024-09-27",
                        "2024-09-30", "2024-09-30", "202430600001.2", "2024-10-09", "ZL202430600001.2"),
                row(firm.enterprise().uscc(), "NO-SUCH", "角阀（导入）", "23-01", "2024-10-08", "", "", "", "", "", ""),
                row(firm.enterprise().uscc(), listed.agencyCode(), "地漏（导入）", "99-01", "2024-10-08", "", "", "", "", "", "")));
        mvc.perform(multipart("/ipcentre/cases/import").file(new MockMultipartFile("file", "cases.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", wrong)).with(page("ip-clerk")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errors", org.hamcrest.Matchers.hasItems(
                        containsString("2行有误"), containsString("第3行"), containsString("第4行"))));
        assertThat(jdbc.sql("select count(*) from ipcentre_design_case").query(Long.class).single()).isEqualTo(before);

        byte[] right = workbook(List.of(
                row(firm.enterprise().uscc(), listed.agencyCode(), "淋浴花洒（导入）", "23-02", "2024-09-27", "2024-09-27",
                        "2024-09-30", "2024-09-30", "202430600001.2", "2024-10-09", "ZL202430600001.2"),
                row(firm.enterprise().uscc(), listed.agencyCode(), "角阀（导入）", "23-01", "2024-10-08", "", "", "", "", "",
                        "")));
        mvc.perform(multipart("/ipcentre/cases/import").file(new MockMultipartFile("file", "cases.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", right)).with(page("ip-clerk")).with(csrf()))
                .andExpect(flash().attribute("imported", 2));
        DesignCase granted = designs.list(DesignStatus.GRANTED, firm.id(), null, LocalDate.now(), org.springframework.data.domain.Pageable.unpaged())
                .getContent().get(0);
        assertThat(granted.clocks().total().workingDays()).isEqualTo(4);
        assertThat(designs.list(DesignStatus.SUBMITTED, firm.id(), null, LocalDate.now(),
                org.springframework.data.domain.Pageable.unpaged()).getTotalElements()).isEqualTo(1);
    }

    @Test
    void the_import_api_answers_every_row_s_errors_as_problem_details_and_gives_the_file_back_with_an_error_column()
            throws Exception {
        Firm firm = registeredFirm(agency(true));
        Agency listed = firms.agency(firm.agencyId());
        String uscc = firm.enterprise().uscc();
        long before = jdbc.sql("select count(*) from ipcentre_design_case").query(Long.class).single();
        byte[] wrong = workbook(List.of(
                row(uscc, listed.agencyCode(), "恒温阀（接口导入）", "23-02", "2024-10-08", "", "", "", "", "", ""),
                row(uscc, "NO-SUCH", "角阀（接口导入）", "23-01", "2024-10-08", "", "", "", "", "", "")));
        String body = mvc.perform(multipart("/api/v1/ipcentre/cases/import").file(xlsx(wrong)).with(page("ip-clerk")).with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].messages[0]").value(containsString("NO-SUCH")))
                .andReturn().getResponse().getContentAsString();
        assertThat(jdbc.sql("select count(*) from ipcentre_design_case").query(Long.class).single()).isEqualTo(before);
        String errorFile = com.jayway.jsonpath.JsonPath.read(body, "$.errorFile");
        byte[] marked = mvc.perform(get(errorFile).with(page("ip-clerk"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(marked))) {
            Sheet sheet = wb.getSheet("预审案件");
            assertThat(sheet.getRow(0).getCell(11).getStringCellValue()).isEqualTo("错误说明");
            assertThat(sheet.getRow(1).getCell(11)).isNull();
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("角阀（接口导入）");
            assertThat(sheet.getRow(2).getCell(11).getStringCellValue()).contains("NO-SUCH");
        }
        // the page offers the same workbook; nobody but the uploader gets it
        mvc.perform(get("/ipcentre/cases/import-errors/" + errorFile.substring(errorFile.lastIndexOf('/') + 1) + ".xlsx")
                .with(page("ip-clerk"))).andExpect(status().isOk());
        mvc.perform(get(errorFile).with(page("admin"))).andExpect(status().isNotFound());
        mvc.perform(get(errorFile).with(page("ip-viewer"))).andExpect(status().isForbidden());

        byte[] right = workbook(List.of(
                row(uscc, listed.agencyCode(), "恒温阀（接口导入）", "23-02", "2024-10-08", "", "", "", "", "", "")));
        mvc.perform(multipart("/api/v1/ipcentre/cases/import").file(xlsx(right)).with(page("ip-clerk")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(1));
        assertThat(jdbc.sql("select count(*) from ipcentre_design_case").query(Long.class).single()).isEqualTo(before + 1);
        mvc.perform(multipart("/api/v1/ipcentre/cases/import").file(xlsx(workbook(List.of()))).with(page("ip-clerk"))
                .with(csrf())).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    private static MockMultipartFile xlsx(byte[] content) {
        return new MockMultipartFile("file", "cases.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                content);
    }

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("预审案件");
            Row header = sheet.createRow(0);
            for (int i = 0; i < CaseImport.HEADER.size(); i++) {
                header.createCell(i).setCellValue(CaseImport.HEADER.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
