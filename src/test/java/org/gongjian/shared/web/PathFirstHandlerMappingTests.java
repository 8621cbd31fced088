package org.gongjian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.handler;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The handler lookup that tries the path first: a mapping whose path does not match is refused without reading the
 * request's method or headers, and requests still reach the same handlers with the same 404/405/415 answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PathFirstHandlerMappingTests {

    private static final String CHECK_INS = "/api/v1/volunteers/activities/987654321/check-ins";

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    @Test
    void aMappingForAnotherPathIsRefusedWithoutReadingMethodOrHeaders() {
        RequestMappingInfo info = RequestMappingInfo.paths("/api/v1/other/{id}").methods(RequestMethod.POST)
                .consumes(MediaType.APPLICATION_JSON_VALUE).build();
        AtomicInteger reads = new AtomicInteger();
        MockHttpServletRequest raw = new MockHttpServletRequest("POST", CHECK_INS);
        raw.setContentType(MediaType.APPLICATION_JSON_VALUE);
        raw.addHeader("Origin", "http://elsewhere");
        ServletRequestPathUtils.parseAndCache(raw);
        HttpServletRequestWrapper counted = new HttpServletRequestWrapper(raw) {
            @Override
            public String getMethod() {
                reads.incrementAndGet();
                return super.getMethod();
            }

            @Override
            public String getHeader(String name) {
                reads.incrementAndGet();
                return super.getHeader(name);
            }

            @Override
            public String getContentType() {
                reads.incrementAndGet();
                return super.getContentType();
            }
        };

        assertThat(new PathFirstHandlerMapping.PathFirst().getMatchingMapping(info, counted)).isNull();
        assertThat(reads).hasValue(0);
        // Spring's own check reads the method and the pre-flight headers before it looks at the path
        assertThat(new RequestMappingHandlerMapping() {
            RequestMappingInfo match() {
                return getMatchingMapping(info, counted);
            }
        }.match()).isNull();
        assertThat(reads.get()).isPositive();
    }

    @Test
    void anEncodedPathReachesItsHandler() throws Exception {
        // %69 is 'i': the patterns match the decoded path
        mvc.perform(post(URI.create("/api/v1/volunteers/activit%69es/987654321/check-ins"))
                        .with(httpBasic("admin", "test-admin-secret")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"volunteerId\": 1, \"token\": \"x\"}"))
                .andExpect(handler().methodName("checkIn"));
    }

    @Test
    void theApplicationUsesThePathFirstLookup() {
        assertThat(mapping).isInstanceOf(PathFirstHandlerMapping.PathFirst.class);
    }

    @Test
    void requestsReachTheSameHandlersWithTheSameAnswers() throws Exception {
        // the check-in handler is found for a path with a variable; the activity does not exist
        mvc.perform(post(CHECK_INS).with(httpBasic("admin", "test-admin-secret")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"volunteerId\": 1, \"token\": \"x\"}"))
                .andExpect(handler().methodName("checkIn"))
                .andExpect(status().isNotFound());
        // the path exists for POST only: 405 naming POST
        mvc.perform(get(CHECK_INS).with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"));
        // a body that is not JSON: 415
        mvc.perform(post(CHECK_INS).with(httpBasic("admin", "test-admin-secret")).contentType(MediaType.TEXT_PLAIN)
                        .content("volunteer 1"))
                .andExpect(status().isUnsupportedMediaType());
        // no such path
        mvc.perform(get("/api/v1/volunteers/no-such-thing/1/x").with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isNotFound());
    }

    @Test
    void everyMappingIsFoundAsSpringsOwnLookupFindsIt() throws Exception {
        PathFirstHandlerMapping.PathFirst pathFirst = (PathFirstHandlerMapping.PathFirst) mapping;
        int compared = 0;
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            for (var pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString().replaceAll("\\{\\*[^}]*}", "a/b").replaceAll("\\{[^}]*}", "1")
                        .replace("**", "a/b").replace("*", "a");
                String method = info.getMethodsCondition().getMethods().isEmpty() ? "GET"
                        : info.getMethodsCondition().getMethods().iterator().next().name();
                String contentType = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                        .map(MediaType::toString).orElse(MediaType.APPLICATION_JSON_VALUE);
                assertThat(lookup(pathFirst, method, path, contentType, false))
                        .as("%s %s", method, path).isEqualTo(lookup(pathFirst, method, path, contentType, true));
                compared++;
            }
        }
        assertThat(compared).as("mappings compared").isGreaterThan(300);
    }

    @Test
    void aRequestTriesOnlyTheMappingsItsPathBeginsWith() throws Exception {
        AtomicInteger tried = new AtomicInteger();
        MockHttpServletRequest raw = new MockHttpServletRequest("POST", CHECK_INS);
        raw.setContentType(MediaType.APPLICATION_JSON_VALUE);
        ServletRequestPathUtils.parseAndCache(raw);
        HttpServletRequestWrapper counted = new HttpServletRequestWrapper(raw) {
            @Override
            public Object getAttribute(String name) {
                if (name.equals(ServletRequestPathUtils.PATH_ATTRIBUTE)) {
                    tried.incrementAndGet();
                }
                return super.getAttribute(name);
            }
        };
        ServletRequestPathUtils.parseAndCache(counted);
        tried.set(0);
        var handler = mapping.getHandler(counted);

        assertThat(handler).isNotNull();
        assertThat(((org.springframework.web.method.HandlerMethod) handler.getHandler()).getMethod().getName())
                .isEqualTo("checkIn");
        // each mapping tried reads the parsed path; the application has hundreds, this request tries a handful
        assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(300);
        assertThat(tried.get()).isPositive().isLessThan(20);
    }

    /** The handler chosen (method name) or the refusal's exception class, by the index or by Spring's own walk. */
    private static String lookup(PathFirstHandlerMapping.PathFirst pathFirst, String method, String path,
            String contentType, boolean spring) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContentType(contentType);
        request.addHeader("Accept", "*/*");
        ServletRequestPathUtils.parseAndCache(request);
        try {
            var found = spring ? pathFirst.springLookup(path, request) : lookupThroughIndex(pathFirst, path, request);
            return found == null ? "none" : found.getMethod().toString();
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    private static org.springframework.web.method.HandlerMethod lookupThroughIndex(
            PathFirstHandlerMapping.PathFirst pathFirst, String path, MockHttpServletRequest request) throws Exception {
        var chain = pathFirst.getHandler(request);
        return chain == null ? null : (org.springframework.web.method.HandlerMethod) chain.getHandler();
    }
}
