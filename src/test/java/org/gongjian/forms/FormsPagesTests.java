package org.gongjian.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.support.Chromium;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The forms' pages and workbooks: the demo forms render, a town fills its return on the page, the Excel
 * template goes round (download, fill, upload), a hostile upload writes nothing, and the return page has
 * no horizontal overflow on a 390 px phone (headless Chromium).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FormsPagesTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;

    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    /** A page request of a logged-in user (pages log in by form, not HTTP Basic). */
    RequestPostProcessor page(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(username));
    }

    static RequestPostProcessor office() {
        return httpBasic("admin", "test-admin-secret");
    }

    static RequestPostProcessor as(String user) {
        return httpBasic(user, TestUsers.PASSWORD);
    }

    @BeforeEach
    void users() {
        TestUsers.ensure(accounts, organisation, "pages-chikan", "chikan", Role.UNIT_STAFF);
    }

    /** A published monthly form for 赤坎镇 and 赤水镇 from last month; 赤坎镇's return of last month. */
    long chikanReturn(String code) throws Exception {
        mvc.perform(post("/api/v1/forms").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"" + code + "\", \"definition\": " + FormsApiContract.definition("页面测试 " + code) + "}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/forms/" + code + "/versions/1/publish").with(office())).andExpect(status().isOk());
        LocalDate lastMonth = LocalDate.now().minusMonths(1).withDayOfMonth(1);
        mvc.perform(post("/api/v1/forms/" + code + "/assignments").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitCodes\": [\"chikan\", \"chishui\"], \"cycle\": \"MONTHLY\", \"dueDays\": 5, \"startsOn\": \""
                        + lastMonth + "\"}")).andExpect(status().isCreated());
        return jdbc.sql("""
                select r.id from forms_return r join forms_form f on f.id = r.form_id
                where f.code = :c and r.unit_code = 'chikan' and r.period = :p""")
                .param("c", code).param("p", lastMonth.toString().substring(0, 7)).query(Long.class).single();
    }

    @Test
    void the_demo_forms_feed_the_targets_of_items_9_and_11_on_first_start() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql("""
                select count(distinct t.code) from programme_target t join programme_measurement m on m.target_id = t.id
                where m.source = 'LEDGER' and (t.indicator_code like 'education.%' or t.indicator_code like 'culture.%')""")
                .query(Integer.class).single()).isEqualTo(12));
        assertThat(jdbc.sql("select count(*) from forms_return where demo and status = 'ACCEPTED'").query(Integer.class)
                .single()).isGreaterThan(80);
    }

    @Test
    void the_pages_render_and_a_town_fills_its_return_on_the_page() throws Exception {
        long id = chikanReturn("pages");
        mvc.perform(get("/forms").with(page("pages-chikan"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("“五个起来工程”推进情况月报")));
        mvc.perform(get("/forms/culture-pilot-report").with(page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/forms/new").with(page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/forms/returns").with(page("pages-chikan"))).andExpect(status().isOk());
        mvc.perform(get("/forms/returns/" + id).with(page("pages-chikan"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"t.villages.0.investment\"")));
        mvc.perform(post("/forms/returns/" + id).with(page("pages-chikan")).with(csrf()).param("action", "submit")
                        .param("v.places", "12").param("v.public_places", "20"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不能大于")));
        mvc.perform(post("/forms/returns/" + id).with(page("pages-chikan")).with(csrf()).param("action", "submit")
                        .param("v.places", "12").param("v.stage", "小学").param("t.villages.0.village", "三门里村")
                        .param("t.villages.0.investment", "35.5"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from forms_return where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("SUBMITTED");
        mvc.perform(post("/forms/returns/" + id + "/review").with(page("admin")).with(csrf()).param("decision", "accept"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from forms_return where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void the_excel_template_goes_round_and_a_hostile_upload_writes_nothing() throws Exception {
        long id = chikanReturn("excel");
        byte[] template = mvc.perform(get("/api/v1/forms/returns/" + id + "/template.xlsx").with(as("pages-chikan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet main = wb.getSheet("填报");
            for (int r = 2; r <= main.getLastRowNum(); r++) {
                String code = main.getRow(r).getCell(0).getStringCellValue();
                switch (code) {
                    case "places" -> main.getRow(r).createCell(3).setCellValue(40);
                    case "public_places" -> main.getRow(r).createCell(3).setCellValue(25);
                    case "coverage" -> main.getRow(r).createCell(3).setCellValue(87.5);
                    case "stage" -> main.getRow(r).createCell(3).setCellValue("初中");
                    default -> { }
                }
            }
            Sheet villages = wb.getSheet("分村情况");
            var row = villages.createRow(2);
            row.createCell(0).setCellValue("塘口村");
            row.createCell(1).setCellValue(120.5);
            row.createCell(2).setCellValue(80);
            var row2 = villages.createRow(3);
            row2.createCell(0).setCellValue("自力村");
            row2.createCell(1).setCellValue(30);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            filled = out.toByteArray();
        }
        // a broken copy: 公办 more than the total, and a village row with a word for money
        byte[] broken;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            Sheet main = wb.getSheet("填报");
            for (int r = 2; r <= main.getLastRowNum(); r++) {
                if (main.getRow(r).getCell(0).getStringCellValue().equals("public_places")) {
                    main.getRow(r).getCell(3).setCellValue(99);
                }
            }
            wb.getSheet("分村情况").getRow(3).getCell(1).setCellValue("三十万");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            broken = out.toByteArray();
        }
        mvc.perform(multipart("/api/v1/forms/returns/" + id + "/upload").file(new MockMultipartFile("file", "x.xlsx",
                        "application/octet-stream", broken)).with(as("pages-chikan")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems(
                        "填报!4:values.public_places", "分村情况!4:values.villages[1].investment")));
        // not an xlsx at all, and a zip bomb
        mvc.perform(multipart("/api/v1/forms/returns/" + id + "/upload").file(new MockMultipartFile("file", "x.xlsx",
                "application/octet-stream", "<html>not a workbook</html>".getBytes())).with(as("pages-chikan")))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/forms/returns/" + id + "/upload").file(new MockMultipartFile("file", "x.xlsx",
                "application/octet-stream", zipBomb())).with(as("pages-chikan")))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select status from forms_return where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from forms_return_event where return_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();

        mvc.perform(multipart("/api/v1/forms/returns/" + id + "/upload").file(new MockMultipartFile("file", "x.xlsx",
                        "application/octet-stream", filled)).with(as("pages-chikan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.values.places").value("40"))
                .andExpect(jsonPath("$.values.coverage").value("87.5"))
                .andExpect(jsonPath("$.values.villages[0].village").value("塘口村"))
                .andExpect(jsonPath("$.values.villages[0].investment").value("120.5"))
                .andExpect(jsonPath("$.values.villages[1].investment").value("30"));
        // another unit's return cannot be reached with a forged id
        long chishui = jdbc.sql("select id from forms_return r where r.unit_code = 'chishui' and r.form_id = "
                + "(select form_id from forms_return where id = :id) and r.period = (select period from forms_return where id = :id)")
                .param("id", id).query(Long.class).single();
        mvc.perform(multipart("/api/v1/forms/returns/" + chishui + "/upload").file(new MockMultipartFile("file", "x.xlsx",
                "application/octet-stream", filled)).with(as("pages-chikan"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/forms/returns/" + chishui + "/template.xlsx").with(as("pages-chikan")))
                .andExpect(status().isNotFound());
        // the period's export holds both units
        byte[] export = mvc.perform(get("/api/v1/forms/excel/periods/" + LocalDate.now().minusMonths(1).toString().substring(0, 7)
                + "/export.xlsx").with(office())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            assertThat(wb.getSheet("汇总").getLastRowNum()).isEqualTo(3);
            assertThat(wb.getSheet("分村情况").getRow(2).getCell(1).getStringCellValue()).isEqualTo("塘口村");
        }
    }

    @Test
    void evidence_files_are_checked_by_their_content_and_stay_with_their_return() throws Exception {
        long id = chikanReturn("files");
        mvc.perform(multipart("/api/v1/forms/returns/" + id + "/files").file(new MockMultipartFile("file", "证明.pdf",
                "application/pdf", "<html>not a pdf</html>".getBytes())).with(as("pages-chikan")))
                .andExpect(status().isBadRequest());
        String created = mvc.perform(multipart("/api/v1/forms/returns/" + id + "/files").file(new MockMultipartFile("file",
                        "证明.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes())).with(as("pages-chikan")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andReturn().getResponse().getContentAsString();
        long file = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/forms/files/" + file).with(as("pages-chikan"))).andExpect(status().isOk());
        TestUsers.ensure(accounts, organisation, "pages-chishui", "chishui", Role.UNIT_STAFF);
        mvc.perform(get("/api/v1/forms/files/" + file).with(as("pages-chishui"))).andExpect(status().isNotFound());
    }

    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes());
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
        }
        return out.toByteArray();
    }

    @Test
    void the_return_page_fits_a_390_px_phone() throws Exception {
        Chromium.assumeInstalled();
        long id = chikanReturn("phone");
        ChromeDriver browser = Chromium.start();
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get("http://localhost:" + port + "/login?lang=zh-CN");
            browser.findElement(By.id("username")).sendKeys("pages-chikan");
            browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
            browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            for (String page : List.of("/forms/returns/" + id, "/forms/returns", "/forms")) {
                browser.get("http://localhost:" + port + page);
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
                long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).as("horizontal overflow of " + page + " at 390 px").isLessThanOrEqualTo(0);
            }
            browser.get("http://localhost:" + port + "/forms/returns/" + id);
            browser.findElement(By.id("v.places")).sendKeys("7");
            ((JavascriptExecutor) browser).executeScript("document.querySelector(\"button[value='save']\").click()");
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
            assertThat(jdbc.sql("select status from forms_return where id = :id").param("id", id).query(String.class).single())
                    .isEqualTo("DRAFT");
        } finally {
            browser.quit();
        }
    }
}
