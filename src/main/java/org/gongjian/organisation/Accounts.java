package org.gongjian.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongjian.audit.AuditLog;
import org.gongjian.shared.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts, and who is acting in the current request. */
@Service
@Transactional(readOnly = true)
public class Accounts {

    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    Accounts(UserAccountRepository users, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** The user of the current request, or the system when no one is logged in (start-up, schedules). */
    public Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || !(auth.getPrincipal() instanceof AccountPrincipal principal)) {
            return auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())
                    ? fromAuthorities(auth) : Actor.system();
        }
        return principal.actor();
    }

    private static Actor fromAuthorities(Authentication auth) {
        Set<Role> roles = new HashSet<>();
        Set<String> permissions = new HashSet<>();
        for (GrantedAuthority granted : auth.getAuthorities()) {
            String a = granted.getAuthority();
            if (a != null && a.startsWith("ROLE_")) {
                try {
                    Role role = Role.valueOf(a.substring(5));
                    roles.add(role);
                    permissions.addAll(role.permissions());
                } catch (IllegalArgumentException ignored) {
                    // not one of ours
                }
            } else if (a != null) {
                permissions.add(a);
            }
        }
        return new Actor(auth.getName(), null, roles, permissions);
    }

    public Optional<UserAccount> findByUsername(String username) {
        return users.findByUsername(username);
    }

    public List<UserAccount> all() {
        return users.findAll();
    }

    public boolean anyExist() {
        return users.count() > 0;
    }

    @Transactional
    public UserAccount create(String username, String displayName, String rawPassword, @Nullable Long unitId,
            Set<Role> roles) {
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("error.user.duplicate-username", username);
        }
        UserAccount user = users.save(UserAccount.create(username, displayName, passwords.encode(rawPassword),
                unitId, roles, Instant.now(clock)));
        audit.created("user", username, new AccountView(username, displayName, unitId, roles));
        return user;
    }

    /** What the audit trail keeps of an account: never the password hash. */
    record AccountView(String username, String displayName, @Nullable Long unitId, Set<Role> roles) {
    }
}
