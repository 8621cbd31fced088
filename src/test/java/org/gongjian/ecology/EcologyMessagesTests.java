package org.gongjian.ecology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every problem and notice the engine can raise has a Chinese and an English message, and the bundles match. */
class EcologyMessagesTests {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = EcologyMessagesTests.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chinese_and_english_hold_the_same_keys() throws IOException {
        assertThat(bundle("ecology_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("ecology.properties").stringPropertyNames());
    }

    @Test
    void every_code_the_engine_raises_has_a_message() throws IOException {
        Set<String> keys = bundle("ecology.properties").stringPropertyNames();
        Set<String> needed = new HashSet<>();
        Pattern problem = Pattern.compile("problems\\.add\\([^;]*?,\\s*\"([a-z][a-z0-9-]+)\"");
        Pattern notice = Pattern.compile("notice\\(\"(WARNING|INFO)\", \"([a-z-]+)\"|count\\(\"([a-z-]+)\"\\)|band\\(\"([a-z-]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/gongjian/ecology/engine"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher m = problem.matcher(text);
                while (m.find()) {
                    needed.add("ecology.error." + m.group(1));
                }
                Matcher n = notice.matcher(text);
                while (n.find()) {
                    String code = n.group(2) != null ? n.group(2) : n.group(3) != null ? n.group(3) : n.group(4);
                    needed.add("ecology.notice." + code);
                }
            }
        }
        assertThat(needed).hasSizeGreaterThan(30);
        assertThat(keys).containsAll(needed);
    }
}
