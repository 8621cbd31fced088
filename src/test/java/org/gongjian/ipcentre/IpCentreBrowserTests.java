package org.gongjian.ipcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.support.Chromium;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The centre's pages in headless Chromium at a phone's width (390 px): nothing scrolls sideways, the
 * monthly chart is drawn, and the strict content-security policy refuses nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IpCentreBrowserTests {

    private static ChromeDriver browser;

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws IOException {
        Chromium.assumeInstalled();
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_centres_pages_fit_a_phone_and_draw_their_chart() {
        TestUsers.ensure(accounts, organisation, "ip-phone-clerk", null, Role.IPCENTRE_STAFF);
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get("http://127.0.0.1:" + port + "/login?lang=zh-CN");
        browser.findElement(By.id("username")).sendKeys("ip-phone-clerk");
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        long caseId = jdbc.sql("select min(id) from ipcentre_design_case where status = 'GRANTED'").query(Long.class).single();
        long firmId = jdbc.sql("select min(id) from ipcentre_firm").query(Long.class).single();
        for (String page : List.of("/ipcentre/cases", "/ipcentre/cases/" + caseId, "/ipcentre/firms/" + firmId,
                "/ipcentre/protection", "/enterprises", "/ipcentre/statistics?year=2025")) {
            browser.get("http://127.0.0.1:" + port + page);
            wait.until(d -> "complete".equals(js("return document.readyState;")));
            long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as(page + " at 390 px scrolls sideways").isLessThanOrEqualTo(0);
        }
        // the last page is the statistics: its chart is drawn
        wait.until(d -> Boolean.TRUE.equals(js("return !!(window.echarts && echarts.getInstanceByDom("
                + "document.querySelector('[data-ipcentre-chart]')));")));
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(errors).isEmpty();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
