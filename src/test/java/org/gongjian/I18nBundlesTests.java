package org.gongjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.gongjian.supervision.NoticeAction;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeState;
import org.gongjian.supervision.NoticeTrigger;
import org.gongjian.supervision.Status;
import org.gongjian.supervision.StatusReason;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class I18nBundlesTests {

    static Properties load(Resource resource) throws IOException {
        Properties p = new Properties();
        try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    @Test
    void every_chinese_bundle_has_an_english_twin_with_the_same_keys() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        for (Resource zh : resolver.getResources("classpath*:i18n/*.properties")) {
            String name = zh.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            Resource en = resolver.getResource("classpath:i18n/" + name.replace(".properties", "_en.properties"));
            assertThat(en.exists()).as(name + " has an English twin").isTrue();
            Set<Object> zhKeys = load(zh).keySet();
            Set<Object> enKeys = load(en).keySet();
            assertThat(enKeys).as("keys of " + name).containsExactlyInAnyOrderElementsOf(zhKeys);
        }
    }

    @Test
    void every_status_level_state_trigger_action_and_reason_has_its_words() throws IOException {
        Properties zh = load(new PathMatchingResourcePatternResolver().getResource("classpath:i18n/supervision.properties"));
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (Status s : Status.values()) {
            keys.add(s.messageKey());
        }
        for (StatusReason r : StatusReason.values()) {
            keys.add(r.messageKey());
        }
        for (NoticeLevel l : NoticeLevel.values()) {
            keys.add(l.messageKey());
        }
        for (NoticeState s : NoticeState.values()) {
            keys.add(s.messageKey());
        }
        for (NoticeTrigger t : NoticeTrigger.values()) {
            keys.add(t.messageKey());
            if (t != NoticeTrigger.MANUAL) {
                keys.add("notice.title." + t.name());
            }
        }
        for (NoticeAction a : NoticeAction.values()) {
            keys.add(a.messageKey());
        }
        assertThat(zh.stringPropertyNames()).containsAll(keys);
    }
}
