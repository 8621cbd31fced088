package org.gongjian.organisation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account logged in with a password the office set (new, or reset) must choose its own first: every page
 * leads to the password form until it has; the API refuses with 403 and says why, so that a script made with
 * the office's password fails loudly instead of working on with a password others know.
 */
class FirstPasswordFilter extends OncePerRequestFilter {

    private static final List<String> OPEN = List.of("/account/password", "/logout", "/login", "/css/", "/js/",
            "/webjars/", "/img/", "/error", "/favicon.ico");

    private final boolean api;
    private final SecurityResponses responses;

    FirstPasswordFilter(boolean api, SecurityResponses responses) {
        this.api = api;
        this.responses = responses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal && principal.mustChangePassword()) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (api) {
                responses.passwordChangeRequired(request, response);
                return;
            }
            if (OPEN.stream().noneMatch(path::startsWith)) {
                String target = request.getContextPath() + "/account/password?first";
                if (SecurityResponses.isHtmx(request)) {
                    response.setHeader("HX-Redirect", target);
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                } else {
                    response.sendRedirect(target);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
