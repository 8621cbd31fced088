package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gongjian.audit.AuditAction;
import org.gongjian.organisation.Role;
import org.gongjian.organisation.UnitKind;
import org.gongjian.programme.Direction;
import org.gongjian.programme.HonourKind;
import org.gongjian.programme.HonourLevel;
import org.gongjian.programme.HonourStatus;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.MeasurementSource;
import org.gongjian.shared.Qualifier;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every message bundle under {@code i18n/} — those of today and of modules added later — holds the
 * same keys in Chinese and in English, each a valid message; and every key a template names exists.
 */
class I18nBundleTests {

    private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

    private static Map<String, Properties> bundles() throws IOException {
        Map<String, Properties> bundles = new TreeMap<>();
        for (Resource r : RESOURCES.getResources("classpath*:i18n/*.properties")) {
            Properties p = new Properties();
            try (var in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            bundles.put(r.getFilename(), p);
        }
        return bundles;
    }

    private static Set<String> chineseKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        bundles().forEach((name, p) -> {
            if (!name.contains("_")) {
                keys.addAll(p.stringPropertyNames());
            }
        });
        return keys;
    }

    @Test
    void every_bundle_has_an_english_twin_with_exactly_the_same_keys() throws IOException {
        Map<String, Properties> bundles = bundles();
        assertThat(bundles).containsKeys("messages.properties", "programme.properties", "organisation.properties",
                "audit.properties");
        for (String name : bundles.keySet()) {
            String base = name.replaceFirst("(_[a-zA-Z]+)?\\.properties$", "");
            String chinese = base + ".properties";
            String english = base + "_en.properties";
            assertThat(bundles).as(name + " needs both " + chinese + " and " + english).containsKeys(chinese, english);
            Set<String> zh = new TreeSet<>(bundles.get(chinese).stringPropertyNames());
            Set<String> en = new TreeSet<>(bundles.get(english).stringPropertyNames());
            Set<String> onlyZh = new TreeSet<>(zh);
            onlyZh.removeAll(en);
            Set<String> onlyEn = new TreeSet<>(en);
            onlyEn.removeAll(zh);
            assertThat(onlyZh).as("keys of " + chinese + " missing from " + english).isEmpty();
            assertThat(onlyEn).as("keys of " + english + " missing from " + chinese).isEmpty();
        }
    }

    @Test
    void no_two_bundles_define_the_same_key_so_that_no_module_silently_overrides_another() throws IOException {
        Map<String, String> owner = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        bundles().forEach((name, p) -> {
            if (!name.contains("_")) {
                p.stringPropertyNames().forEach(key -> {
                    String before = owner.putIfAbsent(key, name);
                    if (before != null) {
                        clashes.add(key + " in " + before + " and " + name);
                    }
                });
            }
        });
        for (Resource r : RESOURCES.getResources("classpath*:i18n/*.properties")) {
            Set<String> keys = new HashSet<>();
            for (String line : r.getContentAsString(StandardCharsets.UTF_8).split("\\R")) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#") && !keys.add(line.substring(0, eq).strip())) {
                    clashes.add(line.substring(0, eq) + " twice in " + r.getFilename());
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void every_message_is_filled_in_and_readable_as_a_message_format() throws IOException {
        List<String> bad = new ArrayList<>();
        bundles().forEach((name, p) -> p.stringPropertyNames().forEach(key -> {
            String value = p.getProperty(key);
            if (value.isBlank()) {
                bad.add(name + ": " + key + " is empty");
            }
            if (value.contains("{0")) {
                try {
                    new MessageFormat(value).format(new Object[] {"a", "b", "c"});
                } catch (IllegalArgumentException e) {
                    bad.add(name + ": " + key + " is not a valid message format: " + e.getMessage());
                }
                if (value.matches(".*[^']'[^'].*")) {
                    bad.add(name + ": " + key + " has a single quote, which a message with arguments drops (write '')");
                }
            }
        }));
        assertThat(bad).isEmpty();
    }

    @Test
    void every_key_the_templates_name_exists_in_chinese_and_so_does_every_word_for_an_enum_value() throws IOException {
        Set<String> keys = chineseKeys();
        Pattern literal = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9._-]*)");
        Set<String> missing = new TreeSet<>();
        for (Resource template : RESOURCES.getResources("classpath*:templates/**/*.html")) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            Matcher m = literal.matcher(html);
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(template.getFilename() + ": " + m.group(1));
                }
            }
        }
        Map<String, Enum<?>[]> words = Map.of("status.", InitiativeStatus.values(), "role.", Role.values(),
                "unit.kind.", UnitKind.values(), "honour.kind.", HonourKind.values(), "honours.level.", HonourLevel.values(),
                "honours.stage.", HonourStatus.values(), "qualifier.", Qualifier.values(),
                "target.direction.", Direction.values(), "audit.action.", AuditAction.values(),
                "measurement.source.", MeasurementSource.values());
        words.forEach((prefix, values) -> Stream.of(values).map(v -> prefix + v.name())
                .filter(k -> !keys.contains(k)).forEach(missing::add));
        Stream.of(Role.values()).map(r -> "role." + r.name() + ".hint").filter(k -> !keys.contains(k)).forEach(missing::add);
        Stream.of("400", "403", "404", "409", "413").flatMap(s -> Stream.of("error.page." + s, "error.page." + s + ".text"))
                .filter(k -> !keys.contains(k)).forEach(missing::add);
        assertThat(missing).isEmpty();
    }
}
