package org.gongjian.assessment;

import org.gongjian.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rankings on PostgreSQL (CI's Debian server, or an embedded one). */
@AssessmentTest
class AssessmentPostgresTests extends AssessmentContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }
}
