package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gongjian.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The list pages on a phone (390 px) in headless Chromium: nothing is wider than the screen
 * ({@code document.documentElement.scrollWidth <= innerWidth}), the warning board's table is shown as cards
 * with each value labelled, and its filters are folded away; the year-end review at 1366 px wraps its long
 * lines. Screenshots go to {@code target/screenshots/phone-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhoneWidthBrowserTests {

    private static final Path SHOTS = Path.of("target/screenshots");
    static final List<String> PAGES = List.of("/", "/supervision", "/supervision/notices", "/reports",
            "/programmes/kaiping-2024", "/leader/kaiping-2024", "/reports/kaiping-2024/review",
            "/reports/kaiping-2024/review?variant=official", "/reports/kaiping-2024/bulletin?month=2024-09");
    private static ChromeDriver browser;

    @LocalServerPort int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        Chromium.assumeInstalled();
        browser = Chromium.start();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static boolean loggedIn;

    void logIn() {
        if (loggedIn) {
            return;
        }
        loggedIn = true;
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/login?lang=zh-CN"));
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys("test-admin-secret");
        browser.findElement(By.cssSelector("form button[type=submit], form [type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    long script(String js) {
        return ((Number) browser.executeScript(js)).longValue();
    }

    void open(String path) {
        browser.get(url(path));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> "complete".equals(browser.executeScript("return document.readyState")));
        // phone.js and the htmx-loaded summary run after load
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> browser.findElements(By.cssSelector(".leader-summary-slot")).isEmpty());
    }

    @Test
    void no_list_page_scrolls_sideways_on_a_phone_and_the_board_is_cards_with_folded_filters() throws IOException {
        logIn();
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String page : PAGES) {
            open(page);
            long width = script("return document.documentElement.scrollWidth");
            long inner = script("return window.innerWidth");
            Files.write(SHOTS.resolve("phone-" + page.replaceAll("[^A-Za-z0-9]+", "_") + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
            assertThat(width).as(page + " is no wider than the phone").isLessThanOrEqualTo(inner);
        }
        open("/supervision");
        WebElement table = browser.findElement(By.cssSelector("main table"));
        assertThat(table.getAttribute("class")).contains("gj-cards");
        WebElement cell = table.findElement(By.cssSelector("tbody td[data-label]"));
        assertThat(cell.getCssValue("display")).isEqualTo("block");
        assertThat(cell.getAttribute("data-label")).isNotBlank();
        WebElement filters = browser.findElement(By.cssSelector("details.gj-fold"));
        assertThat(filters.getAttribute("open")).isNull();
        assertThat(filters.findElement(By.tagName("summary")).getText()).isEqualTo("筛选条件");
        assertThat(filters.findElement(By.tagName("form")).isDisplayed()).isFalse();
    }

    @Test
    void the_review_wraps_its_long_lines_at_desktop_width_and_tables_stay_tables() {
        logIn();
        browser.manage().window().setSize(new Dimension(1366, 900));
        for (String page : List.of("/reports/kaiping-2024/review", "/reports/kaiping-2024/review?variant=official")) {
            open(page);
            assertThat(script("return document.documentElement.scrollWidth"))
                    .as(page).isLessThanOrEqualTo(script("return window.innerWidth"));
        }
        open("/supervision");
        assertThat(browser.findElement(By.cssSelector("main table tbody td")).getCssValue("display")).isEqualTo("table-cell");
    }

    @Test
    void an_initiatives_milestones_are_drawn_as_a_gantt_chart() throws IOException {
        logIn();
        browser.manage().window().setSize(new Dimension(1366, 900));
        open("/programmes/kaiping-2024/initiatives/12");
        WebElement gantt = browser.findElement(By.cssSelector("[data-gantt]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "true".equals(gantt.getAttribute("data-gantt-ready")));
        assertThat(gantt.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(gantt.getSize().getHeight()).isGreaterThan(100);
        Files.write(SHOTS.resolve("gantt-initiative-12.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
