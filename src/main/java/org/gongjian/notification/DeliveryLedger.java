package org.gongjian.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery ledger: one row per message, channel and address, unique. A sender first claims the
 * row, sends only if the claim succeeds, then marks it sent or failed, each step committed at once.
 * So a message is sent once even when two instances resubmit the same event; only a crash between a
 * successful send and its mark can repeat it, after {@link #TAKE_OVER} (ADR 0022).
 */
@Component
class DeliveryLedger {

    /** A claim older than this, never marked, is taken to be from a crashed sender. */
    static final Duration TAKE_OVER = Duration.ofMinutes(5);

    /** The outcome of a claim. */
    enum Claim { GRANTED, ALREADY_SENT, BUSY }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeliveryLedger(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    Claim claim(String key, ChannelKind channel, String address) {
        Instant now = Instant.now(clock);
        try {
            tx.executeWithoutResult(s -> jdbc.sql("""
                    insert into notification_delivery (message_key, channel, address, status, attempts, claimed_at)
                    values (:k, :c, :a, 'SENDING', 1, :now)""")
                    .param("k", key).param("c", channel.name()).param("a", address).param("now", Timestamp.from(now))
                    .update());
            return Claim.GRANTED;
        } catch (DuplicateKeyException e) {
            Integer taken = tx.execute(s -> jdbc.sql("""
                    update notification_delivery set status = 'SENDING', attempts = attempts + 1, claimed_at = :now
                     where message_key = :k and channel = :c and address = :a
                       and (status = 'FAILED' or (status = 'SENDING' and claimed_at < :stale))""")
                    .param("k", key).param("c", channel.name()).param("a", address).param("now", Timestamp.from(now))
                    .param("stale", Timestamp.from(now.minus(TAKE_OVER))).update());
            if (taken != null && taken == 1) {
                return Claim.GRANTED;
            }
            String status = tx.execute(s -> jdbc.sql("""
                    select status from notification_delivery where message_key = :k and channel = :c and address = :a""")
                    .param("k", key).param("c", channel.name()).param("a", address).query(String.class).single());
            return "SENT".equals(status) ? Claim.ALREADY_SENT : Claim.BUSY;
        }
    }

    void sent(String key, ChannelKind channel, String address) {
        mark(key, channel, address, "SENT", null);
    }

    void failed(String key, ChannelKind channel, String address, String error) {
        mark(key, channel, address, "FAILED", error.length() > 1000 ? error.substring(0, 1000) : error);
    }

    private void mark(String key, ChannelKind channel, String address, String status, String error) {
        Instant now = Instant.now(clock);
        tx.executeWithoutResult(s -> jdbc.sql("""
                update notification_delivery set status = :status, last_error = :error,
                       delivered_at = case when :status = 'SENT' then :now else delivered_at end
                 where message_key = :k and channel = :c and address = :a""")
                .param("status", status).param("error", error).param("now", Timestamp.from(now)).param("k", key)
                .param("c", channel.name()).param("a", address).update());
    }
}
