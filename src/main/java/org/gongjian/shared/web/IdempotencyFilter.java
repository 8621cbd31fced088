package org.gongjian.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on the API's POSTs: the first request with a key creates the record and its answer is
 * kept with the key and the caller; a retry with the same key (after a timeout, a lost answer) gets the same
 * answer (status, Location, body, and {@code Idempotent-Replayed: true}) and creates nothing. The same key sent
 * while the first request is still running gets 409; reused for another path, 422. Answers of 5xx are not kept,
 * so that such a request may be retried. Runs after Spring Security: the key belongs to the authenticated caller.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final Clock clock;

    IdempotencyFilter(JdbcClient jdbc, JsonMapper json, MessageSource messages, LocaleResolver locales, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.locales = locales;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    record Stored(String method, String path, Integer status, String contentType, String location, String body) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String key = request.getHeader(HEADER).strip();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);   // security answers it
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (key.isEmpty() || key.length() > 200) {
            problem(request, response, HttpStatus.BAD_REQUEST, "error.idempotency.key");
            return;
        }
        String principal = auth.getName();
        try {
            jdbc.sql("""
                    insert into shared_idempotency (idempotency_key, principal, method, path, created_at)
                    values (:k, :p, :m, :path, :at)""")
                    .param("k", key).param("p", principal).param("m", request.getMethod()).param("path", path)
                    .param("at", Timestamp.from(Instant.now(clock))).update();
        } catch (DuplicateKeyException e) {
            replay(request, response, key, principal, path);
            return;
        }
        ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, caching);
            int status = caching.getStatus();
            if (status < 500) {
                jdbc.sql("""
                        update shared_idempotency set status = :s, content_type = :t, location = :l, body = :b
                         where idempotency_key = :k and principal = :p""")
                        .param("s", status).param("t", caching.getContentType())
                        .param("l", caching.getHeader(HttpHeaders.LOCATION))
                        .param("b", new String(caching.getContentAsByteArray(), StandardCharsets.UTF_8))
                        .param("k", key).param("p", principal).update();
                kept = true;
            }
        } finally {
            if (!kept) {
                jdbc.sql("delete from shared_idempotency where idempotency_key = :k and principal = :p")
                        .param("k", key).param("p", principal).update();
            }
            caching.copyBodyToResponse();
        }
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, String key, String principal,
            String path) throws IOException {
        Stored stored = jdbc.sql("""
                select method, path, status, content_type, location, body from shared_idempotency
                 where idempotency_key = :k and principal = :p""").param("k", key).param("p", principal)
                .query(Stored.class).optional().orElse(null);
        if (stored == null || stored.status() == null) {
            problem(request, response, HttpStatus.CONFLICT, "error.idempotency.in-progress");
            return;
        }
        if (!stored.path().equals(path) || !stored.method().equals(request.getMethod())) {
            problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "error.idempotency.reused");
            return;
        }
        response.setStatus(stored.status());
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(Map.of("type", "about:blank", "status", status.value(),
                "title", messages.getMessage("problem.idempotency", null, locale),
                "detail", messages.getMessage(key, null, locale),
                "instance", request.getRequestURI())));
    }
}
