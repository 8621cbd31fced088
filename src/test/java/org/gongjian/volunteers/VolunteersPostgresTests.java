package org.gongjian.volunteers;

import org.gongjian.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The volunteers ledger on PostgreSQL (concurrent retries meet a real unique index there). */
class VolunteersPostgresTests extends VolunteersContract {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        TestPostgres.register(r);
    }
}
