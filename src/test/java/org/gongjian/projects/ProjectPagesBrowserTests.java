package org.gongjian.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In headless Chromium: a park clerk fills the monthly report on a 390 px phone (nothing overflows sideways, the
 * photo goes with it), and the project page draws its plan curve under the strict CSP with a clean console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gongjian.demo.projects.enabled=true")
@ActiveProfiles("test")
class ProjectPagesBrowserTests {

    static final String FOOD = "2024-440783-14-03-071805";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired KeyProjects projects;
    @Autowired ProgressReports reports;
    ChromeDriver browser;

    @BeforeEach
    void open() throws Exception {
        Chromium.assumeInstalled();
        TestUsers.ensure(accounts, organisation, "phone-park-clerk", "cuishanhu", Role.UNIT_STAFF);
        browser = Chromium.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    void login(String username, String password) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        browser.get("http://localhost:" + port + "/login?lang=zh-CN");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Scrolls a control into view and clicks it; if the phone's bottom bar still lies over it, the click goes to the control. */
    void click(org.openqa.selenium.WebElement element) {
        JavascriptExecutor js = browser;
        js.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            js.executeScript("arguments[0].click()", element);
        }
    }

    long overflow() {
        return (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    List<String> severe() {
        return browser.manage().logs().get("browser").getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(Object::toString).filter(m -> !m.contains("favicon")).toList();
    }

    @Test
    void a_park_clerk_reports_a_month_with_a_photo_on_a_390_px_phone() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        KeyProject food = projects.byCode(FOOD);
        YearMonth month = YearMonth.now().minusMonths(1);
        login("phone-park-clerk", TestUsers.PASSWORD);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        browser.get("http://localhost:" + port + "/projects/" + food.id() + "/report?month=" + month);
        assertThat(overflow()).as("the report form at 390 px").isLessThanOrEqualTo(0);
        browser.findElement(By.name("thisMonthWan")).sendKeys("abc");
        browser.findElement(By.name("imageProgress")).sendKeys("中央厨房二期厂房主体封顶");
        click(browser.findElement(By.cssSelector("button[value=submit]")));
        wait.until(d -> d.findElement(By.cssSelector(".field-error")).getText().contains("本月完成投资"));
        assertThat(browser.findElement(By.name("imageProgress")).getAttribute("value")).as("what was typed is kept")
                .isEqualTo("中央厨房二期厂房主体封顶");
        Path photo = Files.createTempFile("site-", ".jpg");
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'});
        browser.findElement(By.name("thisMonthWan")).clear();
        browser.findElement(By.name("thisMonthWan")).sendKeys("350.5");
        browser.findElement(By.cssSelector("input[type=file][name=photos]")).sendKeys(photo.toString());
        click(browser.findElement(By.cssSelector("button[value=submit]")));
        wait.until(d -> d.findElement(By.cssSelector(".alert-success")).getText().contains("已提交"));
        assertThat(overflow()).as("after submitting").isLessThanOrEqualTo(0);
        ProgressReports.Report r = reports.report(food.id(), month);
        assertThat(r.status()).isEqualTo(ProgressReports.Status.SUBMITTED);
        assertThat(r.thisMonth()).isEqualByComparingTo("3505000");
        assertThat(reports.photos(r.id())).hasSize(1);
        assertThat(severe()).isEmpty();
    }

    @Test
    void the_project_page_draws_the_plan_curve_against_actual_investment() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        TestUsers.ensure(accounts, organisation, "browser-leader", null, Role.LEADER);
        login("browser-leader", TestUsers.PASSWORD);
        KeyProject base = projects.byCode(KeyProjectDoneWhenTests.HYDROGEN);
        browser.get("http://localhost:" + port + "/projects/" + base.id());
        new WebDriverWait(browser, Duration.ofSeconds(40))
                .until(d -> !d.findElements(By.cssSelector(".projects-curve canvas")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".projects-curve")).getAttribute("data-planned")).contains(",");
        browser.get("http://localhost:" + port + "/projects");
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("三埠氢能基地").contains("演示");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(overflow()).as("the list at 390 px scrolls inside its table").isLessThanOrEqualTo(0);
        assertThat(severe()).isEmpty();
    }
}
