package org.gongjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The assessment pages speak Chinese and English alike: both bundles hold the same keys, every enum has its words. */
class MessagesTests {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void the_chinese_and_english_bundles_hold_the_same_keys() throws IOException {
        assertThat(bundle("assessment_en").stringPropertyNames()).isEqualTo(bundle("assessment").stringPropertyNames());
    }

    @Test
    void every_component_kind_credit_outcome_grade_state_and_adjustment_has_its_words() throws IOException {
        Properties zh = bundle("assessment");
        String[] keys = java.util.stream.Stream.of(
                Arrays.stream(Component.values()).map(Component::messageKey),
                Arrays.stream(FactKind.values()).map(FactKind::messageKey),
                Arrays.stream(Credit.values()).map(Credit::messageKey),
                Arrays.stream(Outcome.values()).map(Outcome::messageKey),
                Arrays.stream(Grade.values()).map(Grade::messageKey),
                Arrays.stream(AppealState.values()).map(AppealState::messageKey),
                Arrays.stream(Adjustment.values()).map(Adjustment::messageKey),
                Arrays.stream(PeerGroup.values()).map(PeerGroup::messageKey),
                Arrays.stream(PeriodKind.values()).map(PeriodKind::messageKey),
                Arrays.stream(ProgressReport.ReportState.values()).map(ProgressReport.ReportState::messageKey))
                .flatMap(s -> s).toArray(String[]::new);
        assertThat(zh.stringPropertyNames()).contains(keys);
    }
}
