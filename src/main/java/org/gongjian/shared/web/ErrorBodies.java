package org.gongjian.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error body outside the controllers' own handlers is an RFC 9457 problem detail in the reader's
 * language, without a stack trace: Boot's {@code /error} (a filter's failure, a 404 before any handler, an
 * exception escaping a handler) answers {@code application/problem+json} to everything but a browser's page
 * request, which keeps the layout's error page; and Tomcat's own answers to requests it refuses before the
 * application sees them (a malformed request line, an oversized header) come from a valve that writes the
 * same problem detail instead of Tomcat's HTML report.
 */
@Configuration
class ErrorBodies {

    @Bean
    BasicErrorController basicErrorController(ErrorAttributes attributes, WebProperties web,
            ObjectProvider<ErrorViewResolver> resolvers, MessageSource messages, LocaleResolver locales) {
        return new ProblemErrorController(attributes, web, resolvers.orderedStream().toList(), messages, locales);
    }

    /** Replaces Tomcat's HTML error report (Boot adds a plain one) with {@link ProblemReportValve}; runs after Boot's own customizer. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(MessageSource messages, JsonMapper json) {
        class Customizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;   // after Boot's, which adds a plain ErrorReportValve
            }

            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    Container host = context.getParent();
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    ProblemReportValve valve = new ProblemReportValve(messages, json);
                    host.getPipeline().addValve(valve);
                    if (host instanceof StandardHost standard) {
                        standard.setErrorReportValveClass(ProblemReportValve.class.getName());
                    }
                });
            }
        }
        return new Customizer();
    }

    /** Title and detail of a status, in a language. */
    static Map<String, Object> problem(MessageSource messages, Locale locale, int status, String instance) {
        String code = switch (status) {
            case 400, 403, 404, 409, 413 -> String.valueOf(status);
            default -> "other";
        };
        HttpStatus known = HttpStatus.resolve(status);
        String title = status >= 500 ? messages.getMessage("problem.internal", null, locale)
                : messages.getMessage("error.page." + code, null, known == null ? "Error" : known.getReasonPhrase(), locale);
        String detail = status == 415 ? messages.getMessage("error.unsupported-media-type", null, locale)
                : status == 405 ? messages.getMessage("error.method-not-allowed", null, locale)
                : status >= 500 ? messages.getMessage("error.internal", null, locale)
                : messages.getMessage("error.page." + code + ".text", null, locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        return body;
    }

    /** Boot's error controller, answering problem details instead of its own JSON. */
    @org.springframework.security.access.prepost.PreAuthorize("permitAll()")
    static class ProblemErrorController extends BasicErrorController {
        private final MessageSource messages;
        private final LocaleResolver locales;

        ProblemErrorController(ErrorAttributes attributes, WebProperties web, List<ErrorViewResolver> resolvers,
                MessageSource messages, LocaleResolver locales) {
            super(attributes, web.getError(), resolvers);
            this.messages = messages;
            this.locales = locales;
        }

        @Override
        public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
            HttpStatus status = getStatus(request);
            Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
            Locale locale;
            try {
                locale = locales.resolveLocale(request);
            } catch (RuntimeException e) {
                locale = Locale.SIMPLIFIED_CHINESE;
            }
            Map<String, Object> body = problem(messages, locale, status.value(), uri == null ? "" : uri.toString());
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
        }

        @Override
        public ResponseEntity<String> mediaTypeNotAcceptable(HttpServletRequest request) {
            return ResponseEntity.status(getStatus(request)).build();
        }
    }

    /**
     * Tomcat's error report for requests refused before the application (a bad request line, headers too large,
     * an invalid URI): a problem detail, in English when the client asks for it, else Chinese.
     */
    static final class ProblemReportValve extends ErrorReportValve {
        private final MessageSource messages;
        private final JsonMapper json;

        ProblemReportValve(MessageSource messages, JsonMapper json) {
            this.messages = messages;
            this.json = json;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String language = request.getHeader("Accept-Language");
            Locale locale = language != null && language.toLowerCase(Locale.ROOT).startsWith("en")
                    ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            String uri = request.getDecodedRequestURI();
            String text = json.writeValueAsString(problem(messages, locale, status, uri == null ? "" : uri));
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(text);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response was committed: nothing more to say
            }
        }
    }
}
