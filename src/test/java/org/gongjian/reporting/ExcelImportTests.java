package org.gongjian.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.gongjian.reporting.Workbooks.row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Units hand in their 台账 as Excel: what is imported, what is refused, and that a refusal writes nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ReportingFixtures
class ExcelImportTests {

    static final String API = "/api/v1/programmes/kaiping-2024";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;

    static RequestPostProcessor admin() {
        return httpBasic("admin", "test-admin-secret");
    }

    @BeforeEach
    void users() {
        if (accounts.findByUsername("chishui-clerk").isEmpty()) {
            accounts.create("chishui-clerk", "赤水镇填报员", "staff-secret-1", organisation.unit("chishui").id(),
                    Set.of(Role.UNIT_STAFF));
        }
    }

    /** Imported figures only: the ledgers of the shared context feed their own (source LEDGER) meanwhile. */
    long measurements() {
        return jdbc.sql("select count(*) from programme_measurement where source = 'IMPORT'").query(Long.class).single();
    }

    ResultActions upload(byte[] file, String name, RequestPostProcessor who) throws Exception {
        return mvc.perform(multipart(API + "/imports/measurements")
                .file(new MockMultipartFile("file", name, "application/octet-stream", file)).with(who));
    }

    /** A 进展数据 sheet like the template's, with the given rows under a title and the header. */
    static byte[] sheet(List<List<Object>> rows) throws Exception {
        return Workbooks.xlsx(new Workbooks.SheetSpec("进展数据", "2024年指标进展填报表",
                List.of("序号", "指标编码", "指标名称", "计量单位", "数值", "截至日期", "备注"), rows));
    }

    @Test
    void a_filled_template_is_imported_whole_with_money_in_yi_yuan_converted_and_one_audit_entry() throws Exception {
        long before = measurements();
        byte[] file = sheet(List.of(
                row("示例", "roads.demo-roads", "示例", "条", 5, LocalDate.of(2024, 12, 31), "示例行不导入"),
                row(1, "hydrogen.investment", "示范基地累计完成投资", "亿元", 12.5, LocalDate.of(2024, 9, 30), "一期"),
                row(2, "hydrogen.area", "示范基地开发用地", "公顷", "３２０", "2024年9月30日", null),
                row(3, "volunteers.teams", "志愿服务队伍", "支", null, null, null)));
        upload(file, "三埠9月.xlsx", admin()).andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(2)).andExpect(jsonPath("$.errors").isEmpty());
        assertThat(measurements()).isEqualTo(before + 2);
        assertThat(jdbc.sql("""
                select m.measured_value from programme_measurement m join programme_target t on t.id = m.target_id
                 where t.code = 'hydrogen.investment' and m.source_ref = '三埠9月.xlsx'""").query(java.math.BigDecimal.class)
                .single()).isEqualByComparingTo("1250000000");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'measurement-import' and action = 'CREATE'"
                + " and entity_id = 'kaiping-2024/三埠9月.xlsx'").query(Long.class).single()).isEqualTo(1);
    }

    /** The template's columns, with the confirmation of an implausible figure and its reason. */
    static byte[] confirmable(List<List<Object>> rows) throws Exception {
        return Workbooks.xlsx(new Workbooks.SheetSpec("进展数据", "2024年指标进展填报表",
                List.of("序号", "指标编码", "指标名称", "计量单位", "数值", "截至日期", "备注", "确认无误", "原因"), rows));
    }

    @Test
    void an_implausible_figure_is_a_row_error_unless_its_row_confirms_it_with_a_reason_as_the_template_explains()
            throws Exception {
        byte[] template = mvc.perform(get(API + "/templates/measurements.xlsx").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            var header = wb.getSheet("进展数据").getRow(1);
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("确认无误");
            assertThat(header.getCell(8).getStringCellValue()).isEqualTo("原因");
            StringBuilder guide = new StringBuilder();
            wb.getSheet("填报说明").forEach(r -> r.forEach(c -> guide.append(c.toString())));
            assertThat(guide).contains("“确认无误”列选“是”");
        }
        LocalDate first = LocalDate.of(2024, 10, 8);
        upload(confirmable(List.of(row(1, "lowalt.parks", "", "个", 3, first, null, null, null))), "parks-1.xlsx", admin())
                .andExpect(status().isOk());
        long before = measurements();
        // 40 parks the next day (more than ten times 3), then 2 (fewer: against the direction), confirmed without a reason
        upload(confirmable(List.of(
                        row(1, "lowalt.parks", "", "个", 40, first.plusDays(1), null, null, null),
                        row(2, "lowalt.parks", "", "个", 2, first.plusDays(2), null, "是", null))), "parks-2.xlsx", admin())
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].messages[0]").value(
                        "数值：数值超过该指标上一次数值（3个，2024-10-08）的10倍，请核实；确属实请在本行“确认无误”列填“是”，并在“原因”列说明。"))
                .andExpect(jsonPath("$.errors[1].messages[0]").value(org.hamcrest.Matchers.startsWith(
                        "数值：数值与指标方向相反（上一次为3个，2024-10-08）")));
        assertThat(measurements()).isEqualTo(before);
        upload(confirmable(List.of(row(1, "lowalt.parks", "", "个", 40, first.plusDays(1), null, "是", "新建成园区集中验收"),
                        row(2, "lowalt.parks", "", "个", 41, first.plusDays(2), null, "否", null))), "parks-3.xlsx", admin())
                .andExpect(status().isOk()).andExpect(jsonPath("$.written").value(2));
        assertThat(jdbc.sql("""
                select m.plausibility, m.reason from programme_measurement m where m.source_ref = 'parks-3.xlsx'
                order by m.as_of""").query((rs, n) -> rs.getString(1) + "/" + rs.getString(2)).list())
                .containsExactly("TENFOLD_RISE/新建成园区集中验收", "null/null");
        upload(confirmable(List.of(row(1, "lowalt.parks", "", "个", 42, first.plusDays(3), null, "可能", null))),
                "parks-4.xlsx", admin())
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].messages[0]").value("确认无误：“确认无误”只能填“是”或留空，不能填“可能”。"));
    }

    @Test
    void a_file_with_bad_rows_writes_nothing_and_comes_back_with_an_error_column_naming_each_rows_problem()
            throws Exception {
        long before = measurements();
        // the good row is confirmed: whatever other tests of this context stored for the target, it stays good
        byte[] file = confirmable(List.of(
                row(1, "hydrogen.area", "开发用地", "公顷", 100, LocalDate.of(2024, 9, 30), "好的一行", "是", "测试数据"),
                row(2, "hydrogen.area", "开发用地", "公顷", "约5000", LocalDate.of(2024, 9, 30), null, null, null),
                row(3, "no.such-target", "?", "个", 1, LocalDate.of(2024, 9, 30), null, null, null),
                row(4, "hydrogen.area", "开发用地", "公顷", "=1+1", "2024-13-45", null, null, null),
                row(5, "hydrogen.area", "开发用地", "公顷", 1, LocalDate.of(2099, 1, 1), null, null, null),
                row(6, "hydrogen.area", "开发用地", "元", 1, LocalDate.of(2024, 9, 30), null, null, null)));
        String body = upload(file, "bad.xlsx", admin()).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.written").value(0))
                .andExpect(jsonPath("$.errors.length()").value(5))
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath("$.errors[0].messages[0]").value(org.hamcrest.Matchers.containsString("“约5000”不是数字")))
                .andExpect(jsonPath("$.errors[1].messages[0]").value("指标编码：指标编码“no.such-target”在本方案中不存在。"))
                .andExpect(jsonPath("$.errors[2].messages").value(org.hamcrest.Matchers.hasItems(
                        "数值：不接受公式，请复制后“选择性粘贴—数值”。", "截至日期：“2024-13-45”不是日期，请填写如 2024-05-22。")))
                .andExpect(jsonPath("$.errors[4].messages[0]").value("计量单位：计量单位“元”与指标的单位（公顷）不符。"))
                .andReturn().getResponse().getContentAsString();
        assertThat(measurements()).isEqualTo(before);
        // the future date is caught by the programme's own rule, after the sheet itself was read clean of it
        assertThat(body).contains("截至日期：数据日期不能晚于今天");
        String id = com.jayway.jsonpath.JsonPath.read(body, "$.errorFileId");
        byte[] marked = mvc.perform(get("/api/v1/imports/errors/" + id + ".xlsx").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(marked))) {
            Sheet s = wb.getSheet("进展数据");
            assertThat(s.getRow(1).getCell(9).getStringCellValue()).isEqualTo("错误说明");
            assertThat(s.getRow(2).getCell(9)).isNull();
            assertThat(s.getRow(3).getCell(9).getStringCellValue()).contains("“约5000”不是数字");
            assertThat(s.getRow(4).getCell(1).getStringCellValue()).isEqualTo("no.such-target");
        }
        mvc.perform(get("/api/v1/imports/errors/" + id + ".xlsx").with(httpBasic("chishui-clerk", "staff-secret-1")))
                .andExpect(status().isNotFound());
    }

    @Test
    void unit_staff_import_only_for_their_own_units_initiatives_and_a_refusal_is_audited() throws Exception {
        long before = measurements();
        byte[] file = sheet(List.of(
                row(1, "gep.towns-accounted", "GEP", "个", 2, LocalDate.of(2024, 9, 30), null),
                row(2, "hydrogen.area", "开发用地", "公顷", 1, LocalDate.of(2024, 9, 30), null)));
        upload(file, "chishui.xlsx", httpBasic("chishui-clerk", "staff-secret-1"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath("$.errors[0].messages[0]").value(org.hamcrest.Matchers.containsString("无权填报指标 hydrogen.area")));
        assertThat(measurements()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and entity_type = 'measurement-import'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void exported_measurements_imported_again_give_the_same_data() throws Exception {
        // confirmed, so that what other tests of this context stored for these targets cannot make them implausible
        upload(confirmable(List.of(row(1, "hydrogen.investment", "", "元", 123456789.25, LocalDate.of(2024, 10, 31),
                        new Workbooks.Literal("=SUM(A1)"), "是", "测试数据"),
                row(2, "food.listed", "", "家", 1, LocalDate.of(2024, 11, 30), "+新增1家；（待核）", "是", "测试数据"))),
                "seed.xlsx", admin())
                .andExpect(status().isOk());
        String query = """
                select t.code, m.measured_value, m.as_of, m.note from programme_measurement m
                  join programme_target t on t.id = m.target_id where m.source_ref = :ref order by t.code, m.as_of, m.id""";
        List<Map<String, Object>> original = jdbc.sql(query.replace("m.source_ref = :ref", "m.source_ref <> 'round-trip.xlsx'"))
                .query().listOfRows();
        byte[] export = mvc.perform(get(API + "/measurements.xlsx").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            List<org.apache.poi.ss.usermodel.Cell> notes = new java.util.ArrayList<>();
            wb.getSheet("进展数据").forEach(r -> {
                var c = r.getCell(6);
                if (c != null && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && (c.getStringCellValue().startsWith("=") || c.getStringCellValue().startsWith("+"))) {
                    notes.add(c);
                }
            });
            assertThat(notes).extracting(org.apache.poi.ss.usermodel.Cell::getStringCellValue)
                    .containsExactlyInAnyOrder("=SUM(A1)", "+新增1家；（待核）");
            assertThat(notes).as("text starting with = or + is never a formula")
                    .allMatch(c -> c.getCellStyle().getQuotePrefixed());
        }
        upload(export, "round-trip.xlsx", admin()).andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(original.size()));
        List<Map<String, Object>> again = jdbc.sql(query).param("ref", "round-trip.xlsx").query().listOfRows();
        assertThat(again).hasSize(original.size());
        for (int i = 0; i < again.size(); i++) {
            assertThat(again.get(i).get("code")).isEqualTo(original.get(i).get("code"));
            assertThat((java.math.BigDecimal) again.get(i).get("measured_value"))
                    .isEqualByComparingTo((java.math.BigDecimal) original.get(i).get("measured_value"));
            assertThat(again.get(i).get("as_of")).isEqualTo(original.get(i).get("as_of"));
            assertThat(again.get(i).get("note")).isEqualTo(original.get(i).get("note"));
        }
    }

    @Test
    void hostile_files_each_get_a_clear_message_and_leave_the_database_unchanged() throws Exception {
        byte[] good = sheet(List.of(row(1, "hydrogen.area", "", "公顷", 1, LocalDate.of(2024, 9, 30), null)));
        for (String kind : List.of("measurements", "initiatives")) {
            String stored = everythingStored();
            refused(kind, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, "corrupt.xlsx", 400, "不是有效的 Excel");
            refused(kind, Arrays.copyOf(good, good.length / 2), "truncated.xlsx", 400, "文件已损坏或不完整");
            refused(kind, xls(), "old.xls", 400, "另存为” .xlsx");
            refused(kind, zipBomb(), "bomb.xlsx", 400, "压缩炸弹");
            refused(kind, millionRows(), "million.xlsx", 400, "数据行数超过上限 200000 行");
            refused(kind, new byte[0], "empty.xlsx", 400, "上传的文件是空的");
            refused(kind, new byte[21 * 1024 * 1024], "huge.xlsx", 413, "文件太大");
            assertThat(everythingStored()).as("after hostile %s files", kind).isEqualTo(stored);
        }
    }

    /** Counts, last ids and versions of the tables the imports write to. */
    String everythingStored() {
        return jdbc.sql("""
                select (select count(*) || '/' || coalesce(max(id), 0) from programme_measurement where source <> 'LEDGER') || ' '
                    || (select count(*) || '/' || coalesce(max(id), 0) || '/' || coalesce(sum(version), 0) from programme_initiative)
                    || ' ' || (select count(*) || '/' || coalesce(max(id), 0) || '/' || coalesce(sum(version), 0) from programme_target)""")
                .query(String.class).single();
    }

    private void refused(String kind, byte[] file, String name, int status, String message) throws Exception {
        mvc.perform(multipart(API + "/imports/" + kind)
                .file(new MockMultipartFile("file", name, "application/octet-stream", file)).with(admin()))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(message)));
    }

    private static byte[] xls() throws Exception {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("进展数据").createRow(0).createCell(0).setCellValue("指标编码");
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A valid-looking .xlsx whose sheet inflates from a few hundred kilobytes to over a gigabyte. */
    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            skeleton(zip);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".getBytes());
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 1100; i++) {
                zip.write(spaces);
            }
            zip.write("</sheetData></worksheet>".getBytes());
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** An .xlsx of 1,000,000 data rows, written straight as XML (POI would take minutes). */
    private static byte[] millionRows() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            skeleton(zip);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            StringBuilder xml = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>指标编码</t></is></c>"
                    + "<c r=\"B1\" t=\"inlineStr\"><is><t>数值</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>截至日期</t></is></c></row>");
            java.util.Random random = new java.util.Random(7);
            for (int r = 2; r <= 1_000_001; r++) {
                xml.append("<row r=\"").append(r).append("\"><c r=\"B").append(r).append("\"><v>")
                        .append(random.nextInt(1_000_000)).append("</v></c></row>");
                if (xml.length() > 1 << 16) {
                    zip.write(xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    xml.setLength(0);
                }
            }
            xml.append("</sheetData></worksheet>");
            zip.write(xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void skeleton(ZipOutputStream zip) throws Exception {
        put(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
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
                </Relationships>""");
    }

    private static void put(ZipOutputStream zip, String name, String text) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
