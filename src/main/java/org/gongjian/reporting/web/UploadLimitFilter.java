package org.gongjian.reporting.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.gongjian.reporting.excel.ImportSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an upload larger than the server accepts before anything reads its parameters. Without it, the
 * first {@code getParameter} (the CSRF check of the pages, the language switch of the API) makes the
 * servlet container parse the oversized body and fail, and the user sees the container's bare error page.
 * The page form is sent back to 报表中心 with a message naming the limit; the API answers with a problem
 * detail. The body is read and dropped first (up to a bound), so that a browser still sending it gets the
 * answer instead of a reset connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class UploadLimitFilter extends OncePerRequestFilter {

    /** Bodies up to this many times the limit are read to the end before answering; larger ones are cut. */
    private static final int DRAIN_FACTOR = 3;

    private final long maxRequestBytes;
    private final ImportSettings settings;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    UploadLimitFilter(@Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize,
            ImportSettings settings, MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.maxRequestBytes = maxRequestSize.toBytes();
        this.settings = settings;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                || request.getContentLengthLong() <= maxRequestBytes
                || !(request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                        || request.getRequestURI().startsWith(request.getContextPath() + "/reports/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= DRAIN_FACTOR * maxRequestBytes) {
            try (InputStream body = request.getInputStream()) {
                body.transferTo(OutputStream.nullOutputStream());
            }
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            Locale locale = locales.resolveLocale(request);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, messages.getMessage(
                    "error.import.too-big", new Object[] {String.valueOf(settings.maxBytes() / (1024 * 1024))}, locale));
            problem.setTitle(messages.getMessage("problem.import-refused", null, locale));
            problem.setInstance(URI.create(path));
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(problem));
        } else {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + "/reports?refused=too-big");
        }
    }
}
