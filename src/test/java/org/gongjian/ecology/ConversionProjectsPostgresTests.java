package org.gongjian.ecology;

import org.gongjian.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** GEP conversion projects on PostgreSQL. */
class ConversionProjectsPostgresTests extends ConversionProjectsContract {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        TestPostgres.register(r);
    }
}
