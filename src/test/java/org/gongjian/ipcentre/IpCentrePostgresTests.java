package org.gongjian.ipcentre;

import org.gongjian.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The IP centre's ledger on PostgreSQL. */
class IpCentrePostgresTests extends IpCentreContract {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        TestPostgres.register(r);
    }
}
