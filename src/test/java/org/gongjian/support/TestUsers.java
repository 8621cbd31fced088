package org.gongjian.support;

import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Accounts for tests, made once per test context whichever test class asks first. All share one
 * password, {@link #PASSWORD}, so that classes sharing a cached context agree on it.
 */
public final class TestUsers {

    public static final String PASSWORD = "staff-secret-1";

    private TestUsers() {
    }

    public static void ensure(Accounts accounts, Organisation organisation, String username, @Nullable String unitCode,
            Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(username, username, PASSWORD, unitCode == null ? null : organisation.unit(unitCode).id(),
                    Set.of(role));
        }
    }

    /** Runs {@code work} signed in as the office's administrator (a test's set-up calling the services). */
    public static void asOffice(UserDetailsService users, Runnable work) {
        var admin = users.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
