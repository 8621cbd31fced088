package org.gongjian.organisation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongjian.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies a handler's {@code @PreAuthorize} rule before its arguments are read, so that a request
 * without the permission is refused (403) before its body is parsed or validated, and the refusal is
 * audited. Method security still applies the same rule when the method runs. The rules name a
 * permission ({@code hasAuthority('module:resource:action')}); they never look at arguments: the data
 * scope is checked in the services.
 */
@Component
class PermissionCheck implements HandlerInterceptor {

    static final Pattern HAS_AUTHORITY = Pattern.compile("\\s*hasAuthority\\('([\\w:.-]+)'\\)\\s*");

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();
    private final AuditLog audit;
    private final Map<Handler, Rule> byHandler = new ConcurrentHashMap<>();

    PermissionCheck(AuditLog audit, ApplicationContext context) {
        this.audit = audit;
        rules.setApplicationContext(context);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Rule rule = rules(method);
        if (rule.value() == null) {
            return true;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (granted(rule, auth, method)) {
            return true;
        }
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            String uri = request.getRequestURI();
            audit.denied("request", request.getMethod() + " " + (uri.length() > 110 ? uri.substring(0, 110) : uri),
                    "lacks " + rule.value());
        }
        throw new AccessDeniedException("error.access-denied");
    }

    /**
     * Whether the rule grants the request. The usual rule, {@code hasAuthority('module:resource:action')}, is decided
     * by looking the permission up among the caller's authorities (what SpEL's {@code hasAuthority} does, without
     * building an evaluation context per request); any other rule goes through Spring Security's evaluation.
     */
    private boolean granted(Rule rule, @Nullable Authentication auth, HandlerMethod method) {
        String wanted = rule.authority();
        if (wanted != null) {
            return PreAuthorizeRules.holds(auth, wanted);
        }
        AuthorizationResult result = rules.authorize(() -> auth, new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        return result == null || result.isGranted();
    }

    /** A handler's rule: its {@code @PreAuthorize} text, and the permission when the rule is a plain {@code hasAuthority}. */
    record Rule(@Nullable String value, @Nullable String authority) {
    }

    /** A handler method of a controller type (a class-level rule belongs to the type). */
    private record Handler(Class<?> type, Method method) {
    }

    /** The handler's rule, read from its annotations once per handler method. */
    private Rule rules(HandlerMethod method) {
        return byHandler.computeIfAbsent(new Handler(method.getBeanType(), method.getMethod()), h -> {
            PreAuthorize rule = rule(method);
            if (rule == null) {
                return new Rule(null, null);
            }
            Matcher plain = HAS_AUTHORITY.matcher(rule.value());
            return new Rule(rule.value(), plain.matches() ? plain.group(1) : null);
        });
    }

    static @Nullable PreAuthorize rule(HandlerMethod method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        return rule != null ? rule : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
    }
}
