package org.gongjian.forms;

import org.gongjian.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The forms API on PostgreSQL. */
class FormsApiPostgresTests extends FormsApiContract {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        TestPostgres.register(r);
    }
}
