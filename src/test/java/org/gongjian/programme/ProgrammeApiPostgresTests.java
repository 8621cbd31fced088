package org.gongjian.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gongjian.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The programme API on PostgreSQL (CI's Debian server, or an embedded one). */
class ProgrammeApiPostgresTests extends ProgrammeApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @Test
    void the_database_itself_refuses_to_change_or_remove_a_line_of_the_audit_trail() {
        long lines = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
        assertThat(lines).isPositive();
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'nobody'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single()).isEqualTo(lines);
    }
}
