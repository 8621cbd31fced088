package org.gongjian.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler lookup with the path tried first. For a path with a variable (such as
 * {@code /api/v1/volunteers/activities/{id}/check-ins}) Spring MVC tries every mapping of the application, and each
 * try checks the HTTP method, the CORS pre-flight headers, the content type and the accepted types before the
 * path — header reads through Spring Security's request wrappers, for hundreds of mappings per request (about a
 * fifth of a check-in's CPU, ADR 0142). Here a mapping whose path patterns do not match is refused at once; a
 * mapping whose path matches goes through Spring's full check unchanged, so the chosen handler, the 405/415
 * answers and everything else are the same.
 */
@Component
class PathFirstHandlerMapping implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PathFirst();
    }

    static final class PathFirst extends RequestMappingHandlerMapping {

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) == null) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }
    }
}
