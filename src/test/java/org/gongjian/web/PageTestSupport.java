package org.gongjian.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the page tests share: the application on H2 with the Kaiping demo, and one person per role —
 * 赤水镇's clerk (co-unit of initiatives 4 and 8), 金鸡镇's clerk, a leader and a viewer.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class PageTestSupport {

    static final String PROGRAMME = "/programmes/kaiping-2024";
    static final String PASSWORD = "page-secret-1";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void people() {
        if (accounts.findByUsername("page-staff").isEmpty()) {
            accounts.create("page-staff", "赤水镇填报员", PASSWORD, organisation.unit("chishui").id(), Set.of(Role.UNIT_STAFF));
            accounts.create("page-leader", "市领导", PASSWORD, null, Set.of(Role.LEADER));
            accounts.create("page-viewer", "查阅人员", PASSWORD, null, Set.of(Role.VIEWER));
        }
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    RequestPostProcessor admin() {
        return as("admin");
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    long denied(String actor) {
        return jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and actor = :actor")
                .param("actor", actor).query(Long.class).single();
    }
}
