package org.gongjian.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.support.Chromium;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The form designer as the office uses it: problems come back at the field they concern, the preview shows
 * the form as a filler sees it, and in headless Chromium a form is built field by field (a number with its
 * unit, a required choice, a text), published and assigned without writing any JSON, and a town fills it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FormDesignerTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    RequestPostProcessor page(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(username));
    }

    @BeforeEach
    void users() {
        TestUsers.ensure(accounts, organisation, "designer-chikan", "chikan", Role.UNIT_STAFF);
    }

    static final String BROKEN = """
            {"title": "", "sections": [{"title": "基本情况", "fields": [
              {"code": "places", "label": "新增学位", "type": "NUMBER", "unit": "PIECES", "min": 5, "max": 1},
              {"code": "stage", "label": "学段", "type": "CHOICE", "required": true},
              {"code": "places", "label": "说明", "type": "TEXT"}]}]}""";

    @Test
    void a_definition_with_problems_comes_back_with_each_problem_marked_at_its_field_and_nothing_is_saved()
            throws Exception {
        mvc.perform(post("/forms/new").with(page("admin")).with(csrf()).param("code", "broken-design")
                        .param("definition", BROKEN))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-path=\"title\""),
                        containsString("data-path=\"sections[0].fields[0].min\""),
                        containsString("data-path=\"sections[0].fields[1].options\""),
                        containsString("data-path=\"sections[0].fields[2].code\""),
                        containsString("字段编码“places”重复"))))
                // what was typed is kept for the builder to show again
                .andExpect(content().string(containsString("&quot;学段&quot;")));
        assertThat(jdbc.sql("select count(*) from forms_form where code = 'broken-design'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void the_preview_shows_the_form_as_a_filler_sees_it_or_what_stops_it() throws Exception {
        mvc.perform(post("/forms/designer/preview").with(page("admin")).with(csrf())
                        .param("definition", FormsApiContract.definition("预览月报")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("预览月报"), containsString("新增学位（个）"),
                        containsString("name=\"v.places\""), containsString("name=\"t.villages.0.investment\""),
                        containsString("<option value=\"初中\">"), not(containsString("forms-designer")))));
        mvc.perform(post("/forms/designer/preview").with(page("admin")).with(csrf()).param("definition", "{\"title\": "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-path=\"definition\"")));
        mvc.perform(post("/forms/designer/preview").with(page("designer-chikan")).with(csrf())
                .param("definition", BROKEN)).andExpect(status().isForbidden());
        mvc.perform(get("/forms/new").with(page("designer-chikan"))).andExpect(status().isForbidden());
    }

    @Test
    void a_published_form_gets_its_next_version_from_the_builder_and_the_draft_can_be_changed_there() throws Exception {
        mvc.perform(post("/api/v1/forms").with(page("admin")).with(csrf())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"code\": \"redesigned\", \"definition\": " + FormsApiContract.definition("改版月报") + "}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/forms/redesigned/versions/1/publish").with(page("admin")).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(get("/forms/redesigned/design").with(page("admin"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("设计《改版月报》第2版"), containsString("保存为第2版草稿"),
                        containsString("&quot;新增学位&quot;"))));
        mvc.perform(post("/forms/redesigned/design").with(page("admin")).with(csrf()).param("rowVersion", "0")
                        .param("definition", FormsApiContract.definition("改版月报（第二版）")))
                .andExpect(status().is3xxRedirection());
        int draft = jdbc.sql("""
                select v.row_version from forms_version v join forms_form f on f.id = v.form_id
                where f.code = 'redesigned' and v.number = 2 and v.status = 'DRAFT'""").query(Integer.class).single();
        mvc.perform(post("/forms/redesigned/design").with(page("admin")).with(csrf()).param("rowVersion", String.valueOf(draft))
                        .param("definition", FormsApiContract.definition("改版月报（定稿）")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("""
                select v.number || ':' || v.status from forms_version v join forms_form f on f.id = v.form_id
                where f.code = 'redesigned' order by v.number""").query(String.class).list())
                .containsExactly("1:PUBLISHED", "2:DRAFT");
        mvc.perform(get("/api/v1/forms/redesigned/versions/2").with(page("admin")))
                .andExpect(content().string(containsString("改版月报（定稿）")));
        mvc.perform(get("/api/v1/forms/redesigned/versions/1").with(page("admin")))
                .andExpect(content().string(not(containsString("定稿"))));
    }

    @Test
    void the_office_builds_a_form_field_by_field_publishes_and_assigns_it_and_a_town_fills_it() throws Exception {
        Chromium.assumeInstalled();
        ChromeDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
            logIn(browser, wait, "admin", "test-admin-secret");
            browser.get(url("/forms/new"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-path='sections[0]']")));
            browser.findElement(By.id("code")).sendKeys("built-by-hand");
            browser.findElement(By.id("fb-title")).sendKeys("学位建设月报");

            addField(browser, wait, "fb-s0-f0");
            browser.findElement(By.id("fb-s0-f0-label")).sendKeys("新增学位");
            new Select(browser.findElement(By.id("fb-s0-f0-unit"))).selectByValue("PIECES");
            browser.findElement(By.id("fb-s0-f0-min")).sendKeys("0");
            addField(browser, wait, "fb-s0-f1");
            browser.findElement(By.id("fb-s0-f1-label")).sendKeys("学段");
            new Select(browser.findElement(By.id("fb-s0-f1-type"))).selectByValue("CHOICE");
            browser.findElement(By.id("fb-s0-f1-required")).click();
            addField(browser, wait, "fb-s0-f2");
            browser.findElement(By.id("fb-s0-f2-label")).sendKeys("情况说明");
            new Select(browser.findElement(By.id("fb-s0-f2-type"))).selectByValue("TEXT");
            assertThat(browser.findElement(By.id("fb-s0-f2-unit")).isDisplayed()).as("a text has no unit").isFalse();

            // saved without the choice's options: the problem is shown at the options box, and nothing is lost
            click(browser, browser.findElement(By.cssSelector("#designer-form button[type=submit]")));
            WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-path='sections[0].fields[1]'] .fb-error")));
            assertThat(problem.getText()).contains("选项");
            assertThat(browser.findElement(By.id("fb-s0-f1-options")).getAttribute("class")).contains("is-invalid");
            assertThat(browser.findElement(By.id("fb-s0-f0-label")).getAttribute("value")).isEqualTo("新增学位");

            browser.findElement(By.id("fb-s0-f1-options")).sendKeys("小学\n初中");
            click(browser, browser.findElement(By.id("fb-preview-button")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#designer-preview select[name='v.f2']")));
            assertThat(browser.findElement(By.id("designer-preview")).getText()).contains("学位建设月报", "新增学位（个）", "学段");
            assertThat(new Select(browser.findElement(By.cssSelector("#designer-preview select[name='v.f2']"))).getOptions())
                    .extracting(WebElement::getText).contains("小学", "初中");

            click(browser, browser.findElement(By.cssSelector("#designer-form button[type=submit]")));
            wait.until(ExpectedConditions.urlContains("/forms/built-by-hand"));
            click(browser, browser.findElement(By.cssSelector("form[action$='/versions/1/publish'] button")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
            browser.findElement(By.id("unitCodes")).sendKeys("chikan");
            new Select(browser.findElement(By.id("cycle"))).selectByValue("MONTHLY");
            LocalDate lastMonth = LocalDate.now().minusMonths(1).withDayOfMonth(1);
            ((JavascriptExecutor) browser).executeScript("document.getElementById('startsOn').value = arguments[0];",
                    lastMonth.toString());
            click(browser, browser.findElement(By.cssSelector("form[action$='/assignments'] button[type=submit]")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));

            assertThat(browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
                    .as("the designer runs under the strict CSP: no refused script or style")
                    .noneMatch(e -> e.getMessage().contains("Content Security Policy"));

            long id = jdbc.sql("""
                    select r.id from forms_return r join forms_form f on f.id = r.form_id
                    where f.code = 'built-by-hand' and r.unit_code = 'chikan' and r.period = :p""")
                    .param("p", lastMonth.toString().substring(0, 7)).query(Long.class).single();

            browser.manage().deleteAllCookies();
            browser.manage().window().setSize(new Dimension(390, 844));
            logIn(browser, wait, "designer-chikan", TestUsers.PASSWORD);
            browser.get(url("/forms/returns/" + id));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("v.f1")));
            browser.findElement(By.id("v.f1")).sendKeys("12");
            new Select(browser.findElement(By.id("v.f2"))).selectByVisibleText("初中");
            click(browser, browser.findElement(By.cssSelector("button[value='submit']")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
            assertThat(jdbc.sql("select status from forms_return where id = :id").param("id", id).query(String.class)
                    .single()).isEqualTo("SUBMITTED");
            assertThat(jdbc.sql("select data from forms_return where id = :id").param("id", id).query(String.class)
                    .single()).contains("\"f1\"", "12", "初中");
        } finally {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void logIn(ChromeDriver browser, WebDriverWait wait, String username, String password) {
        browser.get(url("/login?lang=zh-CN"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private static void addField(ChromeDriver browser, WebDriverWait wait, String id) {
        List<WebElement> buttons = browser.findElements(By.cssSelector("[data-path='sections[0]'] > [data-act='add-field']"));
        click(browser, buttons.get(0));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id + "-label")));
    }

    /** Clicks through script: under a sticky top bar a scrolled-to button may be covered. */
    private static void click(ChromeDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                element);
    }
}
