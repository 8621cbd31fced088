package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error body is a problem detail in the reader's language, never an HTML report or a stack trace:
 * Tomcat's own 400 for a request it cannot parse, a 413 for an upload over the limit sent without a length
 * (chunked), a 415 for an upload endpoint sent JSON, and a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ErrorBodiesTests.Failing.class)
class ErrorBodiesTests {

    @LocalServerPort int port;

    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:test-admin-secret".getBytes());

    /** A handler that fails as a bug would. */
    @TestConfiguration
    @RestController
    static class Failing {
        @GetMapping("/api/v1/test-failure")
        @PreAuthorize("hasAuthority('programme:programme:read')")
        String fail() {
            throw new IllegalStateException("secret internals at org.gongjian.Something");
        }
    }

    /** The raw answer to a raw request: status line, headers and body. */
    String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void tomcats_own_400_for_a_request_it_cannot_parse_is_a_problem_detail() throws Exception {
        String answer = raw("GET /api/v1/programmes?q=<script>|{} HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"status\":400")
                .doesNotContain("Apache Tomcat").doesNotContain("<html").doesNotContain("Exception");
        String chinese = raw("GET /a%00b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(chinese).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("提交的数据有误")
                .doesNotContain("<html");
    }

    @Test
    void an_unexpected_failure_is_a_localized_500_problem_without_internals() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/test-failure"))
                .header("Authorization", ADMIN).header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":500", "The server failed to answer the request")
                .doesNotContain("secret internals").doesNotContain("IllegalStateException").doesNotContain("trace");
    }

    @Test
    void an_upload_endpoint_sent_json_answers_415_as_a_problem_detail() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/programmes/kaiping-2024/imports/measurements"))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.body()).contains("\"status\":415", "multipart/form-data");
    }

    @Test
    void an_upload_over_20_mb_sent_chunked_is_refused_with_a_413_problem_detail() throws Exception {
        String boundary = "----gongjian" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[1 << 20];
        Iterator<byte[]> parts = new Iterator<>() {
            int sent = -1;

            @Override
            public boolean hasNext() {
                return sent <= 22;
            }

            @Override
            public byte[] next() {
                sent++;
                return sent == 0 ? head : sent <= 22 ? chunk : tail;
            }
        };
        // the publisher has no known length, so the client sends it with Transfer-Encoding: chunked
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/programmes/kaiping-2024/imports/measurements"))
                .header("Authorization", ADMIN).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                        java.util.Collections.enumeration(iterable(parts))))).build();
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":413", "20").doesNotContain("<html");
    }

    private static List<InputStream> iterable(Iterator<byte[]> parts) {
        List<InputStream> streams = new java.util.ArrayList<>();
        parts.forEachRemaining(b -> streams.add(new java.io.ByteArrayInputStream(b)));
        return streams;
    }
}
