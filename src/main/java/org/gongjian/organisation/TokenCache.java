package org.gongjian.organisation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API tokens recently authenticated, by hash, kept {@code gongjian.api-tokens.cache} (5 s; 0 turns it off) so that a
 * script's burst of calls is not one token and account lookup each. A revoked token is forgotten at once, and so
 * are an account's tokens when the office changes the account (disables it, changes its roles or unit): then, and
 * again when that change commits, with a lookup that read the account before the commit not remembered after it.
 */
@Component
class TokenCache {

    record Known(long tokenId, AccountPrincipal principal, @Nullable LocalDate expiresOn, long readAt) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Known> recent = new ConcurrentHashMap<>();
    /** Counts the forgettings: a lookup remembers what it read only when none happened meanwhile. */
    private final AtomicLong forgotten = new AtomicLong();
    private final long keepNanos;

    TokenCache(@Value("${gongjian.api-tokens.cache:PT5S}") Duration keep) {
        this.keepNanos = keep.toNanos();
    }

    /** The token remembered by its hash, when read less than the cache's time ago and not expired on {@code today}. */
    @Nullable Known fresh(String hash, LocalDate today) {
        Known known = recent.get(hash);
        return known != null && System.nanoTime() - known.readAt() < keepNanos
                && (known.expiresOn() == null || !today.isAfter(known.expiresOn())) ? known : null;
    }

    /** Taken before a lookup reads the token and its account, and handed to {@link #remember}. */
    long stamp() {
        return forgotten.get();
    }

    /** Remembers a lookup's result unless the cache is off or something was forgotten since {@code stamp}. */
    void remember(String hash, long tokenId, AccountPrincipal principal, @Nullable LocalDate expiresOn, long stamp) {
        if (keepNanos <= 0) {
            return;
        }
        if (recent.size() > MAX_ENTRIES) {
            recent.clear();
        }
        recent.put(hash, new Known(tokenId, principal, expiresOn, System.nanoTime()));
        if (forgotten.get() != stamp) {
            recent.remove(hash);   // a change came in while the lookup ran: what it read may be the old account
        }
    }

    void forgetToken(long tokenId) {
        forgotten.incrementAndGet();
        recent.values().removeIf(k -> k.tokenId() == tokenId);
    }

    /** Forgets the account's tokens now and, within a transaction, again once it commits. */
    void forgetAccount(String username) {
        forgetNow(username);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forgetNow(username);
                }
            });
        }
    }

    private void forgetNow(String username) {
        forgotten.incrementAndGet();
        recent.values().removeIf(k -> k.principal().getUsername().equals(username));
    }
}
