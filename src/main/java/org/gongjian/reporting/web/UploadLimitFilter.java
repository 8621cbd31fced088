package org.gongjian.reporting.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
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
 * Refuses an Excel import larger than the server takes before anything reads the request's parameters.
 * Without it, the first {@code getParameter} (the CSRF check of the pages, the language switch of the API)
 * makes the servlet container parse the oversized body and fail, and the user sees the container's bare
 * error page. The page form is sent back to 报表中心 with a message naming the limit; the API answers with a
 * problem detail. The container reads and drops the rest of the body ({@code server.tomcat.max-swallow-size}),
 * so that a browser still sending it gets the answer instead of a reset connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class UploadLimitFilter extends OncePerRequestFilter {

    /** The import paths: the page's form, and the API's imports. */
    private static final Pattern IMPORTS =
            Pattern.compile("/reports/[^/]+/import|/api/v1/programmes/[^/]+/imports/[^/]+");

    /** The largest file an import takes: the smaller of the import's limit and the container's. */
    private final long maxBytes;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    UploadLimitFilter(@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize, ImportSettings settings,
            MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.maxBytes = Math.min(maxFileSize.toBytes(), settings.maxBytes());
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                || (request.getContentLengthLong() >= 0 && request.getContentLengthLong() <= maxBytes)
                || !IMPORTS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, jakarta.servlet.ServletException {
        if (request.getContentLengthLong() < 0) {
            // sent chunked, without a length: the size shows only while the container parses the parts, when
            // the first reader of a parameter (the pages' CSRF check) fails; that failure is answered here
            try {
                chain.doFilter(request, response);
            } catch (RuntimeException | jakarta.servlet.ServletException e) {
                if (!org.gongjian.shared.web.UploadSizes.tooLarge(e) || response.isCommitted()) {
                    throw e;
                }
                refuse(request, response);
            }
            return;
        }
        refuse(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            Locale locale = locales.resolveLocale(request);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, messages.getMessage(
                    "error.import.too-big", new Object[] {String.valueOf(maxBytes / (1024 * 1024))}, locale));
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
