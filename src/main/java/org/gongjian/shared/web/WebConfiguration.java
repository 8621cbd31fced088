package org.gongjian.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.web.config.EnableSpringDataWebSupport;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language: Chinese by default, English by choice. A {@code ?lang=en} switch is remembered in a
 * cookie; without one the browser's Accept-Language decides (API clients use it), else zh-CN.
 */
@Configuration
@EnableSpringDataWebSupport(pageSerializationMode = EnableSpringDataWebSupport.PageSerializationMode.VIA_DTO)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

    /** The city's clock: all dates are in Asia/Shanghai. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }

    /**
     * Every number of a request body is bounded before it reaches a computation (see {@link BoundedNumbers}); the
     * application's own mapper, which reads stored results (a GEP account's ion counts), is left unbounded.
     */
    @Bean
    org.springframework.http.converter.json.JacksonJsonHttpMessageConverter jacksonJsonHttpMessageConverter(
            tools.jackson.databind.json.JsonMapper json) {
        return new org.springframework.http.converter.json.JacksonJsonHttpMessageConverter(
                json.rebuild().addModule(BoundedNumbers.module()).build()) {
            // a String or bytes a handler returns (the OpenAPI document, a stored result) are already JSON: the string
            // converter writes it as it is, instead of this one quoting it as a JSON string
            @Override
            public boolean canWrite(org.springframework.core.ResolvableType type, Class<?> valueClass,
                    org.springframework.http.@org.jspecify.annotations.Nullable MediaType mediaType) {
                return !String.class.equals(valueClass) && !byte[].class.equals(valueClass)
                        && super.canWrite(type, valueClass, mediaType);
            }

            @Override
            public boolean canWrite(Class<?> clazz, org.springframework.http.@org.jspecify.annotations.Nullable MediaType mediaType) {
                return !String.class.equals(clazz) && !byte[].class.equals(clazz) && super.canWrite(clazz, mediaType);
            }
        };
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("gongjian-lang") {
            /** A quoted value ({@code "en"}, as some clients send) is read without its quotes. */
            @Override
            protected @org.jspecify.annotations.Nullable Locale parseLocaleValue(String value) {
                String bare = value.strip();
                if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
                    bare = bare.substring(1, bare.length() - 1);
                }
                return super.parseLocaleValue(bare);
            }
        };
        // a cookie that cannot be read is ignored (the browser's language decides), never a 500
        resolver.setRejectInvalidCookies(false);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            if (request.getHeader("Accept-Language") == null) {
                return CHINESE;
            }
            Locale requested = request.getLocale();
            return "en".equals(requested.getLanguage()) ? Locale.ENGLISH : CHINESE;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(new LayoutModel());
    }
}
