package org.gongjian.organisation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account and per address in the database, so that every instance sharing
 * it sees the same count. After too many failures within the window, further attempts for that
 * account or from that address are refused without the password being checked, until the window
 * has passed the oldest of them.
 */
@Component
class LoginThrottle {

    enum Kind { ACCOUNT, ADDRESS }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration window;

    LoginThrottle(JdbcClient jdbc, Clock clock,
            @Value("${gongjian.login.max-failures-per-account:5}") int maxPerAccount,
            @Value("${gongjian.login.max-failures-per-address:20}") int maxPerAddress,
            @Value("${gongjian.login.window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    Duration window() {
        return window;
    }

    /** How long attempts for this account or from this address stay refused; empty when they may try. */
    @Transactional(readOnly = true)
    public Optional<Duration> blockedFor(String username, @Nullable String address) {
        Optional<Duration> account = blockedFor(Kind.ACCOUNT, account(username), maxPerAccount);
        Optional<Duration> byAddress = address == null ? Optional.empty() : blockedFor(Kind.ADDRESS, address, maxPerAddress);
        return account.isPresent() && byAddress.isPresent()
                ? Optional.of(account.get().compareTo(byAddress.get()) > 0 ? account.get() : byAddress.get())
                : account.or(() -> byAddress);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username, @Nullable String address) {
        insert(Kind.ACCOUNT, account(username));
        if (address != null) {
            insert(Kind.ADDRESS, address);
        }
    }

    /** A successful login clears the account's count; the address keeps its count, so spraying many accounts still counts. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username) {
        jdbc.sql("delete from organisation_login_failure where kind = :kind and subject = :subject")
                .param("kind", Kind.ACCOUNT.name()).param("subject", account(username)).update();
    }

    /** Failures older than the window no longer count; remove them now and then. */
    @Scheduled(fixedDelayString = "${gongjian.login.cleanup-every:1h}", initialDelayString = "${gongjian.login.cleanup-every:1h}")
    @Transactional
    public void forgetOld() {
        jdbc.sql("delete from organisation_login_failure where failed_at < :before")
                .param("before", Timestamp.from(Instant.now(clock).minus(window))).update();
    }

    private Optional<Duration> blockedFor(Kind kind, String subject, int max) {
        Instant now = Instant.now(clock);
        List<Timestamp> recent = jdbc.sql("""
                select failed_at from organisation_login_failure
                 where kind = :kind and subject = :subject and failed_at > :since
                 order by failed_at desc limit :max""")
                .param("kind", kind.name()).param("subject", subject)
                .param("since", Timestamp.from(now.minus(window))).param("max", max)
                .query(Timestamp.class).list();
        if (recent.size() < max) {
            return Optional.empty();
        }
        Instant until = recent.get(recent.size() - 1).toInstant().plus(window);
        Duration left = Duration.between(now, until);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    private void insert(Kind kind, String subject) {
        jdbc.sql("insert into organisation_login_failure (kind, subject, failed_at) values (:kind, :subject, :at)")
                .param("kind", kind.name()).param("subject", subject)
                .param("at", Timestamp.from(Instant.now(clock))).update();
    }

    private static String account(String username) {
        String normal = username.trim().toLowerCase(Locale.ROOT);
        return normal.length() > 128 ? normal.substring(0, 128) : normal;
    }
}
