package org.gongjian.ecology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gongjian.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In headless Chromium, with the demo (the key projects' too): the demo raster account's page shows its value map
 * (loaded, with legend) and tables at 1366 px and on a phone at 390 px without scrolling sideways; on the phone the
 * conversion projects' list and a project's page fit, the project links to its key project, and a year's report
 * is added through the form. Screenshots go to {@code target/screenshots/gep-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "gongjian.demo.projects.enabled=true")
@ActiveProfiles("test")
class GepBrowserTests {

    private static final Path SHOTS = Path.of("target/screenshots");

    @LocalServerPort int port;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws IOException {
        Chromium.assumeInstalled();
        browser = Chromium.start();
        Files.createDirectories(SHOTS);
        browser.get("http://localhost:" + port + "/login?lang=zh-CN");
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys("test-admin-secret");
        browser.findElement(By.cssSelector("form [type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void assertFits(String shot) throws IOException {
        Files.write(SHOTS.resolve("gep-" + shot + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        long width = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) browser.executeScript("return window.innerWidth")).longValue();
        assertThat(width).as(shot + " scrolls no wider than the window").isLessThanOrEqualTo(inner);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    @Test
    void the_raster_account_page_shows_its_value_map_and_tables_on_a_desk_and_on_a_phone() throws IOException {
        for (int width : new int[] {1366, 390}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            open("/ecology/accounts/chishui-jinji-2023-raster");
            WebElement map = browser.findElement(By.cssSelector(".raster-map img"));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> ((Number) ((ChromeDriver) d)
                    .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", map)).intValue() > 0);
            long natural = ((Number) browser.executeScript("return arguments[0].naturalWidth", map)).longValue();
            assertThat(natural).as("the map of 160 columns with its legend").isGreaterThan(160 + 200);
            assertThat(map.getSize().getWidth()).as("the map fits the page at %d px", width).isLessThanOrEqualTo(width);
            assertThat(browser.findElement(By.id("raster-types")).getText()).isEqualTo("分镇、分森林类型、分服务价值量（万元）");
            assertThat(browser.findElements(By.cssSelector(".raster-map a[href*='/maps/']"))).hasSizeGreaterThan(5);
            assertFits("raster-account-" + width);
        }
    }

    @Test
    void on_a_phone_a_conversion_project_links_to_its_key_project_and_takes_a_years_report() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/ecology/conversion-projects");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("森林GEP转化绿色生态百千万项目");
        assertFits("conversion-list");
        browser.findElement(By.linkText("赤水镇森林GEP转化绿色生态百千万项目（演示）")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/ecology/conversion-projects/2024-"));
        assertFits("conversion-project");
        String link = browser.findElement(By.partialLinkText("查看重点项目")).getAttribute("href");
        assertThat(link).matches(".*/projects/\\d+");

        String year = "2025";
        browser.findElement(By.id("report-year")).clear();
        browser.findElement(By.id("report-year")).sendKeys(year);
        browser.findElement(By.id("report-measuredGepChange")).sendKeys("210");
        browser.findElement(By.id("report-carbonSink")).sendKeys("900");
        browser.findElement(By.id("report-farmerIncome")).sendKeys("75.5");
        browser.findElement(By.id("report-collectiveIncome")).sendKeys("30");
        browser.findElement(By.id("report-jobs")).sendKeys("55");
        browser.findElement(By.id("report-landRent")).sendKeys("20");
        WebElement submit = browser.findElement(By.cssSelector("#main form button[type=submit]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", submit);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(".alert-success")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已登记2025年度报告");
        assertThat(browser.findElement(By.cssSelector("table")).getText()).contains("2025", "75.50");
        assertFits("conversion-reported");

        open(link.substring(link.indexOf("/projects/")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("赤水镇GEP转化生态产品价值实现项目");
    }
}
