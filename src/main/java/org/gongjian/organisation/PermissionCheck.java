package org.gongjian.organisation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.audit.AuditLog;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
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
 * scope is checked in the services. The rule is read and decided as method security decides it
 * ({@link PreAuthorizeRules}).
 */
@Component
class PermissionCheck implements HandlerInterceptor {

    private final PreAuthorizeRules rules;
    private final AuditLog audit;

    PermissionCheck(AuditLog audit, ApplicationContext context) {
        this.audit = audit;
        this.rules = new PreAuthorizeRules(context);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        String rule = rules.value(method.getBeanType(), method.getMethod());
        if (rule == null) {
            return true;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        AuthorizationResult result = rules.authorize(() -> auth,
                new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        if (result == null || result.isGranted()) {
            return true;
        }
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            String uri = request.getRequestURI();
            audit.denied("request", request.getMethod() + " " + (uri.length() > 110 ? uri.substring(0, 110) : uri),
                    "lacks " + rule);
        }
        throw new AccessDeniedException("error.access-denied");
    }
}
