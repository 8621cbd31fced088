package org.gongjian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 11 §4: every time shown to a person is in Asia/Shanghai, formatted in one place. */
class TimesInShanghaiTests {

    @Test
    void a_moment_is_shown_in_beijing_time_whatever_the_servers_zone() {
        PageFormat fmt = new PageFormat(Clock.system(ZoneId.of("Asia/Shanghai")));
        assertThat(fmt.time(Instant.parse("2024-06-03T02:30:00Z"))).isEqualTo("2024-06-03 10:30");
        assertThat(fmt.time(Instant.parse("2024-12-31T16:05:00Z"))).isEqualTo("2025-01-01 00:05");
    }

    @Test
    void no_template_formats_a_moment_itself_they_all_use_the_one_helper() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".html")).filter(p -> {
                try {
                    String html = Files.readString(p, StandardCharsets.UTF_8);
                    return html.contains("#temporals.format") || html.contains("#dates.format");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
