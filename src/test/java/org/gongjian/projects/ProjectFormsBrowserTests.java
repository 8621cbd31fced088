package org.gongjian.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In headless Chromium under the strict CSP, the office's whole flow on the page forms: register a project (the
 * owner picked from the register as it is typed, 公顷 shown under the 亩, the funding mix checked against the total
 * while it is typed), set the year's plan with its monthly curve, record the signing, and find all three on the
 * project's page with its curve drawn; the console stays clean.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gongjian.demo.projects.enabled=true")
@ActiveProfiles("test")
class ProjectFormsBrowserTests {

    static final String CODE = "2024-440783-34-03-918273";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired KeyProjects projects;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        Chromium.assumeInstalled();
        TestUsers.ensure(accounts, organisation, "browser-office", "development-reform", Role.UNIT_STAFF);
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    void login() {
        browser.get("http://localhost:" + port + "/login?lang=zh-CN");
        browser.findElement(By.id("username")).sendKeys("browser-office");
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    void type(String name, String value) {
        WebElement input = browser.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    void save() {
        click(browser.findElement(By.cssSelector("form.panel button[type=submit]")));
    }

    String saved() {
        return wait.until(d -> d.findElement(By.cssSelector(".alert-success"))).getText();
    }

    List<String> severe() {
        return browser.manage().logs().get("browser").getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(Object::toString).filter(m -> !m.contains("favicon")).toList();
    }

    @Test
    void the_office_registers_a_project_sets_its_plan_and_records_a_milestone() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        login();
        browser.get("http://localhost:" + port + "/projects");
        click(browser.findElement(By.linkText("登记项目")));
        wait.until(d -> d.getCurrentUrl().endsWith("/projects/new"));

        type("code", CODE);
        type("name", "浏览器登记的氢能装备项目");
        click(browser.findElement(By.cssSelector("input[name=levels][value=CITY]")));
        new Select(browser.findElement(By.name("category"))).selectByValue("INDUSTRY");
        new Select(browser.findElement(By.name("nature"))).selectByValue("NEW_START");
        new Select(browser.findElement(By.name("townCode"))).selectByValue("sanbu");
        // the owner: part of its name typed, the register's match offered, its credit code taken
        type("ownerUscc", "潭江粮油");
        WebElement option = wait.until(d -> d.findElements(By.cssSelector("#owner-options option")).stream().findFirst()
                .orElse(null));
        assertThat(option.getAttribute("label")).isEqualTo("开平潭江粮油有限公司");
        String uscc = option.getAttribute("value");
        type("ownerUscc", uscc);
        type("landArea", "1500");
        assertThat(browser.findElement(By.cssSelector("[data-hectares]")).getText()).isEqualTo("合 100 公顷");
        type("totalInvestment", "200000");
        type("funding[SELF_RAISED]", "150000");
        type("funding[LOAN]", "40000");
        WebElement sum = browser.findElement(By.cssSelector("[data-funding-sum]"));
        assertThat(sum.getText()).isEqualTo("各项合计 190000 万元，与总投资相差 10000 万元");
        assertThat(sum.getAttribute("class")).contains("text-danger");
        type("funding[LOAN]", "50000");
        assertThat(sum.getAttribute("class")).doesNotContain("text-danger");
        type("startYear", "2024");
        type("endYear", "2027");
        save();
        assertThat(saved()).isEqualTo("已登记重点项目“浏览器登记的氢能装备项目”。");
        KeyProject p = projects.byCode(CODE);
        assertThat(p.ownerUscc()).isEqualTo(uscc);
        assertThat(p.landHectares()).isEqualByComparingTo("100");
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("1500亩（100公顷）").contains("开平潭江粮油有限公司");

        // the year's plan with its monthly curve
        click(browser.findElement(By.linkText("设置年度计划")));
        wait.until(d -> d.getCurrentUrl().contains("/plan"));
        int year = Integer.parseInt(browser.findElement(By.name("year")).getAttribute("value"));
        assertThat(year).isEqualTo(YearMonth.now().minusMonths(1).getYear());
        type("planned", "60000");
        for (int m = 0; m < 12; m++) {
            type("curve[" + m + "]", String.valueOf(5000 * (m + 1)));
        }
        save();
        assertThat(saved()).isEqualTo(year + "年度计划已保存。");
        wait.until(d -> !d.findElements(By.cssSelector(".projects-curve canvas")).isEmpty());
        assertThat(projects.plan(p.id(), year).curve()).hasSize(12);

        // the signing, on the milestone's own form
        click(browser.findElement(By.cssSelector("a[aria-label='记录建设节点：签约']")));
        wait.until(d -> d.getCurrentUrl().endsWith("/milestones/SIGNED"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2024-03-18'", browser.findElement(By.name("actualOn")));
        type("note", "市政府集中签约");
        save();
        assertThat(saved()).isEqualTo("建设节点“签约”已记录。");
        assertThat(browser.findElement(By.cssSelector(".projects-milestones li.done")).getText()).contains("签约")
                .contains("2024-03-18");
        assertThat(severe()).isEmpty();
    }
}
