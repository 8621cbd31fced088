package org.gongjian.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Oversized uploads against the real servlet container (a mock request never meets its size limits): the
 * page says in Chinese that the file is too big, the API answers with a problem detail, and neither shows the
 * container's bare error page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadLimitTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String BOUNDARY = "----gongjian-test-boundary";

    @LocalServerPort int port;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    String get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }

    /** Logs in through the login form, as a browser does, and returns the 报表中心 page's CSRF token. */
    String logIn() throws Exception {
        String form = "username=admin&password=test-admin-secret&_csrf="
                + URLEncoder.encode(csrf(get("/login")), StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        return csrf(get("/reports"));
    }

    /** A multipart body as a browser sends the import form: fields, then the file. */
    static byte[] multipart(String csrf, int fileBytes) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"_csrf", csrf}, {"kind", "measurements"}}) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(new byte[fileBytes]);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** 25 MB: over the import's 20 MB, under the container's 55 MB for a request (evidence files take more). */
    @Test
    void a_file_over_the_limit_on_the_import_page_comes_back_to_the_page_with_a_chinese_message() throws Exception {
        String csrf = logIn();
        HttpResponse<String> refused = post("/reports/kaiping-2024/import", multipart(csrf, 25 * 1024 * 1024));
        assertThat(refused.statusCode()).isEqualTo(303);
        String location = refused.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/reports?refused=too-big");
        String page = get(URI.create(location).getPath() + "?" + URI.create(location).getQuery());
        assertThat(page).contains("报表中心").contains("文件太大：上限为 20MB。请分成几个文件导入。")
                .doesNotContain("HTTP Status");
    }

    @Test
    void a_file_over_the_limit_sent_to_the_api_gets_a_problem_detail() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:test-admin-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = post("/api/v1/programmes/kaiping-2024/imports/measurements",
                multipart("", 25 * 1024 * 1024), "Authorization", basic, "Accept-Language", "en");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":413").contains("The file is too large: at most 20 MB.");
    }
}
