package org.gongjian.reporting;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Puts a test class in the reporting fixtures' own application context, with its own in-memory database:
 * the tests that import measurements into the demo, create programmes or raise notices share it, so that
 * the other modules' tests, which count the demo's programmes, notices and figures, never see their data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = "gongjian.test.fixtures=reporting")
@interface ReportingFixtures {
}
