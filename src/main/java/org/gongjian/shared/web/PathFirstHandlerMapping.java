package org.gongjian.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, narrowed by the path before anything else (ADR 0142, amended by ADR 0037's second
 * amendment). For a path with a variable (such as {@code /api/v1/volunteers/activities/{id}/check-ins}) Spring MVC
 * tries every mapping of the application — some six hundred — and each try checks the HTTP method, the CORS
 * pre-flight headers, the content type and the accepted types before the path.
 * <ul>
 * <li>The mappings are indexed by the literal segments their patterns begin with (at most {@value #DEPTH}), so a
 * request tries only those whose beginning it shares: a few dozen.</li>
 * <li>Among those, a pattern whose number of segments or whose literal segments differ from the request's is passed
 * over with a few string comparisons; what is left is checked by its path patterns, and one whose path matches goes
 * through Spring's full check. The best match is chosen with Spring's own comparator.</li>
 * <li>Whatever is not the plain case goes to Spring's lookup unchanged: no candidate matched (so the 404, 405 and
 * 415 answers are Spring's), two matches rank equal (Spring names the ambiguity), a CORS pre-flight, or a mapping
 * registered after start-up.</li>
 * </ul>
 */
@Component
class PathFirstHandlerMapping implements WebMvcRegistrations {

    /** How many leading literal segments of a pattern index it. */
    static final int DEPTH = 4;

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PathFirst();
    }

    static final class PathFirst extends RequestMappingHandlerMapping {

        /**
         * A mapping under one of its patterns: the pattern's segments, each the literal it must equal or null for a
         * variable or wildcard, and where a wildcard of many segments ({@code **}, {@code {*rest}}) begins (-1: none).
         */
        private record Candidate(RequestMappingInfo info, HandlerMethod handler, @Nullable String[] segments,
                int openAt) {

            /** Whether the request's segments can match the pattern: a quick check before Spring's. */
            boolean mayMatch(List<String> request) {
                int fixed = openAt < 0 ? segments.length : openAt;
                if (openAt < 0 ? request.size() != fixed : request.size() < fixed) {
                    return false;
                }
                for (int i = 0; i < fixed; i++) {
                    String literal = segments[i];
                    if (literal != null && !literal.equals(request.get(i))) {
                        return false;
                    }
                }
                return true;
            }
        }

        private record Matched(RequestMappingInfo info, HandlerMethod handler) {
        }

        /** Candidates by the literal segments their patterns begin with, joined by '/'; "" for those with none. */
        private volatile @Nullable Map<String, List<Candidate>> index;

        @Override
        protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
            super.handlerMethodsInitialized(handlerMethods);
            Map<String, List<Candidate>> byPrefix = new HashMap<>();
            handlerMethods.forEach((info, handler) -> {
                PathPatternsRequestCondition paths = info.getPathPatternsCondition();
                if (paths == null || paths.getPatterns().isEmpty()) {
                    byPrefix.computeIfAbsent("", k -> new ArrayList<>()).add(new Candidate(info, handler, new String[0], 0));
                    return;
                }
                for (PathPattern pattern : paths.getPatterns()) {
                    List<String> parts = new ArrayList<>();
                    for (String part : pattern.getPatternString().split("/")) {
                        if (!part.isEmpty()) {
                            parts.add(part);
                        }
                    }
                    @Nullable String[] segments = new String[parts.size()];
                    int openAt = -1;
                    StringBuilder key = new StringBuilder();
                    boolean literalSoFar = true;
                    for (int i = 0; i < parts.size(); i++) {
                        String part = parts.get(i);
                        boolean literal = part.indexOf('{') < 0 && part.indexOf('*') < 0 && part.indexOf('?') < 0;
                        segments[i] = literal ? part : null;
                        if (openAt < 0 && (part.equals("**") || part.startsWith("{*"))) {
                            openAt = i;
                        }
                        literalSoFar &= literal;
                        if (literalSoFar && i < DEPTH) {
                            key.append('/').append(part);
                        }
                    }
                    byPrefix.computeIfAbsent(key.toString(), k -> new ArrayList<>())
                            .add(new Candidate(info, handler, segments, openAt));
                }
            });
            byPrefix.replaceAll((k, v) -> List.copyOf(v));
            this.index = Map.copyOf(byPrefix);
        }

        /** A mapping registered after start-up: the index no longer knows every mapping, Spring's lookup takes over. */
        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
            index = null;
            super.registerMapping(mapping, handler, method);
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            index = null;
            super.unregisterMapping(mapping);
        }

        @Override
        protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                throws Exception {
            Map<String, List<Candidate>> byPrefix = index;
            if (byPrefix == null || CorsUtils.isPreFlightRequest(request)) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            List<String> segments = new ArrayList<>(8);
            for (PathContainer.Element element : ServletRequestPathUtils.getParsedRequestPath(request)
                    .pathWithinApplication().elements()) {
                if (element instanceof PathContainer.PathSegment segment) {
                    segments.add(segment.valueToMatch());
                }
            }
            List<Matched> matches = new ArrayList<>(2);
            addMatches(byPrefix.get(""), segments, request, matches);
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < Math.min(DEPTH, segments.size()); i++) {
                key.append('/').append(segments.get(i));
                addMatches(byPrefix.get(key.toString()), segments, request, matches);
            }
            if (matches.isEmpty()) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            Matched best = matches.get(0);
            if (matches.size() > 1) {
                Comparator<RequestMappingInfo> order = getMappingComparator(request);
                matches.sort((a, b) -> order.compare(a.info(), b.info()));
                best = matches.get(0);
                if (order.compare(best.info(), matches.get(1).info()) == 0) {
                    return super.lookupHandlerMethod(lookupPath, request);
                }
            }
            request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
            handleMatch(best.info(), lookupPath, request);
            return best.handler();
        }

        /** Spring's own lookup over every mapping (what the index must agree with; for the tests). */
        @Nullable HandlerMethod springLookup(String lookupPath, HttpServletRequest request) throws Exception {
            return super.lookupHandlerMethod(lookupPath, request);
        }

        private void addMatches(@Nullable List<Candidate> candidates, List<String> segments, HttpServletRequest request,
                List<Matched> matches) {
            if (candidates == null) {
                return;
            }
            for (Candidate candidate : candidates) {
                if (!candidate.mayMatch(segments) || matched(matches, candidate.handler())) {
                    continue;
                }
                RequestMappingInfo match = getMatchingMapping(candidate.info(), request);
                if (match != null) {
                    matches.add(new Matched(match, candidate.handler()));
                }
            }
        }

        /** Whether a mapping with two patterns that both fit was matched already. */
        private static boolean matched(List<Matched> matches, HandlerMethod handler) {
            for (Matched m : matches) {
                if (m.handler() == handler) {
                    return true;
                }
            }
            return false;
        }

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
