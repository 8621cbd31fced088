package org.gongjian.assessment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDateTime;
import org.gongjian.support.MutableClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one test context of the assessment tests: the Kaiping demo with its generated progress and the pairing
 * ledger's demo (which feeds the towns' 2024 credit figures, month by month), a server on
 * a random port (for the browser), and a clock the tests set. "Today" starts on Friday 14 March 2025, when
 * all of 2024 is over and its rankings can be appealed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gongjian.demo.progress.enabled=true", "gongjian.demo.finance.enabled=true"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(AssessmentTest.Clocks.class)
@interface AssessmentTest {

    LocalDateTime TODAY = LocalDateTime.of(2025, 3, 14, 10, 0);

    /** The settable clock every service sees (a {@link java.time.Clock}). */
    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(TODAY);
        }
    }
}
