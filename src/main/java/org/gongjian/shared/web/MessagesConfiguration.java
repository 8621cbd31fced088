package org.gongjian.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module keeps its messages in {@code i18n/<module>.properties} (Chinese, the default) and
 * {@code i18n/<module>_en.properties}; all such bundles are found on the classpath, so a new module
 * adds its files and nothing else.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    static final String LOCATION = "classpath*:i18n/*.properties";

    @Bean
    MessageSource messageSource() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames(basenames());
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setCacheSeconds(-1);
        return messages;
    }

    /** The bundles' base names, e.g. {@code classpath:i18n/programme}, for every file without a locale suffix. */
    static String[] basenames() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            return Arrays.stream(files)
                    .map(Resource::getFilename)
                    .filter(Objects::nonNull)
                    .filter(name -> !name.contains("_"))
                    .map(name -> "classpath:i18n/" + name.substring(0, name.length() - ".properties".length()))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
