package org.gongjian.programme;

import org.gongjian.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The programme API on PostgreSQL (CI's Debian server, or an embedded one). */
class ProgrammeApiPostgresTests extends ProgrammeApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }
}
