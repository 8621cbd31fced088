package org.gongjian.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a phone (390 px) in headless Chromium, with the demo ledger: a town clerk records a visit on the phone page, and a
 * bank user lands on their consortium's needs and records a credit decision on a need's page; no page scrolls sideways.
 * Screenshots go to {@code target/screenshots/finance-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "gongjian.demo.finance.enabled=true")
@ActiveProfiles("test")
class FinanceBrowserTests {

    private static final Path SHOTS = Path.of("target/screenshots");

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired FinanceAccess access;
    @Autowired JdbcClient jdbc;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws IOException {
        Chromium.assumeInstalled();
        browser = Chromium.start();
        browser.manage().window().setSize(new Dimension(390, 844));
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    void logIn(String username, String password) {
        browser.get("http://localhost:" + port + "/login?lang=zh-CN");
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form [type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Clicks a button brought to the middle of the screen (the phone's bottom bar would take a plain click). */
    void click(By button) {
        var element = browser.findElement(button);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    void assertFitsThePhone(String shot) throws IOException {
        Files.write(SHOTS.resolve("finance-" + shot + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        long width = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) browser.executeScript("return window.innerWidth")).longValue();
        assertThat(width).as(shot + " is no wider than the phone").isLessThanOrEqualTo(inner);
    }

    @Test
    void a_town_clerk_records_a_visit_on_the_phone() throws IOException {
        accounts.create("browser-chikan", "赤坎镇金融专干", "browser-secret-1", organisation.unit("chikan").id(),
                Set.of(Role.UNIT_STAFF));
        logIn("browser-chikan", "browser-secret-1");
        browser.get("http://localhost:" + port + "/finance/visits/new");
        assertFitsThePhone("visit");
        long before = jdbc.sql("select count(*) from finance_visit where created_by = 'browser-chikan'").query(Long.class).single();
        browser.findElement(By.id("visit-visitor")).sendKeys("关志强");
        browser.findElement(By.id("visit-notes")).sendKeys("了解到扩大生产的资金需求");
        click(By.cssSelector(".finance-visit button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(".alert-success")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("走访已登记");
        assertFitsThePhone("visit-saved");
        assertThat(jdbc.sql("select count(*) from finance_visit where created_by = 'browser-chikan'").query(Long.class).single())
                .isEqualTo(before + 1);
    }

    @Test
    void a_town_clerk_declares_a_need_on_the_phone_sees_its_screening_and_pushes_it_to_the_consortium() throws IOException {
        accounts.create("browser-chikan-need", "赤坎镇金融专干", "browser-secret-1", organisation.unit("chikan").id(),
                Set.of(Role.UNIT_STAFF));
        logIn("browser-chikan-need", "browser-secret-1");
        browser.get("http://localhost:" + port + "/finance/needs/new");
        assertFitsThePhone("need-new");
        click(By.cssSelector("form[action$='/finance/needs'] button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("amountWan-error")).isEmpty());
        assertThat(browser.findElement(By.id("amountWan-error")).getText()).isEqualTo("金额须大于0、最多两位小数（元）");
        assertThat(browser.findElement(By.id("subjectId-error")).getText()).isEqualTo("必填");
        assertFitsThePhone("need-errors");
        new Select(browser.findElement(By.id("subjectId"))).selectByIndex(1);
        browser.findElement(By.id("amountWan")).sendKeys("80");
        browser.findElement(By.id("purpose")).sendKeys("冷链仓储扩容");
        browser.findElement(By.id("termMonths")).clear();
        browser.findElement(By.id("termMonths")).sendKeys("24");
        new Select(browser.findElement(By.id("collateral"))).selectByValue("CREDIT");
        for (String criterion : new String[] {"operating", "premises", "realNeed", "credit", "lawfulUse"}) {
            click(By.cssSelector("input[type=checkbox][name=" + criterion + "]"));
        }
        click(By.cssSelector("form[action$='/finance/needs'] button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(".alert-success")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .isEqualTo("需求已申报：五项条件全部符合，已列入推荐清单，可推送结对银团");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("已列入推荐清单");
        assertThat(browser.findElement(By.cssSelector(".finance-screening")).getText()).isEqualTo("五项全部符合");
        assertFitsThePhone("need-declared");
        click(By.cssSelector("form[action$='/push'] button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("h1")).getText().contains("已推送银团"));
        assertThat(jdbc.sql("select count(*) from finance_need where created_by = 'browser-chikan-need' and status = 'PUSHED'"
                + " and amount = 800000").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_bank_user_lands_on_their_needs_and_records_a_credit_decision() throws IOException {
        // the demo leaves a few needs waiting for a bank: the user works for the consortium of the first of them
        long waiting = jdbc.sql("select min(id) from finance_need where status in ('PUSHED', 'CONTACTED')")
                .query(Long.class).single();
        long consortium = jdbc.sql("select consortium_id from finance_need where id = :id").param("id", waiting)
                .query(Long.class).single();
        accounts.create("browser-bank", "银团客户经理", "browser-secret-1", null, Set.of(Role.BANK_STAFF));
        access.assignBankUser("browser-bank", consortium);
        logIn("browser-bank", "browser-secret-1");
        assertThat(browser.getCurrentUrl()).endsWith("/finance/needs");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("本银团的融资需求");
        assertFitsThePhone("bank-needs");
        browser.get("http://localhost:" + port + "/finance/needs/" + waiting);
        assertFitsThePhone("bank-need");
        new Select(browser.findElement(By.name("outcome"))).selectByValue("APPROVED");
        browser.findElement(By.name("approvedWan")).sendKeys("120");
        browser.findElement(By.name("ratePct")).sendKeys("3.45");
        browser.findElement(By.name("termMonths")).sendKeys("36");
        click(By.cssSelector("form[action$='/decision'] button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(".alert-success")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).contains("已授信");
        assertThat(browser.findElement(By.cssSelector(".finance-remaining")).getText()).isEqualTo("尚可放款 120 万元");
        assertFitsThePhone("bank-decided");
    }
}
