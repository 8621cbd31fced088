package org.gongjian.organisation;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
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

    private record Target(Class<?> type, Method method) {
    }

    private final PreAuthorizeAuthorizationManager expressions = new PreAuthorizeAuthorizationManager();
    private final Map<Target, Optional<String>> plain = new ConcurrentHashMap<>();

    PreAuthorizeRules(ApplicationContext context) {
        expressions.setApplicationContext(context);
    }

    @Override
    public @Nullable AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            MethodInvocation invocation) {
        Object target = invocation.getThis();
        Class<?> type = target == null ? invocation.getMethod().getDeclaringClass() : AopUtils.getTargetClass(target);
        String authority = plain.computeIfAbsent(new Target(type, invocation.getMethod()), PreAuthorizeRules::plainRule)
                .orElse(null);
        if (authority == null) {
            return expressions.authorize(authentication, invocation);
        }
        return new AuthorizationDecision(holds(authentication.get(), authority));
    }

    /** Whether the caller holds the permission (SpEL's {@code hasAuthority}). */
    static boolean holds(@Nullable Authentication auth, String authority) {
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

    /** The permission of a plain {@code hasAuthority('…')} rule on the method (or its class), if that is its rule. */
    private static Optional<String> plainRule(Target t) {
        Method method = AopUtils.getMostSpecificMethod(t.method(), t.type());
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(t.type(), PreAuthorize.class);
        }
        if (rule == null) {
            return Optional.empty();
        }
        Matcher m = PermissionCheck.HAS_AUTHORITY.matcher(rule.value());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
