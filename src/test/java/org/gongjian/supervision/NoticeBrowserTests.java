package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.support.ExternalTools;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In headless Chromium: a town clerk finds the notice in the inbox, answers it with a file of evidence;
 * the office sees the answer on the warning board's notice and closes it (销号).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NoticeBrowserTests {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired NoticeManagement notices;
    WebDriver browser;
    Path profile;

    @BeforeEach
    void open() throws Exception {
        String chromium = ExternalTools.require("chromium", "chromium");
        String driver = ExternalTools.require("chromedriver", "chromium-driver");
        TestUsers.ensure(accounts, organisation, "yueshan-clerk", "yueshan", Role.UNIT_STAFF);
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--lang=zh-CN", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * Scrolls a button into view and clicks it, as a person would; if the page is still settling and
     * something lies over it, the click is dispatched to the button itself.
     */
    void click(org.openqa.selenium.WebElement element) {
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            js.executeScript("arguments[0].click()", element);
        }
    }

    void login(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login?lang=zh-CN");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
    }

    @Test
    void a_town_answers_a_notice_with_evidence_and_the_office_closes_it() throws Exception {
        long id = notices.raise("kaiping-2024", new NoticeManagement.ManualNotice("yueshan", null, "月山镇报送水暖卫浴企业帮扶进展",
                "请报送帮扶企业清单及进展。", null, NoticeLevel.CHASE, null)).id();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        login("yueshan-clerk", TestUsers.PASSWORD);
        browser.get("http://localhost:" + port + "/supervision/notices");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("月山镇报送水暖卫浴企业帮扶进展"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text"))).sendKeys("已走访帮扶企业12家，清单见附件。");
        Path evidence = Files.createTempFile("帮扶企业清单", ".pdf");
        Files.writeString(evidence, "%PDF-1.4 list");
        browser.findElement(By.id("files")).sendKeys(evidence.toString());
        click(browser.findElement(By.cssSelector("form[action$='/answer'] button[type=submit]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "反馈已提交"));
        assertThat(browser.getPageSource()).contains("已走访帮扶企业12家", ".pdf");

        login("admin", "test-admin-secret");
        browser.get("http://localhost:" + port + "/supervision/notices/" + id);
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=close]"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "已销号"));
        assertThat(browser.findElement(By.cssSelector(".notice-history")).getText()).contains("反馈", "销号", "yueshan-clerk");
        assertThat(notices.notice(id).state()).isEqualTo(NoticeState.CLOSED);
    }
}
