package org.gongjian.organisation;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Method security's {@code @PreAuthorize}, with its usual rule decided without SpEL (ADR 0037, amendment 1). Nearly
 * every rule is {@code hasAuthority('module:resource:action')}; for those the permission is read from the annotation
 * once per method and looked up among the caller's authorities, which is what SpEL's {@code hasAuthority} does after
 * building an evaluation context on every call. Any other rule ({@code permitAll()}, or a future one) goes to Spring
 * Security's own {@link PreAuthorizeAuthorizationManager}.
 */
final class PreAuthorizeRules implements AuthorizationManager<MethodInvocation> {

    private static final Pattern HAS_AUTHORITY = Pattern.compile("\\s*hasAuthority\\('([\\w:.-]+)'\\)\\s*");

    /** A method's rule: its {@code @PreAuthorize} text (null: none), and the permission when it is a plain one. */
    private record Rule(@Nullable String value, @Nullable String authority) {
    }

    private record Target(Class<?> type, Method method) {
    }

    private final PreAuthorizeAuthorizationManager expressions = new PreAuthorizeAuthorizationManager();
    private final Map<Target, Rule> rules = new ConcurrentHashMap<>();

    PreAuthorizeRules(ApplicationContext context) {
        expressions.setApplicationContext(context);
    }

    /** The {@code @PreAuthorize} text of a method of this type (or of the type), if it has one. */
    @Nullable String value(Class<?> type, Method method) {
        return rule(type, method).value();
    }

    @Override
    public @Nullable AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            MethodInvocation invocation) {
        Object target = invocation.getThis();
        Class<?> type = target == null ? invocation.getMethod().getDeclaringClass() : AopUtils.getTargetClass(target);
        String authority = rule(type, invocation.getMethod()).authority();
        if (authority == null) {
            return expressions.authorize(authentication, invocation);
        }
        return new AuthorizationDecision(holds(authentication.get(), authority));
    }

    /** Whether the caller holds the permission (SpEL's {@code hasAuthority}). */
    private static boolean holds(@Nullable Authentication auth, String authority) {
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority a : auth.getAuthorities()) {
            if (authority.equals(a.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    /** The rule on the method or its class, read from the annotations once per type and method. */
    private Rule rule(Class<?> type, Method method) {
        return rules.computeIfAbsent(new Target(type, method), t -> {
            Method specific = AopUtils.getMostSpecificMethod(t.method(), t.type());
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(specific, PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(t.type(), PreAuthorize.class);
            }
            if (rule == null) {
                return new Rule(null, null);
            }
            Matcher m = HAS_AUTHORITY.matcher(rule.value());
            return new Rule(rule.value(), m.matches() ? m.group(1) : null);
        });
    }
}
