package org.gongjian.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.EnterpriseFigures;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.enterprise.Uscc;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The register's and the ledger's pages and API with the demo loaded: filters, an enterprise's figures, the
 * food plan's paths and layout, the statistics import (all or none) and the towns' data scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IndustryWebTests {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired Enterprises enterprises;
    @Autowired EnterpriseFigures figures;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts, organisation, "web-industry", "industry-it", Role.UNIT_STAFF);
        TestUsers.ensure(accounts, organisation, "web-chikan", "chikan", Role.UNIT_STAFF);
        TestUsers.ensure(accounts, organisation, "web-viewer", null, Role.VIEWER);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    static String uscc() {
        String first17 = String.format("91440783WW%07d", SERIAL.incrementAndGet());
        return first17 + Uscc.checkCharacter(first17);
    }

    @Test
    void the_register_filters_by_industry_and_above_scale_and_shows_an_enterprise_with_its_figures() throws Exception {
        String page = mvc.perform(get("/enterprises").param("industry", "C15").param("aboveScale", "true").with(as("web-viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("开平碉楼饮料有限公司", "开平大沙茶业有限公司").doesNotContain("开平潭江粮油有限公司");

        Enterprise tea = enterprises.search(new org.gongjian.enterprise.RegisterFilter("大沙茶业", null, null, null, null, null,
                null), org.springframework.data.domain.Pageable.ofSize(1)).getContent().get(0);
        String detail = mvc.perform(get("/enterprises/{u}", tea.uscc()).with(as("web-viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // exactly 10亿元 in 2024: 100,000.00万元
        assertThat(detail).contains("2024年", "100,000.00", "data-enterprise-chart", "演示");
    }

    @Test
    void the_food_plan_page_shows_each_target_path_and_the_layout_with_links_to_key_projects() throws Exception {
        String page = mvc.perform(get("/industry/plans/food-2035").with(as("web-viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("食品产业规模达到400亿元以上", "复合增长，年均 3.99%", "259.99", "一核一园多区",
                "/projects?element=food.core", "data-industry-layout", "data-industry-map");
        mvc.perform(get("/api/v1/industry/plans/lowalt-2030").with(as("web-viewer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.layoutMotto").value("一带、一平台、两园、N节点"))
                .andExpect(jsonPath("$.elements.length()").value(7))
                .andExpect(jsonPath("$.targets[0].target.indicatorCode").value("industry.layout-built.lowalt-2030.park"));
        mvc.perform(get("/industry").with(as("web-viewer"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("开平水暖卫浴产业集群")));
    }

    @Test
    void a_statistics_sheet_with_one_bad_row_is_refused_whole_with_every_row_error_and_writes_nothing() throws Exception {
        String good = uscc();
        String bad = uscc();
        String wrongCheck = bad.substring(0, 17) + (bad.charAt(17) == '0' ? '1' : '0');
        byte[] file = sheet(List.of(
                row(good, "导入测试食品有限公司", "赤坎镇", "C1462", "是", "2024", "", "52000", "51000", "300", "1500", "260"),
                row(wrongCheck, "导入测试坏行一", "赤坎镇", "C1462", "否", "2024", "", "100", "", "", "", ""),
                row(uscc(), "导入测试坏行二", "火星镇", "X99", "也许", "2024", "13", "-5", "", "", "", "")));

        mvc.perform(multipart("/api/v1/industry/statistics").file(new MockMultipartFile("file", "统计.xlsx",
                        MediaType.APPLICATION_OCTET_STREAM_VALUE, file)).with(as("web-industry")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.written").value(0))
                .andExpect(jsonPath("$.errors['3'][0]").value(org.hamcrest.Matchers.containsString("校验码")))
                .andExpect(jsonPath("$.errors['4'].length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)))
                .andExpect(jsonPath("$.errorFile").value(org.hamcrest.Matchers.startsWith("/api/v1/industry/statistics/errors/")));
        assertThat(enterprises.findByUscc(good)).isEmpty();

        byte[] fixed = sheet(List.of(row(good, "导入测试食品有限公司", "赤坎镇", "C1462", "是", "2024", "", "52000", "51000",
                "300", "1500", "260")));
        mvc.perform(multipart("/api/v1/industry/statistics").file(new MockMultipartFile("file", "统计.xlsx",
                        MediaType.APPLICATION_OCTET_STREAM_VALUE, fixed)).with(as("web-industry")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.written").value(1));
        Enterprise imported = enterprises.byUscc(good);
        assertThat(imported.townCode()).isEqualTo("chikan");
        assertThat(figures.of(imported.id())).singleElement().satisfies(f -> {
            assertThat(f.outputYuan()).isEqualByComparingTo("520000000");
            assertThat(f.exportsUsd()).isEqualByComparingTo("3000000");
            assertThat(f.employees()).isEqualTo(260);
        });
    }

    @Test
    void a_town_enters_figures_of_its_own_firms_only_by_page_and_api() throws Exception {
        Enterprise other = enterprises.register(new EnterpriseData(uscc(), "数据范围测试水口企业", "shuikou", null, "C1462",
                List.of(), false, null, null), false);
        Enterprise own = enterprises.register(new EnterpriseData(uscc(), "数据范围测试赤坎企业", "chikan", null, "C1462",
                List.of(), false, null, null), false);

        mvc.perform(put("/api/v1/enterprises/{u}/figures", other.uscc()).with(as("web-chikan")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2024,\"outputYuan\":1000000}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/enterprises/{u}/figures", other.uscc()).param("year", "2024").param("output", "100")
                .with(as("web-chikan")).with(csrf())).andExpect(status().isForbidden());
        assertThat(figures.of(other.id())).isEmpty();

        mvc.perform(put("/api/v1/enterprises/{u}/figures", own.uscc()).with(as("web-chikan")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2024,\"outputYuan\":1000000}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outputYuan").value(1000000));
        String refused = mvc.perform(post("/enterprises/{u}/figures", own.uscc()).param("year", "2024").param("month", "13")
                .param("output", "abc").with(as("web-chikan")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("is-invalid", "请填写数字", "abc");
        mvc.perform(post("/api/v1/industry/plans").with(as("web-chikan")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());

        // nor may an import move another town's firm into the town
        byte[] move = sheet(List.of(row(other.uscc(), other.name(), "赤坎镇", "C1462", "否", "2024", "", "100", "", "", "", "")));
        mvc.perform(multipart("/api/v1/industry/statistics").file(new MockMultipartFile("file", "移镇.xlsx",
                        MediaType.APPLICATION_OCTET_STREAM_VALUE, move)).with(as("web-chikan")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors['2'][0]").value(org.hamcrest.Matchers.containsString("本单位")));
        assertThat(enterprises.byUscc(other.uscc()).townCode()).isEqualTo("shuikou");
        assertThat(figures.of(other.id())).isEmpty();
    }

    static List<String> row(String... cells) {
        return List.of(cells);
    }

    static byte[] sheet(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("企业统计");
            List<String> header = List.of("统一社会信用代码", "企业名称", "镇街", "行业代码", "规上企业", "年份", "月份",
                    "工业总产值（万元）", "营业收入（万元）", "出口额（万美元）", "税收（万元）", "从业人员（人）",
                    "园区", "上市交易所", "上市日期", "产业集群");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
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
