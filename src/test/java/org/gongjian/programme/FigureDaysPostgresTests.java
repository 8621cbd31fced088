package org.gongjian.programme;

import org.gongjian.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The standing kept as figures are written, on PostgreSQL (CI's Debian server, or an embedded one). */
class FigureDaysPostgresTests extends FigureDaysContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }
}
