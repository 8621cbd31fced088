package org.gongjian.reporting;

import org.gongjian.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The bulk import on PostgreSQL (CI's Debian server, or an embedded one). */
class BulkImportPostgresTests extends BulkImportContract {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }
}
