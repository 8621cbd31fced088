package org.gongjian.roads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.gongjian.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * With a tile URL configured, the register's map is drawn by Leaflet over the XYZ tiles: the page's policy
 * lets images come from the tile host (and no other page's policy does), the browser asks that host for tiles
 * without a policy refusal, and the segments are drawn coloured by grade. (The host does not exist here, so the
 * tiles themselves fail to load; that is the network's answer, not the policy's.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gongjian.roads.map.tile-url=https://{s}.tiles.gongjian.invalid/{z}/{x}/{y}.png",
        "gongjian.roads.map.tile-attribution=测试底图"})
@ActiveProfiles("test")
class RoadMapTilesBrowserTests {

    @LocalServerPort int port;
    ChromeDriver browser;

    @BeforeEach
    void open() throws Exception {
        Chromium.assumeInstalled();
        browser = Chromium.start();
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    String policy(String path) throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.discarding());
        return answer.headers().firstValue("Content-Security-Policy").orElseThrow();
    }

    @Test
    void the_register_map_draws_its_segments_over_the_configured_tiles() throws Exception {
        assertThat(policy("/roads/register")).contains("img-src 'self' data: blob: https://*.tiles.gongjian.invalid;");
        assertThat(policy("/roads")).doesNotContain("tiles.gongjian.invalid");
        assertThat(policy("/login")).doesNotContain("tiles.gongjian.invalid");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        browser.get("http://localhost:" + port + "/login?lang=zh-CN");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-secret");
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get("http://localhost:" + port + "/roads/register");
        wait.until(d -> "leaflet".equals(d.findElement(By.cssSelector(".roads-map")).getAttribute("data-drawn")));
        assertThat(browser.findElements(By.cssSelector(".roads-map path.leaflet-interactive"))).as("segments drawn").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".roads-map img.leaflet-tile")))
                .as("tiles asked of the configured host").isNotEmpty()
                .allSatisfy(t -> assertThat(t.getAttribute("src")).matches("https://[abc]\\.tiles\\.gongjian\\.invalid/\\d+/\\d+/\\d+\\.png"));
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText()).contains("测试底图");
        List<String> refused = browser.manage().logs().get("browser").getAll().stream().map(Object::toString)
                .filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(refused).isEmpty();
    }
}
