package org.gongjian.organisation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.gongjian.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the filter chains answer when they refuse a request: pages redirect to the login (an htmx
 * request is told to, with {@code HX-Redirect}); the API answers problem details. A refusal of a
 * logged-in user (a forged request without its CSRF token, a read-only role writing) is audited.
 */
@Component
class SecurityResponses {

    private final AuditLog audit;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    SecurityResponses(AuditLog audit, MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.audit = audit;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Pages: to the login form, saying the session expired when the browser still sent one. */
    AuthenticationEntryPoint pageEntryPoint() {
        return (request, response, e) -> {
            boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            String target = request.getContextPath() + "/login" + (expired ? "?expired" : "");
            if (isHtmx(request)) {
                response.setHeader("HX-Redirect", target);
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
            } else {
                response.sendRedirect(target);
            }
        };
    }

    /** The API: 401 asking for credentials, or 429 with Retry-After when the account or address is throttled. */
    AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfter().toSeconds()));
                problem(request, response, HttpStatus.TOO_MANY_REQUESTS, "problem.throttled",
                        message(request, "login.throttled", throttled.minutes()));
            } else {
                response.addHeader("WWW-Authenticate", "Basic realm=\"gongjian\", charset=\"UTF-8\"");
                response.addHeader("WWW-Authenticate", "Bearer realm=\"gongjian\"");
                problem(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized",
                        message(request, "error.unauthenticated"));
            }
        };
    }

    /** Pages: audit, then Boot's error page (the layout's {@code error.html}) with status 403. */
    AccessDeniedHandler pageAccessDenied() {
        return (request, response, e) -> {
            audit(request, e);
            request.setAttribute("gongjianCsrf", e instanceof CsrfException);
            response.sendError(HttpStatus.FORBIDDEN.value());
        };
    }

    AccessDeniedHandler apiAccessDenied() {
        return (request, response, e) -> {
            audit(request, e);
            problem(request, response, HttpStatus.FORBIDDEN, "problem.forbidden", message(request, "error.access-denied"));
        };
    }

    /** The API refuses an account whose password the office set until its owner has chosen their own. */
    void passwordChangeRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problem(request, response, HttpStatus.FORBIDDEN, "problem.forbidden", message(request, "error.password.must-change"));
    }

    private void audit(HttpServletRequest request, AccessDeniedException e) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return; // nobody to hold to account: an anonymous request has no session to forge
        }
        String reason = e instanceof CsrfException ? "CSRF token missing or invalid" : "refused by the filter chain";
        audit.denied("request", request.getMethod() + " " + truncate(request.getRequestURI()), reason);
    }

    private static String truncate(String uri) {
        return uri.length() > 110 ? uri.substring(0, 110) : uri;
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String titleKey,
            String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(message(request, titleKey))
                + ",\"status\":" + status.value() + ",\"detail\":" + json(detail)
                + ",\"instance\":" + json(request.getRequestURI()) + "}");
    }

    private String message(HttpServletRequest request, String key, Object... args) {
        Locale locale = locales.resolveLocale(request);
        return messages.getMessage(key, args, key, locale);
    }

    private String json(String text) {
        return json.writeValueAsString(text);
    }
}
