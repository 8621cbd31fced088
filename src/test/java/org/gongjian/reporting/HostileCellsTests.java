package org.gongjian.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Cells an attacker crafts: a cell of millions of characters (in the shared strings or inline), a number of a
 * billion digits, a negative number in a date cell. Each is a row error naming its column; nothing is written
 * and the reader never holds more than a cell's worth of text.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ReportingFixtures
class HostileCellsTests {

    static final String API = "/api/v1/programmes/kaiping-2024";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    /** Imported figures only: the ledgers of the shared context feed their own (source LEDGER) meanwhile. */
    long measurements() {
        return jdbc.sql("select count(*) from programme_measurement where source = 'IMPORT'").query(Long.class).single();
    }

    ResultActions upload(byte[] file) throws Exception {
        return mvc.perform(multipart(API + "/imports/measurements")
                .file(new MockMultipartFile("file", "hostile.xlsx", "application/octet-stream", file))
                .with(httpBasic("admin", "test-admin-secret")));
    }

    @Test
    void a_cell_of_millions_of_characters_is_a_row_error_not_an_exhausted_heap() throws Exception {
        long before = measurements();
        String huge = letters(6_000_000);
        upload(rawSheet("<c r=\"E3\" t=\"s\"><v>0</v></c>", "<c r=\"E4\"><v>5</v></c><c r=\"G4\" t=\"inlineStr\"><is><t>" + huge + "</t></is></c>", huge))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.written").value(0))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].messages").value(hasItem("数值：单元格内容超过 32767 字（Excel 的上限），请检查是否粘贴了多余内容。")))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].messages").value(hasItem(containsString("备注：单元格内容超过 32767 字"))));
        assertThat(measurements()).isEqualTo(before);
    }

    @Test
    void a_number_of_a_billion_digits_in_a_cell_is_a_row_error() throws Exception {
        long before = measurements();
        upload(rawSheet("<c r=\"E3\"><v>1E400000000</v></c>", "<c r=\"E4\" t=\"inlineStr\"><is><t>1e19</t></is></c>", "x"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].messages[0]").value(containsString("数值：数值超出允许范围")))
                .andExpect(jsonPath("$.errors[1].messages[0]").value(containsString("数值：数值超出允许范围")));
        assertThat(measurements()).isEqualTo(before);
    }

    @Test
    void a_negative_number_in_a_date_cell_is_a_row_error_not_a_500() throws Exception {
        long before = measurements();
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet s = wb.createSheet("进展数据");
            Row header = s.createRow(0);
            String[] headers = {"序号", "指标编码", "指标名称", "计量单位", "数值", "截至日期", "备注"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            Row row = s.createRow(1);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue("hydrogen.area");
            row.createCell(3).setCellValue("公顷");
            row.createCell(4).setCellValue(100);
            row.createCell(5).setCellValue(-5);
            row.getCell(5).setCellStyle(dateStyle);
            wb.write(out);
            file = out.toByteArray();
        }
        upload(file).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].messages[0]").value(containsString("截至日期：“-5")));
        assertThat(measurements()).isEqualTo(before);
    }

    /** Random lowercase letters: they compress about 1:1.7, as a real text would, so the zip-bomb check lets them through. */
    private static String letters(int length) {
        Random random = new Random(12);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    /** A 进展数据 sheet with the template's header and two rows whose cells are given as XML. */
    private static byte[] rawSheet(String row3Cell, String row4Cell, String sharedString) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
                    <sheet name="进展数据" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                    </Relationships>""");
            put(zip, "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>"
                    + sharedString + "</t></si></sst>");
            StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"2\">");
            String[] headers = {"序号", "指标编码", "指标名称", "计量单位", "数值", "截至日期", "备注"};
            for (int i = 0; i < headers.length; i++) {
                sheet.append("<c r=\"").append((char) ('A' + i)).append("2\" t=\"inlineStr\"><is><t>").append(headers[i])
                        .append("</t></is></c>");
            }
            sheet.append("</row>");
            for (int r = 3; r <= 4; r++) {
                sheet.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>").append(r - 2)
                        .append("</v></c><c r=\"B").append(r).append("\" t=\"inlineStr\"><is><t>hydrogen.area</t></is></c>")
                        .append("<c r=\"D").append(r).append("\" t=\"inlineStr\"><is><t>公顷</t></is></c>")
                        .append(r == 3 ? row3Cell : row4Cell).append("</row>");
            }
            sheet.append("</sheetData></worksheet>");
            put(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Test
    void the_same_file_imported_again_answers_the_first_result_and_writes_nothing_unless_confirmed() throws Exception {
        byte[] file = Workbooks.xlsx(new Workbooks.SheetSpec("进展数据", null,
                java.util.List.of("序号", "指标编码", "指标名称", "计量单位", "数值", "截至日期", "备注"),
                java.util.List.of(Workbooks.row(1, "hydrogen.area", "开发用地", "公顷", 321, java.time.LocalDate.of(2024, 10, 31), "重试"))));
        long before = measurements();
        upload(file).andExpect(status().isOk()).andExpect(jsonPath("$.written").value(1))
                .andExpect(jsonPath("$.repeatOf").isEmpty());
        upload(file).andExpect(status().isOk()).andExpect(jsonPath("$.written").value(1))
                .andExpect(jsonPath("$.repeatOf").isNotEmpty());
        assertThat(measurements()).as("a retry writes nothing").isEqualTo(before + 1);
        mvc.perform(multipart(API + "/imports/measurements").param("confirm", "true")
                        .file(new MockMultipartFile("file", "hostile.xlsx", "application/octet-stream", file))
                        .with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.repeatOf").isEmpty());
        assertThat(measurements()).as("confirmed, it is imported again").isEqualTo(before + 2);
    }
}
