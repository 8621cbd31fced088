package org.gongjian.cockpit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Role;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A leader's first screen is the summary: the start page ("/") sends a user whose only role is LEADER
 * to {@code /leader}. The start page itself stays one link away ({@code /?start}).
 */
@Configuration(proxyBeanMethods = false)
class LeaderFirstScreen implements WebMvcConfigurer {

    private final Accounts accounts;

    LeaderFirstScreen(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                if (!"GET".equals(request.getMethod()) || request.getParameter("start") != null) {
                    return true;
                }
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                    return true;
                }
                if (Set.of(Role.LEADER).equals(accounts.current().roles())) {
                    response.sendRedirect(request.getContextPath() + "/leader");
                    return false;
                }
                return true;
            }
        }).addPathPatterns("/");
    }
}
