package org.gongjian.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Whether a request wants a fragment (an htmx swap) or the whole page. A history restore is answered
 * with the whole page; {@code Vary} keeps caches from mixing the two.
 */
public final class Htmx {

    private Htmx() {
    }

    public static boolean wantsFragment(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Vary", "HX-Request");
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }
}
