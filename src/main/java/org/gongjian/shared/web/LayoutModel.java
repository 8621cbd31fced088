package org.gongjian.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What every page's layout needs from the request: its path, to mark the current navigation entry. Added to a page
 * about to be rendered — not to an API answer, which has no view, nor to a redirect, whose model would become the
 * query of its address (ADR 0037, amendment 2: a {@code @ModelAttribute} advice ran for every API call too).
 */
class LayoutModel implements HandlerInterceptor {

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable ModelAndView page) {
        if (page == null || page.wasCleared() || page.getView() instanceof RedirectView
                || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        page.addObject("requestPath", request.getRequestURI().substring(request.getContextPath().length()));
    }
}
