package org.gongjian.roads;

import org.gongjian.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The roads ledger's rules on PostgreSQL. */
class RoadsPostgresTests extends RoadsContract {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        TestPostgres.register(r);
    }
}
