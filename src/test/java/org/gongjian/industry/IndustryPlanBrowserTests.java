package org.gongjian.industry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.support.Chromium;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In headless Chromium under the strict CSP: the food plan's page draws every target's yearly path (planned against
 * the ledger's actual) and the layout graph of 一核一园多区 with its elements and firms, with a clean console; at
 * 390 px nothing overflows sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gongjian.demo.projects.enabled=true")
@ActiveProfiles("test")
class IndustryPlanBrowserTests {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    ChromeDriver browser;

    @BeforeEach
    void open() throws Exception {
        Chromium.assumeInstalled();
        TestUsers.ensure(accounts, organisation, "plan-browser-viewer", null, Role.VIEWER);
        browser = Chromium.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    void login() {
        browser.get("http://localhost:" + port + "/login?lang=zh-CN");
        browser.findElement(By.id("username")).sendKeys("plan-browser-viewer");
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(40)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** What ECharts holds for a chart element: its series' types and how many data items each has. */
    @SuppressWarnings("unchecked")
    List<List<Object>> series(WebElement chart) {
        return (List<List<Object>>) ((JavascriptExecutor) browser).executeScript("""
                var c = window.echarts.getInstanceByDom(arguments[0]);
                return c ? c.getOption().series.map(function (s) { return [s.type, (s.data || []).length]; }) : [];""",
                chart);
    }

    List<String> severe() {
        return browser.manage().logs().get("browser").getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(Object::toString).filter(m -> !m.contains("favicon")).toList();
    }

    @Test
    void the_food_plan_page_draws_the_target_paths_and_the_layout_graph() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        login();
        browser.get("http://localhost:" + port + "/industry/plans/food-2035");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        wait.until(d -> !d.findElements(By.cssSelector("[data-industry-layout] canvas")).isEmpty());
        List<WebElement> paths = browser.findElements(By.cssSelector("[data-industry-path]"));
        assertThat(paths).as("one chart per plan target").hasSizeGreaterThanOrEqualTo(2);
        for (WebElement path : paths) {
            assertThat(path.findElements(By.tagName("canvas"))).as("path chart drawn").isNotEmpty();
            // planned yearly slices 2024–2035 and the ledger's actual line beside them
            assertThat(series(path)).extracting(s -> s.get(0)).containsExactly("line", "line");
            assertThat(((Number) series(path).get(0).get(1)).intValue()).as("a planned point per year").isGreaterThanOrEqualTo(12);
        }
        WebElement graph = browser.findElement(By.cssSelector("[data-industry-layout]"));
        List<List<Object>> layout = series(graph);
        assertThat(layout).extracting(s -> s.get(0)).containsExactly("graph");
        // the plan, its elements (一核、一园、多区) and the firms linked to them
        assertThat(((Number) layout.get(0).get(1)).intValue()).isGreaterThanOrEqualTo(4);
        assertThat(graph.getSize().getHeight()).as("the graph has room").isGreaterThan(200);
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("一核一园多区").contains("演示");
        assertThat(severe()).isEmpty();
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat((Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .as("the plan page at 390 px").isLessThanOrEqualTo(0);
    }
}
