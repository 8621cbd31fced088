package org.gongjian.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.programme.MeasurementSource;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.TargetManagement;
import org.gongjian.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The volunteers ledger end to end, with its demo loaded: the API as the issue lists it, the demo moving item
 * 12's targets from the ledger, and in headless Chromium at 390 px a new person signing up, checking in by
 * the captain's QR code and seeing the hours, the captain's page and the campaign dashboard, none scrolling
 * sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gongjian.demo.volunteers.enabled=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VolunteersWebTests {

    private static final Path SHOTS = Path.of("target/screenshots");
    private static ChromeDriver browser;

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TargetManagement targets;
    @Autowired ProgrammeManagement programmes;
    @Autowired QrTokens tokens;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String valid(String first17) {
        return first17 + IdNumbers.checkDigit(first17);
    }

    @Test
    @Order(1)
    void the_demo_feeds_item_12_s_targets_from_the_ledger_on_first_start() {
        long registered = jdbc.sql("select count(*) from volunteers_volunteer where demo = true").query(Long.class).single();
        assertThat(registered).isGreaterThan(1000);
        var target = targets.target(programmes.programme("kaiping-2024"), "volunteers.registered");
        await().atMost(Duration.ofSeconds(20)).until(() -> targets.measurements(target).stream()
                .anyMatch(m -> m.source() == MeasurementSource.LEDGER && m.value().compareTo(BigDecimal.valueOf(registered)) == 0));
        for (String code : List.of("volunteers.teams", "volunteers.captains", "volunteers.active", "volunteers.hours")) {
            var t = targets.target(programmes.programme("kaiping-2024"), code);
            await().atMost(Duration.ofSeconds(20)).until(() -> targets.measurements(t).stream()
                    .anyMatch(m -> m.source() == MeasurementSource.LEDGER && m.value().signum() > 0));
            assertThat(targets.measurements(t)).allMatch(m -> m.source() == MeasurementSource.LEDGER);
        }
    }

    @Test
    @Order(2)
    void the_api_registers_refuses_a_wrong_check_digit_by_field_and_answers_masked() throws Exception {
        String number = valid("44078319881111023");
        String body = mvc.perform(post("/api/v1/volunteers").with(httpBasic("admin", "test-admin-secret"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"梁志杰\",\"idNumber\":\"" + number + "\",\"phone\":\"13700000001\",\"town\":\"changsha\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.idMasked").value(number.substring(0, 6) + "**********" + number.substring(16)))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        String wrong = number.substring(0, 17) + (number.charAt(17) == '3' ? '4' : '3');
        mvc.perform(post("/api/v1/volunteers").with(httpBasic("admin", "test-admin-secret"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"梁志杰\",\"idNumber\":\"" + wrong + "\",\"phone\":\"13700000001\",\"town\":\"changsha\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"));
        mvc.perform(get("/api/v1/volunteers/" + id).with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk()).andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.idMasked").value(number.substring(0, 6) + "**********" + number.substring(16)));
        mvc.perform(get("/api/v1/volunteers/teams?town=changsha").with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content[0].town").value("changsha"));
        mvc.perform(get("/api/v1/volunteers/campaign").with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.figures['volunteers.registered']['']").isNumber());
        // a check-in over the API by the office for a volunteer, with the QR token, then its retry
        long activity = jdbc.sql("select max(id) from volunteers_activity where demo = true").query(Long.class).single();
        String token = tokens.issue(activity);
        String checkIn = "{\"volunteerId\":" + id + ",\"token\":\"" + token + "\"}";
        mvc.perform(post("/api/v1/volunteers/activities/" + activity + "/check-ins").with(httpBasic("admin", "test-admin-secret"))
                .contentType(MediaType.APPLICATION_JSON).content(checkIn)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/volunteers/activities/" + activity + "/check-ins").with(httpBasic("admin", "test-admin-secret"))
                .contentType(MediaType.APPLICATION_JSON).content(checkIn)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/volunteers/activities/" + activity + "/check-ins").with(httpBasic("admin", "test-admin-secret"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"volunteerId\":" + id + ",\"token\":\"" + token + "x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("token"));
        mvc.perform(get("/api/v1/volunteers/" + id + "/hours").with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.hours").value(0));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void click(By by) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                browser.findElement(by));
    }

    private long overflow() {
        return (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    private void shoot(String page, String name) throws IOException {
        browser.get(url(page));
        assertThat(overflow()).as(page + " at 390 px scrolls sideways").isLessThanOrEqualTo(0);
        Files.write(SHOTS.resolve("volunteers-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(3)
    void a_new_volunteer_signs_up_on_a_phone_checks_in_by_the_captain_s_code_and_sees_it() throws Exception {
        Chromium.assumeInstalled();
        browser = Chromium.start();
        browser.manage().window().setSize(new Dimension(390, 844));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        shoot("/volunteers/join?lang=zh-CN", "join");
        browser.findElement(By.id("name")).sendKeys("胡晓燕");
        browser.findElement(By.id("idNumber")).sendKeys(valid("44078319950505066"));
        browser.findElement(By.id("phone")).sendKeys("13600000066");
        browser.findElement(By.id("password")).sendKeys("scan-me-2025");
        click(By.cssSelector("main form button[type=submit]"));
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(browser.getPageSource()).contains("注册成功");

        // the captain's code (as the captain's page makes it), scanned: the volunteer logs in and lands on the scan page
        long activity = jdbc.sql("select id from volunteers_activity where title like '百队千长万人行%'").query(Long.class).single();
        String scan = "/volunteers/scan?a=" + activity + "&t=" + tokens.issue(activity);
        browser.get(url(scan));
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        browser.findElement(By.id("username")).sendKeys("13600000066");
        browser.findElement(By.id("password")).sendKeys("scan-me-2025");
        click(By.cssSelector("form.login-form button[type=submit]"));
        wait.until(d -> d.getCurrentUrl().contains("/volunteers/scan"));
        assertThat(overflow()).isLessThanOrEqualTo(0);
        Files.write(SHOTS.resolve("volunteers-scan.png"), browser.getScreenshotAs(OutputType.BYTES));
        click(By.cssSelector("form.volunteers-scan button[type=submit]"));
        wait.until(d -> d.getCurrentUrl().contains("/volunteers/me"));
        assertThat(browser.getPageSource()).contains("签到成功");
        assertThat(overflow()).isLessThanOrEqualTo(0);
        Files.write(SHOTS.resolve("volunteers-me.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(jdbc.sql("select count(*) from volunteers_check_in c join volunteers_volunteer v on v.id = c.volunteer_id "
                + "where v.username = '13600000066'").query(Long.class).single()).isEqualTo(1);

        // the office's captain page and dashboard at phone width
        browser.get(url("/logout"));
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-secret");
        click(By.cssSelector("form.login-form button[type=submit]"));
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        shoot("/volunteers/captain/activities/" + activity, "captain");
        assertThat((Long) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('#live img').naturalWidth;")).isGreaterThan(100);
        assertThat(browser.getPageSource()).contains("胡晓燕");
        shoot("/volunteers/campaign", "campaign");
        wait.until(d -> !d.findElements(By.cssSelector(".volunteers-chart svg")).isEmpty());
        assertThat(overflow()).isLessThanOrEqualTo(0);
        Files.write(SHOTS.resolve("volunteers-campaign.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(4)
    void a_certificate_is_a_pdf_whose_code_opens_a_public_page_with_masked_name_hours_and_date_only() throws Exception {
        long volunteer = jdbc.sql("select min(id) from volunteers_volunteer where demo = true").query(Long.class).single();
        String body = mvc.perform(post("/api/v1/volunteers/" + volunteer + "/certificates").with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String code = body.replaceAll(".*\"verifyCode\":\"([A-Z0-9]+)\".*", "$1");
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        byte[] pdf = mvc.perform(get("/volunteers/certificates/" + id + ".pdf").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin")
                                .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("volunteers:volunteer:read"),
                                        new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String name = jdbc.sql("select name from volunteers_volunteer where id = :id").param("id", volunteer).query(String.class).single();
        String page = mvc.perform(get("/volunteers/verify/" + code)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(IdNumbers.maskName(name)).doesNotContain(name).doesNotContain("440783");
        mvc.perform(get("/volunteers/verify/ZZZZZZZZZZZZZZZZZZZZ")).andExpect(status().isOk());
    }
}
