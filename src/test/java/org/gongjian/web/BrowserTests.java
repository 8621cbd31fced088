package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.programme.NewMeasurement;
import org.gongjian.programme.OwnProgramme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.TargetManagement;
import org.gongjian.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pages in a real browser (headless Chromium): a town's clerk logs in, opens the dashboard,
 * reports a figure with evidence on an initiative and sees it in the chart; a target with several figures
 * has its forecast drawn to the deadline; nothing breaks the Content-Security-Policy. One application and
 * one browser serve all of it. Screenshots of the dashboard and the initiative page, in Chinese and English, at desktop and phone widths, are
 * written to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTests {

    private static final Path SHOTS = Path.of("target/screenshots");
    private static final String FORECAST = "browser-forecast";
    private static ChromeDriver browser;

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired ProgrammeManagement programmes;
    @Autowired TargetManagement targets;
    @Autowired java.time.Clock clock;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

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

    @BeforeEach
    void clerk() {
        if (accounts.findByUsername("browser-clerk").isEmpty()) {
            accounts.create("browser-clerk", "赤水镇填报员", "browser-secret-1", organisation.unit("chishui").id(),
                    Set.of(Role.UNIT_STAFF));
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /**
     * A programme of this test's own, so that what other tests of the shared context report on the demo's targets
     * cannot change what is drawn: initiative 1 with the two targets of the hydrogen base's land and investment
     * (0 → 800公顷 and 0 → 68亿元 by 2030-12-31), four figures on the land, none on the investment.
     */
    private void forecastProgramme() {
        LocalDate today = LocalDate.now(clock);
        LocalDate deadline = LocalDate.of(2030, 12, 31);
        new OwnProgramme(FORECAST, today.getYear(), "预测图测试", "三埠氢能装备示范基地（测试）", today.minusDays(400), deadline)
                .createOnce(programmes, users, () -> {
                    var kaiping = programmes.programme("kaiping-2024");
                    for (String code : List.of("area", "investment")) {
                        var d = targets.data(targets.target(kaiping, "hydrogen." + code));
                        targets.create(FORECAST, 1, new org.gongjian.programme.TargetData(code, d.name(), d.unit(),
                                d.direction(), d.baselineValue(), today.minusDays(400), d.targetValue(), d.targetValueMax(),
                                d.targetQualifier(), deadline, d.deadlineAssumed(), null, null, null, List.of()));
                    }
                    int[] values = {120, 260, 380, 430};
                    for (int i = 0; i < values.length; i++) {
                        targets.report(FORECAST, "area", new NewMeasurement(BigDecimal.valueOf(values[i]),
                                today.minusDays(100L * (values.length - i) - 90), null, null).confirmed("浏览器测试"));
                    }
                });
    }

    private void waitForCharts() {
        waiting().until(d -> !d.findElements(By.cssSelector("[data-chart]")).isEmpty()
                && d.findElements(By.cssSelector("[data-chart]")).size()
                == d.findElements(By.cssSelector("[data-chart-ready]")).size());
    }

    /** What the page said on the console that is an error: a refused inline script or style would show here. */
    private List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("favicon.ico"))
                .toList();
    }

    @Test
    @Order(1)
    void a_clerk_logs_in_with_the_keyboard_and_lands_on_the_start_page() {
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/login?lang=zh-CN"));
        // the login form takes the cursor at once; Tab and Enter do the rest
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("username");
        browser.switchTo().activeElement().sendKeys("browser-clerk", Keys.TAB, "browser-secret-1", Keys.ENTER);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "我的工作台"));
        assertThat(browser.findElement(By.className("lead-question")).getText()).isEqualTo("现在需要赤水镇关注什么？");
        // on every page the first Tab reaches the skip link, with a visible focus ring
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement first = browser.switchTo().activeElement();
        assertThat(first.getAttribute("class")).isEqualTo("skip-link");
        assertThat(first.getText()).isEqualTo("跳到正文");
        assertThat(first.getCssValue("outline-style")).isEqualTo("solid");
    }

    @Test
    @Order(2)
    void the_dashboard_draws_its_charts_within_the_content_security_policy() {
        consoleErrors();
        browser.get(url("/programmes/kaiping-2024"));
        waitForCharts();
        Object categories = js("return echarts.getInstanceByDom(document.querySelector('[data-chart=category-progress]'))"
                + ".getOption().yAxis[0].data;");
        assertThat(categories.toString()).contains("交通与乡村振兴", "生态文明");
        // initiatives by computed status, stacked per category: one series per status, worst first, 11 in all
        Object statuses = js("return echarts.getInstanceByDom(document.querySelector('[data-chart=status-by-category]'))"
                + ".getOption().series.map(function (s) { return s.name; });");
        assertThat(statuses.toString()).isEqualTo("[逾期, 滞后, 预警, 无数据, 正常, 已完成]");
        Object total = js("return echarts.getInstanceByDom(document.querySelector('[data-chart=status-by-category]'))"
                + ".getOption().series.reduce(function (n, s) { return n + s.data.reduce(function (a, b) { return a + b; }, 0); }, 0);");
        assertThat(((Number) total).intValue()).isEqualTo(11);
        // the worst come first, each with its status word
        assertThat(browser.findElement(By.cssSelector(".initiative-row .light")).getText()).isEqualTo("逾期");
        // the filter swaps the results in with htmx and keeps the address shareable
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("f-unit"))).selectByValue("chishui");
        waiting().until(d -> d.findElements(By.cssSelector(".initiative-row")).size() == 2);
        assertThat(browser.getCurrentUrl()).contains("unit=chishui");
        waitForCharts();
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void a_clerk_reports_a_figure_with_evidence_and_sees_it_in_the_chart() throws IOException {
        Path photo = Files.createTempFile("现场", ".png");
        Files.write(photo, PageTests.PNG);
        browser.get(url("/programmes/kaiping-2024/initiatives/8"));
        waitForCharts();
        WebElement card = browser.findElement(By.id("target-gep.towns-accounted"));
        card.findElement(By.name("value")).sendKeys("3");
        // what will be stored is shown beside the field before saving
        waiting().until(d -> card.findElement(By.cssSelector(".form-hint")).getText().contains("将保存为：3个"));
        WebElement asOf = card.findElement(By.name("asOf"));
        js("arguments[0].value = '2024-11-30';", asOf);
        card.findElement(By.name("note")).sendKeys("赤水、金鸡两镇之外新增一镇");
        card.findElement(By.name("evidence")).sendKeys(photo.toAbsolutePath().toString());
        WebElement submit = card.findElement(By.cssSelector("button[type=submit]"));
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
        // charts above may still be settling: retry the click until nothing covers the button
        waiting().ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
            submit.click();
            return true;
        });
        waiting().until(d -> !d.findElements(By.cssSelector("#target-gep\\.towns-accounted .confirmation")).isEmpty());
        WebElement swapped = browser.findElement(By.id("target-gep.towns-accounted"));
        assertThat(swapped.findElement(By.className("confirmation")).getText()).isEqualTo("已上报：3个（2024-11-30），附件1个。");
        assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("confirmation");
        waitForCharts();
        Object actual = js("var el = document.getElementById('target-gep.towns-accounted').querySelector('[data-chart]');"
                + "return echarts.getInstanceByDom(el).getOption().series[1].data.map(function (d) { return d.value[1]; });");
        assertThat(actual.toString()).isEqualTo("[2, 3]");
        assertThat(swapped.findElement(By.tagName("table")).getText()).contains("2024-11-30", "3个", "赤水镇填报员", "手工填报");
        assertThat(swapped.findElements(By.linkText(photo.getFileName().toString()))).hasSize(1);
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    @Order(4)
    void a_target_with_several_figures_has_its_forecast_drawn_dashed_to_the_deadline_with_the_interval_shaded() {
        forecastProgramme();
        browser.get(url("/programmes/" + FORECAST + "/initiatives/1?lang=zh-CN"));
        waitForCharts();
        String chart = "echarts.getInstanceByDom(document.getElementById('target-area').querySelector('[data-chart]'))";
        Object forecast = js("var s = " + chart + ".getOption().series.filter(function (x) { return x.name === '到期预测'; })[0];"
                + "return [s.lineStyle.type, s.data.length, s.data[1].value[0]];");
        assertThat(forecast.toString()).isEqualTo("[dashed, 2, 2030-12-31]");
        Object band = js("return " + chart + ".getOption().series.filter(function (x) { return x.name === '80%预测区间'"
                + " && x.areaStyle; }).length;");
        assertThat(((Number) band).intValue()).isEqualTo(1);
        assertThat(browser.findElement(By.id("target-area")).findElement(By.className("forecast-note")).getText())
                .startsWith("到期预测（2030-12-31）：");
        assertThat(browser.findElement(By.id("target-investment")).findElement(By.className("forecast-note")).getText())
                .isEqualTo("到期预测：数据不足（已有0次填报，至少需要3次），暂不预测");
        // the warning board's target page draws the same chart with the same script
        browser.get(url("/supervision/programmes/" + FORECAST + "/targets/area"));
        waitForCharts();
        Object same = js("return echarts.getInstanceByDom(document.querySelector('[data-chart=target]')).getOption().series"
                + ".filter(function (x) { return x.name === '到期预测'; }).length;");
        assertThat(((Number) same).intValue()).isEqualTo(1);
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    @Order(5)
    void the_dashboard_and_the_initiative_page_are_photographed_in_both_languages_at_desktop_and_phone_width()
            throws IOException {
        for (String lang : List.of("zh-CN", "en")) {
            for (int width : List.of(1366, 390)) {
                for (String page : List.of("/programmes/kaiping-2024", "/programmes/kaiping-2024/initiatives/8",
                        "/programmes/kaiping-2024/initiatives/3")) {
                    browser.manage().window().setSize(new Dimension(width, 900));
                    browser.get(url(page + "?lang=" + lang));
                    waitForCharts();
                    long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                    assertThat(overflow).as(page + " at " + width + "px scrolls sideways").isLessThanOrEqualTo(0);
                    long height = (Long) js("return Math.min(document.body.scrollHeight, 6000);");
                    browser.manage().window().setSize(new Dimension(width, (int) Math.max(height, 900)));
                    waitForCharts();
                    String name = (page.contains("/initiatives/") ? "initiative-" + page.substring(page.length() - 1)
                            : "dashboard") + "-" + lang + "-" + width + ".png";
                    Files.write(SHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
                    assertThat(Files.size(SHOTS.resolve(name))).isGreaterThan(20_000);
                }
            }
        }
        browser.manage().window().setSize(new Dimension(1366, 900));
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    @Order(7)
    void an_idle_session_ends_after_thirty_minutes(@Autowired jakarta.servlet.ServletContext server) {
        assertThat(server.getSessionTimeout()).isEqualTo(30);
    }

    @Test
    @Order(6)
    void on_a_phone_the_navigation_opens_from_the_menu_button() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/?lang=zh-CN"));
        WebElement sidebar = browser.findElement(By.id("sidebar"));
        assertThat(sidebar.isDisplayed()).isFalse();
        WebElement toggle = browser.findElement(By.className("nav-toggle"));
        toggle.click();
        assertThat(sidebar.isDisplayed()).isTrue();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        sidebar.findElement(By.linkText("驾驶舱")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "驾驶舱"));
        browser.manage().window().setSize(new Dimension(1366, 900));
    }
}
