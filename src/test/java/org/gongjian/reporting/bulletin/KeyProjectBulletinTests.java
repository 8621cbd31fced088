package org.gongjian.reporting.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.gongjian.reporting.KeyProjectFigures;
import org.gongjian.reporting.review.Words;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The bulletin's customary sentence from known figures: Jiangmen's October 2023 bulletin, in the city's words. */
class KeyProjectBulletinTests {

    static final BigDecimal YI = new BigDecimal("100000000");

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("i18n/reporting");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    static KeyProjectBulletin bulletin() {
        return new KeyProjectBulletin(new DefaultListableBeanFactory().getBeanProvider(KeyProjectFigures.class), messages(),
                Clock.systemDefaultZone());
    }

    static BigDecimal yi(String v) {
        return new BigDecimal(v).multiply(YI);
    }

    @Test
    void the_sentence_reads_as_the_citys_bulletin_does() {
        // 444 projects, 5141亿元, plan 647.4亿元; Jan–Oct 629亿元 = 97.2 % against 83.3 % time progress; 255 new starts, 206 started
        KeyProjectFigures.Summary s = new KeyProjectFigures.Summary(YearMonth.of(2023, 10), 444, yi("5141"), yi("647.4"),
                yi("629"), 255, 206, List.of());
        String sentence = bulletin().sentence(s, new Words(messages(), Locale.SIMPLIFIED_CHINESE, 2023));
        assertThat(sentence).isEqualTo("444个项目，总投资5141亿元，年度计划647.4亿元；1–10月完成629亿元，占年度计划97.2%，"
                + "快于时间进度13.8个百分点；计划新开工255个，已开工206个（80.8%）。");
    }

    @Test
    void a_list_behind_time_progress_says_so_and_january_is_named_alone() {
        KeyProjectFigures.Summary s = new KeyProjectFigures.Summary(YearMonth.of(2024, 1), 8, yi("78.3"), yi("24"), yi("1"),
                1, 0, List.of());
        String sentence = bulletin().sentence(s, new Words(messages(), Locale.SIMPLIFIED_CHINESE, 2024));
        assertThat(sentence).contains("1月完成1亿元，占年度计划4.2%，慢于时间进度4.2个百分点")
                .contains("计划新开工1个，已开工0个（0.0%）");
    }

    @Test
    void the_english_bundle_writes_the_same_figures() {
        KeyProjectFigures.Summary s = new KeyProjectFigures.Summary(YearMonth.of(2023, 10), 444, yi("5141"), yi("647.4"),
                yi("629"), 255, 206, List.of());
        String sentence = bulletin().sentence(s, new Words(messages(), Locale.ENGLISH, 2023));
        assertThat(sentence).contains("444 projects").contains("97.2%").contains("13.8 points ahead").contains("80.8%");
    }
}
