package org.gongjian.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.reporting.excel.XlsxWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The office imports the road register from its spreadsheet on the register page: a file with one wrong row writes
 * nothing, lists the row's problems and gives the file back with an 错误说明 column beside that row; the corrected
 * file writes the route and its segment.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RoadImportTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired RoadRegister register;

    private static final List<Object> GOOD = List.of("X9101", "导入测试路", 0, 1.5, "四级", "水泥", 4.5, "赤坎镇", "塘边村",
            "赤坎镇公路站", "是");
    private static final List<Object> BAD = List.of("Q12", "坏行测试路", 2, 3, "五级", "水泥", 4.5, "火星镇", "", "", "是");

    @Test
    void a_register_with_a_wrong_row_writes_nothing_and_comes_back_marked_then_the_corrected_file_is_written()
            throws Exception {
        MvcResult refused = mvc.perform(multipart("/roads/register/import").file(register(List.of(GOOD, BAD)))
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(redirectedUrl("/roads/register")).andReturn();
        @SuppressWarnings("unchecked")
        List<String> errors = (List<String>) refused.getFlashMap().get("errors");
        assertThat(errors).singleElement().asString()
                .startsWith("第 4 行：")   // a title and the header stand above the two rows
                .contains("路线编码“Q12”不对", "技术等级", "五级", "镇街“火星镇”不存在");
        assertThat(register.findRoute("X9101")).as("nothing written while a row is wrong").isEmpty();

        byte[] marked = mvc.perform(get("/roads/register/import-errors/" + refused.getFlashMap().get("errorFile"))
                        .with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(marked))) {
            Sheet sheet = book.getSheet("路网台账");
            Map<Integer, String> column = new java.util.TreeMap<>();
            for (Row row : sheet) {
                var c = row.getCell(GOOD.size());
                column.put(row.getRowNum() + 1, c == null ? "" : c.getStringCellValue());
            }
            assertThat(column.get(2)).isEqualTo("错误说明");
            assertThat(column.get(3)).as("the good row").isEmpty();
            assertThat(column.get(4)).contains("路线编码“Q12”不对", "镇街“火星镇”不存在");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).as("the row as uploaded").isEqualTo("Q12");
        }

        MvcResult written = mvc.perform(multipart("/roads/register/import").file(register(List.of(GOOD)))
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(redirectedUrl("/roads/register")).andReturn();
        assertThat(written.getFlashMap().get("saved")).isEqualTo("已导入 1 行。");
        RoadRegister.Route route = register.findRoute("X9101").orElseThrow();
        assertThat(register.segments(route.id())).singleElement().satisfies(s -> {
            assertThat(s.endKm()).isEqualByComparingTo("1.5");
            assertThat(s.townCode()).isEqualTo("chikan");
        });
    }

    @Test
    void a_file_without_the_registers_header_is_refused_naming_the_columns_it_needs() throws Exception {
        MvcResult refused = mvc.perform(multipart("/roads/register/import").file(file(List.of("线路", "长度"), List.of()))
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(redirectedUrl("/roads/register")).andReturn();
        assertThat(refused.getFlashMap().get("errors")).asString()
                .contains("没有找到“路网台账”表的表头", "路线编码、起点桩号(km)、止点桩号(km)");
    }

    private static MockMultipartFile register(List<List<Object>> rows) throws Exception {
        return file(RoadWorkbooks.REGISTER.subList(0, GOOD.size()), rows);
    }

    private static MockMultipartFile file(List<String> header, List<List<Object>> rows) throws Exception {
        try (XlsxWriter out = new XlsxWriter()) {
            var sheet = out.sheet("路网台账", "农村公路路网台账", header, new int[] {});
            List<List<Object>> all = new ArrayList<>(rows);
            for (int i = 0; i < all.size(); i++) {
                out.row(sheet, i + 2, all.get(i));
            }
            return new MockMultipartFile("file", "路网.xlsx", "application/octet-stream", out.bytes());
        }
    }
}
