package org.gongjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The league table, a scorecard and the report ratings in headless Chromium (Debian's chromium and
 * chromedriver): charts drawn, period picker, navigation, an htmx rating, and no sideways scrolling on a
 * phone. Skipped when Chromium is absent, unless GONGJIAN_REQUIRE_TOOLS=1 (CI), where it must run.
 */
@AssessmentTest
class AssessmentBrowserTests extends AssessmentFixture {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort int port;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void browser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "1".equals(System.getenv("GONGJIAN_REQUIRE_TOOLS"))) {
            throw new IllegalStateException("GONGJIAN_REQUIRE_TOOLS=1 but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        }
        assumeTrue(present, "Chromium not installed (apt-get install chromium chromium-driver): browser tests skipped");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("assessment-chrome"));
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        browser.manage().window().setSize(new Dimension(1366, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(url("/login?lang=zh-CN"));
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys("test-admin-secret");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void the_league_table_draws_its_charts_switches_period_and_leads_to_a_units_scorecard() {
        browser.get(url("/assessment/kaiping-2024/rankings?period=2024-07&group=towns"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#league-chart canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#history-chart canvas")));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.league tbody tr"));
        assertThat(rows).hasSize(16);
        assertThat(rows.get(0).findElement(By.cssSelector("td")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector(".mover-best")).getText()).contains("进步最快");

        new Select(browser.findElement(By.id("period"))).selectByValue("2024-Q3");
        wait.until(ExpectedConditions.urlContains("period=2024-Q3"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("2024年第3季度");

        WebElement first = browser.findElement(By.cssSelector("table.league tbody tr td.unit-cell a"));
        String unit = first.getText();
        first.click();
        wait.until(ExpectedConditions.urlContains("/units/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(unit);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("得分明细", "目标完成", "计分身份");
    }

    @Test
    void on_a_phone_the_league_table_and_a_scorecard_need_no_sideways_scrolling() {
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String path : List.of("/assessment/kaiping-2024/rankings?period=2024-07&group=towns",
                "/assessment/kaiping-2024/units/chikan?period=2024-07", "/assessment/kaiping-2024/reports?period=2024-07")) {
            browser.get(url(path));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            Long overflow = (Long) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as(path).isLessThanOrEqualTo(1L);
        }
    }

    @Test
    void the_office_rates_a_report_in_place_and_the_page_is_not_reloaded() {
        browser.get(url("/assessment/kaiping-2024/reports?period=2024-08&group=towns"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.notReloaded = true;");
        WebElement row = browser.findElement(By.id("r-chikan-1"));
        new Select(row.findElement(By.name("grade"))).selectByValue("GOOD");
        row.findElement(By.name("comment")).sendKeys("按时、数据完整");
        row.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("r-chikan-1"), "已保存"));
        assertThat(browser.findElement(By.id("r-chikan-1")).getText()).contains("良", "按时、数据完整");
        assertThat(js.executeScript("return window.notReloaded === true;")).isEqualTo(true);
    }
}
