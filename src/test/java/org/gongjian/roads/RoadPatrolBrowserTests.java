package org.gongjian.roads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A village road chief on a 390 px phone: starts a patrol, the page records the (emulated) GPS position in
 * the background, reports a defect with a photo, and ends the patrol; nothing overflows sideways and the
 * strict CSP leaves the console clean.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RoadPatrolBrowserTests {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired RoadChiefs chiefs;
    @Autowired JdbcClient jdbc;
    ChromeDriver browser;

    @BeforeEach
    void open() throws Exception {
        Chromium.assumeInstalled();
        TestUsers.ensure(accounts, organisation, "phone-chief", null, Role.ROAD_CHIEF);
        if (jdbc.sql("select count(*) from roads_chief where username = 'phone-chief'").query(Long.class).single() == 0) {
            long segment = jdbc.sql("""
                    select s.id from roads_segment s join roads_route r on r.id = s.route_id
                     where r.level = 'VILLAGE' and s.town_code = 'tangkou' order by s.id""").query(Long.class).list().get(0);
            long township = jdbc.sql("select id from roads_chief where level = 'TOWNSHIP' and unit_code = 'tangkou'")
                    .query(Long.class).list().get(0);
            RoadChiefs.Chief chief = chiefs.appoint(new RoadChiefs.NewChief("手机路长", ChiefLevel.VILLAGE, null, "phone-chief",
                    "tangkou", null, null, township, LocalDate.now().minusDays(10)), false);
            chiefs.assign(chief.id(), segment, null, null, LocalDate.now().minusDays(10), null);
        }
        browser = Chromium.start();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", "http://localhost:" + port,
                "permissions", List.of("geolocation")));
        browser.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 22.3712, "longitude", 112.5634,
                "accuracy", 8));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Scrolls a control into view and clicks it; if something still lies over it, the click goes to the control itself. */
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

    @Test
    void a_chief_patrols_with_gps_and_reports_a_defect_with_a_photo_on_a_phone() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        browser.get("http://localhost:" + port + "/login?lang=zh-CN");
        browser.findElement(By.id("username")).sendKeys("phone-chief");
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/roads/my"));   // a chief lands on their own roads
        assertThat(overflow()).as("my roads at 390 px").isLessThanOrEqualTo(0);
        click(browser.findElement(By.cssSelector("main form button[type=submit]")));
        wait.until(d -> d.getCurrentUrl().endsWith("/roads/my/patrol"));
        assertThat(overflow()).as("patrol page at 390 px").isLessThanOrEqualTo(0);
        wait.until(d -> d.findElement(By.cssSelector(".roads-gps")).getText().contains("正在记录轨迹"));
        assertThat((String) browser.executeScript("return document.querySelector('input.roads-lat').value")).startsWith("22.37");
        wait.until(d -> jdbc.sql("select coalesce(max(points), 0) from roads_patrol where username = 'phone-chief' and status = 'OPEN'")
                .query(Integer.class).single() > 0);
        Path photo = Files.createTempFile("pothole-", ".jpg");
        Files.write(photo, RoadsContract.JPEG);
        browser.findElement(By.name("description")).sendKeys("坑槽一处");
        browser.findElement(By.cssSelector("input[type=file][name=photos]")).sendKeys(photo.toString());
        click(browser.findElement(By.cssSelector("form[action*='/issues'] button[type=submit]")));
        wait.until(d -> d.findElement(By.cssSelector(".alert-success")).getText().contains("问题已上报"));
        click(browser.findElement(By.cssSelector("button.roads-end")));
        wait.until(d -> d.getCurrentUrl().endsWith("/roads/my"));
        assertThat(overflow()).isLessThanOrEqualTo(0);
        Map<String, Object> issue = jdbc.sql("""
                select i.status, i.lat, (select count(*) from roads_photo p where p.owner_kind = 'ISSUE_BEFORE' and p.owner_id = i.id) photos
                  from roads_issue i where i.reporter = 'phone-chief' order by i.id desc""").query().listOfRows().get(0);
        assertThat(issue.get("status")).isEqualTo("REPORTED");
        assertThat(((Number) issue.get("photos")).intValue()).isEqualTo(1);
        assertThat(issue.get("lat")).isNotNull();
        assertThat(jdbc.sql("select status from roads_patrol where username = 'phone-chief' order by id desc")
                .query(String.class).list().get(0)).isEqualTo("ENDED");
        List<String> severe = browser.manage().logs().get("browser").getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(Object::toString).filter(m -> !m.contains("favicon")).toList();
        assertThat(severe).isEmpty();
    }
    void login() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        browser.get("http://localhost:" + port + "/login?lang=zh-CN");
        browser.findElement(By.id("username")).sendKeys("phone-chief");
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/roads/my"));
    }

    @Test
    void the_photo_upload_and_the_report_pages_fit_a_390_px_phone() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        login();
        browser.get("http://localhost:" + port + "/roads/my/patrol");
        if (!browser.getCurrentUrl().endsWith("/roads/my/patrol")) {
            click(browser.findElement(By.cssSelector("main form button[type=submit]")));
            wait.until(d -> d.getCurrentUrl().endsWith("/roads/my/patrol"));
        }
        Path photo = Files.createTempFile("signboard-", ".jpg");
        Files.write(photo, RoadsContract.JPEG);
        browser.findElement(By.name("description")).sendKeys("护栏缺损");
        browser.findElement(By.cssSelector("form[action*='/issues'] input[type=file]")).sendKeys(photo.toString());
        click(browser.findElement(By.cssSelector("form[action*='/issues'] button[type=submit]")));
        wait.until(d -> d.findElement(By.cssSelector(".alert-success")).getText().contains("问题已上报"));
        assertThat(overflow()).as("patrol page after a report at 390 px").isLessThanOrEqualTo(0);
        click(browser.findElement(By.cssSelector("a[href*='/photos']")));
        wait.until(d -> d.getCurrentUrl().endsWith("/photos"));
        assertThat(overflow()).as("photo upload page at 390 px").isLessThanOrEqualTo(0);
        browser.findElement(By.cssSelector("input[type=file][name=photos]")).sendKeys(photo.toString());
        click(browser.findElement(By.cssSelector("main form button[type=submit]")));
        wait.until(d -> d.findElement(By.cssSelector(".alert-success")).getText().contains("照片已上传"));
        assertThat(browser.findElements(By.cssSelector(".roads-photos img"))).isNotEmpty();
        assertThat(overflow()).as("photo page with its photos at 390 px").isLessThanOrEqualTo(0);
        browser.get("http://localhost:" + port + "/roads/report");
        assertThat(browser.findElements(By.cssSelector("input[type=file]"))).isNotEmpty();
        assertThat(overflow()).as("public report page at 390 px").isLessThanOrEqualTo(0);
        long issue = jdbc.sql("select max(id) from roads_issue where reporter = 'phone-chief' and description = '护栏缺损'")
                .query(Long.class).single();
        browser.get("http://localhost:" + port + "/roads/my/issues/" + issue);
        wait.until(d -> d.findElement(By.tagName("h1")).isDisplayed());
        assertThat(browser.findElements(By.cssSelector(".roads-photos img"))).hasSize(1);
        assertThat(overflow()).as("my defect at 390 px").isLessThanOrEqualTo(0);
    }
}
