package org.gongjian.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gongjian.audit.AuditLog;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** User accounts, and who is acting in the current request. */
@Service
@Transactional(readOnly = true)
public class Accounts {

    /** The shortest password a person may choose (the first-start admin password is the operator's choice). */
    static final int MIN_PASSWORD_LENGTH = 10;

    private final UserAccountRepository users;
    private final UnitRepository units;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final TokenCache tokens;

    Accounts(UserAccountRepository users, UnitRepository units, PasswordEncoder passwords, AuditLog audit, Clock clock,
            TokenCache tokens) {
        this.tokens = tokens;
        this.users = users;
        this.units = units;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The user of the current request, or the system when no one is logged in (start-up, schedules). Read from the
     * security context only: it opens no transaction of its own (every service asks it, on every request).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
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

    public UserAccount user(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFoundException("error.user.not-found", username));
    }

    public List<UserAccount> all() {
        return users.findAll();
    }

    /** Accounts, optionally those whose username or name contains the search text. */
    public Page<UserAccount> list(@Nullable String search, Pageable pageable) {
        return search == null || search.isBlank() ? users.findAll(pageable)
                : users.findByUsernameContainingOrDisplayNameContaining(search.trim(), search.trim(), pageable);
    }

    public boolean anyExist() {
        return users.count() > 0;
    }

    /** The code of the unit an account works for, if any. */
    public @Nullable String unitCode(UserAccount user) {
        return user.unitId() == null ? null : units.findById(user.unitId()).map(Unit::code).orElse(null);
    }

    public AccountData data(UserAccount user) {
        return new AccountData(user.username(), user.displayName(), unitCode(user), user.roles(), user.enabled());
    }

    /** Makes an account without the password rules: for the first start and for tests. */
    @Transactional
    public UserAccount create(String username, String displayName, String rawPassword, @Nullable Long unitId,
            Set<Role> roles) {
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("error.user.duplicate-username", username);
        }
        UserAccount user = users.save(UserAccount.create(username, displayName, passwords.encode(rawPassword),
                unitId, roles, Instant.now(clock)));
        audit.created("user", username, view(user));
        return user;
    }

    /** The office makes an account with a first password that follows the password rules. */
    @Transactional
    public UserAccount create(AccountData data, String rawPassword) {
        requireUserAdmin(data.username());
        if (users.findByUsername(data.username()).isPresent()) {
            throw new ConflictException("error.user.duplicate-username", data.username());
        }
        List<Violation> violations = new ArrayList<>(passwordRules(data.username(), rawPassword, "password"));
        Long unitId = checkAssignment(data, violations);
        throwIfAny(violations);
        UserAccount user = UserAccount.create(data.username(), data.displayName(), passwords.encode(rawPassword),
                unitId, data.roles(), Instant.now(clock));
        user.setByOffice(user.passwordHash());
        user.enable(data.enabled());
        UserAccount saved = users.save(user);
        audit.created("user", saved.username(), view(saved));
        return saved;
    }

    /** One account of {@link #createAll}: who it is and its first password. */
    public record NewAccount(AccountData data, String password) {
    }

    /**
     * The office makes many accounts at once (an Excel import): every row is checked first, each problem named
     * {@code rows[i].field}; then all are made, each with a first password to be changed at first login, or none.
     */
    @Transactional
    public List<UserAccount> createAll(List<NewAccount> accounts) {
        requireUserAdmin("import");
        List<Violation> violations = new ArrayList<>();
        List<Long> unitIds = new ArrayList<>();
        java.util.Set<String> seen = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            NewAccount a = accounts.get(i);
            String p = "rows[" + i + "].";
            List<Violation> row = new ArrayList<>();
            if (!seen.add(a.data().username())) {
                row.add(new Violation("username", "error.duplicate", a.data().username()));
            } else if (users.findByUsername(a.data().username()).isPresent()) {
                row.add(new Violation("username", "error.user.duplicate-username", a.data().username()));
            }
            row.addAll(passwordRules(a.data().username(), a.password(), "password"));
            unitIds.add(checkAssignment(a.data(), row));
            row.forEach(v -> violations.add(new Violation(p + v.field(), v.messageKey(), v.args())));
        }
        throwIfAny(violations);
        List<UserAccount> made = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            AccountData data = accounts.get(i).data();
            UserAccount user = UserAccount.create(data.username(), data.displayName(),
                    passwords.encode(accounts.get(i).password()), unitIds.get(i), data.roles(), Instant.now(clock));
            user.setByOffice(user.passwordHash());
            user.enable(data.enabled());
            UserAccount saved = users.save(user);
            audit.created("user", saved.username(), view(saved));
            made.add(saved);
        }
        return made;
    }

    /**
     * The office changes an account's name, unit, roles or whether it may log in; the account's API tokens answer
     * with the change from the next call on (none is kept in the token cache).
     */
    @Transactional
    public UserAccount update(String username, AccountData data, @Nullable Integer expectedVersion) {
        requireUserAdmin(username);
        UserAccount user = user(username);
        if (expectedVersion != null && !expectedVersion.equals(user.version())) {
            throw new ConflictException("error.stale-version");
        }
        List<Violation> violations = new ArrayList<>();
        if (!username.equals(data.username())) {
            violations.add(new Violation("username", "error.user.username-immutable"));
        }
        Long unitId = checkAssignment(data, violations);
        if (username.equals(current().username()) && (!data.enabled() || !data.roles().contains(Role.ADMIN))
                && user.roles().contains(Role.ADMIN)) {
            violations.add(new Violation("roles", "error.user.self-lockout"));
        }
        throwIfAny(violations);
        AccountView before = view(user);
        user.assign(data.displayName(), unitId, data.roles());
        user.enable(data.enabled());
        UserAccount saved = users.save(user);
        tokens.forgetAccount(username);
        audit.updated("user", username, before, view(saved));
        return saved;
    }

    /** The office sets a new password for someone who lost theirs. */
    @Transactional
    public void resetPassword(String username, String rawPassword) {
        requireUserAdmin(username);
        UserAccount user = user(username);
        throwIfAny(passwordRules(username, rawPassword, "password"));
        AccountView before = view(user);
        user.setByOffice(passwords.encode(rawPassword));
        users.save(user);
        audit.updated("user", username, "password reset by " + current().username(), before, view(user));
    }

    /** A user changes their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        UserAccount user = user(current().username());
        List<Violation> violations = new ArrayList<>();
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            violations.add(new Violation("currentPassword", "error.password.current-wrong"));
        }
        violations.addAll(passwordRules(user.username(), newPassword, "newPassword"));
        throwIfAny(violations);
        AccountView before = view(user);
        user.changePassword(passwords.encode(newPassword));
        users.save(user);
        audit.updated("user", user.username(), "password changed by its owner", before, view(user));
    }

    /** Whether the password a session was opened with is still the account's, and the account may still log in. */
    boolean stillValid(AccountPrincipal principal) {
        return users.findByUsername(principal.getUsername())
                .filter(UserAccount::enabled)
                .filter(u -> AccountPrincipal.fingerprint(u.passwordHash()).equals(principal.passwordFingerprint()))
                .filter(u -> u.roles().equals(principal.actor().roles()))
                .filter(u -> java.util.Objects.equals(u.unitId(), principal.actor().unitId()))
                .isPresent();
    }

    /** The password rules, for modules that make accounts for outside users (a volunteer's self sign-up). */
    public static List<Violation> checkPassword(String username, String password, String field) {
        return passwordRules(username, password, field);
    }

    static List<Violation> passwordRules(String username, String password, String field) {
        List<Violation> v = new ArrayList<>();
        if (password.length() < MIN_PASSWORD_LENGTH) {
            v.add(new Violation(field, "error.password.too-short", MIN_PASSWORD_LENGTH));
        } else if (password.length() > 128) {
            v.add(new Violation(field, "error.password.too-long", 128));
        } else if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            v.add(new Violation(field, "error.password.contains-username"));
        } else if (password.chars().distinct().count() < 4) {
            v.add(new Violation(field, "error.password.too-simple"));
        }
        return v;
    }

    private @Nullable Long checkAssignment(AccountData data, List<Violation> violations) {
        Long unitId = null;
        if (data.unit() != null && !data.unit().isBlank()) {
            Optional<Unit> unit = units.findByCode(data.unit());
            if (unit.isEmpty()) {
                violations.add(new Violation("unit", "error.unit.not-found", data.unit()));
            } else {
                unitId = unit.get().id();
            }
        }
        if (data.roles().contains(Role.UNIT_STAFF) && unitId == null && violations.stream().noneMatch(v -> v.field().equals("unit"))) {
            violations.add(new Violation("unit", "error.user.staff-needs-unit"));
        }
        return unitId;
    }

    private void requireUserAdmin(String username) {
        if (!current().can(Permissions.USER_ADMIN)) {
            audit.denied("user", username, "managing accounts needs " + Permissions.USER_ADMIN);
            throw new AccessDeniedException("error.access-denied");
        }
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** What the API and the audit trail show of an account: never the password hash. */
    public AccountView view(UserAccount user) {
        return new AccountView(user.username(), user.displayName(), unitCode(user), user.roles(), user.enabled(),
                user.mustChangePassword());
    }

    /** An account as the API and the audit trail show it: never the password or its hash. */
    public record AccountView(String username, String displayName, @Nullable String unit, Set<Role> roles,
            boolean enabled, boolean mustChangePassword) {
    }

    /** The display name of a username, or the username itself when no account has it (system, seed, a deleted one). */
    public String displayName(String username) {
        return users.findByUsername(username).map(UserAccount::displayName).orElse(username);
    }
}
