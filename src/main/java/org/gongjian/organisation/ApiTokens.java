package org.gongjian.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.gongjian.audit.AuditLog;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens ({@code Authorization: Bearer gj_…}) for scripts: a user makes and revokes their
 * own; the office may revoke anyone's. Only the token's SHA-256 is stored: a token is 256 random bits,
 * so a fast hash suffices and the lookup is a single indexed query.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokens {

    public static final String PREFIX = "gj_";
    static final int MAX_ACTIVE_PER_USER = 20;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);
    private static final String SELECT = """
            select t.id, u.username, t.name, t.token_hint, t.created_at, t.expires_on, t.last_used_at, t.revoked_at
              from organisation_api_token t join organisation_user u on u.id = t.user_id""";

    private final JdbcClient jdbc;
    private final UserAccountRepository users;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final TokenCache cache;

    ApiTokens(JdbcClient jdbc, UserAccountRepository users, Accounts accounts, AuditLog audit, Clock clock,
            TokenCache cache) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token just made: the secret is shown this once. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    /** What the audit trail keeps of a token. */
    record TokenView(String username, String name, String hint, @Nullable LocalDate expiresOn, @Nullable Instant revokedAt) {
    }

    public List<ApiToken> mine() {
        return of(accounts.current().username());
    }

    public List<ApiToken> of(String username) {
        return jdbc.sql(SELECT + " where u.username = :username order by t.created_at desc, t.id desc")
                .param("username", username).query(ApiTokens::map).list();
    }

    @Transactional
    public IssuedToken create(String name, @Nullable LocalDate expiresOn) {
        Actor actor = accounts.current();
        UserAccount user = accounts.user(actor.username());
        LocalDate today = LocalDate.now(clock);
        List<Violation> violations = new ArrayList<>();
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            violations.add(new Violation("name", "error.token.name"));
        }
        if (expiresOn != null && !expiresOn.isAfter(today)) {
            violations.add(new Violation("expiresOn", "error.token.expiry-past", today));
        }
        long active = of(user.username()).stream().filter(t -> t.usableOn(today)).count();
        if (active >= MAX_ACTIVE_PER_USER) {
            violations.add(new Violation("name", "error.token.too-many", MAX_ACTIVE_PER_USER));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hint = secret.substring(0, PREFIX.length() + 6) + "…";
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into organisation_api_token (user_id, name, token_hash, token_hint, created_at, expires_on)
                values (:user, :name, :hash, :hint, :at, :expires)""")
                .param("user", user.id()).param("name", trimmed).param("hash", hash(secret)).param("hint", hint)
                .param("at", Timestamp.from(Instant.now(clock))).param("expires", expiresOn)
                .update(keys, "id");
        ApiToken token = find(java.util.Objects.requireNonNull(keys.getKey()).longValue()).orElseThrow();
        audit.created("api-token", String.valueOf(token.id()), view(token));
        return new IssuedToken(token, secret);
    }

    /** Revokes a token: its owner may, and so may the office. */
    @Transactional
    public ApiToken revoke(long id) {
        ApiToken token = find(id).orElseThrow(() -> new NotFoundException("error.token.not-found", id));
        Actor actor = accounts.current();
        if (!actor.username().equals(token.username()) && !actor.can(Permissions.USER_ADMIN)) {
            audit.denied("api-token", String.valueOf(id), "not the owner of the token");
            throw new AccessDeniedException("error.access-denied");
        }
        if (token.revokedAt() != null) {
            return token;
        }
        jdbc.sql("update organisation_api_token set revoked_at = :at where id = :id")
                .param("at", Timestamp.from(Instant.now(clock))).param("id", id).update();
        cache.forgetToken(id);
        ApiToken revoked = find(id).orElseThrow();
        audit.updated("api-token", String.valueOf(id), view(token), view(revoked));
        return revoked;
    }

    /** The account a presented token stands for, when it is known, not revoked, not expired and its owner may log in. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    Optional<AccountPrincipal> authenticate(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(secret);
        TokenCache.Known known = cache.fresh(hash, LocalDate.now(clock));
        if (known != null) {
            return Optional.of(known.principal());
        }
        long stamp = cache.stamp();
        record Row(long id, long userId, @Nullable LocalDate expiresOn, @Nullable Timestamp lastUsedAt,
                @Nullable Timestamp revokedAt) {
        }
        Optional<Row> row = jdbc.sql("""
                select id, user_id, expires_on, last_used_at, revoked_at from organisation_api_token
                 where token_hash = :hash""").param("hash", hash)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("user_id"),
                        rs.getObject("expires_on", LocalDate.class), rs.getTimestamp("last_used_at"),
                        rs.getTimestamp("revoked_at")))
                .optional();
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        if (row.isEmpty() || row.get().revokedAt() != null
                || (row.get().expiresOn() != null && today.isAfter(row.get().expiresOn()))) {
            return Optional.empty();
        }
        Optional<AccountPrincipal> principal = users.findById(row.get().userId())
                .filter(UserAccount::enabled).map(AccountPrincipal::new);
        if (principal.isPresent() && (row.get().lastUsedAt() == null
                || row.get().lastUsedAt().toInstant().isBefore(now.minus(TOUCH_EVERY)))) {
            jdbc.sql("update organisation_api_token set last_used_at = :at where id = :id")
                    .param("at", Timestamp.from(now)).param("id", row.get().id()).update();
        }
        principal.ifPresent(AccountPrincipal::eraseCredentials);
        principal.ifPresent(p -> cache.remember(hash, row.get().id(), p, row.get().expiresOn(), stamp));
        return principal;
    }

    private Optional<ApiToken> find(long id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(ApiTokens::map).optional();
    }

    private static TokenView view(ApiToken t) {
        return new TokenView(t.username(), t.name(), t.hint(), t.expiresOn(), t.revokedAt());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        Timestamp used = rs.getTimestamp("last_used_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiToken(rs.getLong("id"), rs.getString("username"), rs.getString("name"), rs.getString("token_hint"),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("expires_on", LocalDate.class),
                used == null ? null : used.toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
