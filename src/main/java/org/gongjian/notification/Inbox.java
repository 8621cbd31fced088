package org.gongjian.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's in-app inbox: messages newest first, an unread count for the header, marking as read. */
@Service
@Transactional(readOnly = true)
public class Inbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long unreadCount(String username) {
        return jdbc.sql("select count(*) from notification_inbox where username = :u and read_at is null")
                .param("u", username).query(Long.class).single();
    }

    public Page<InboxMessage> messages(String username, boolean unreadOnly, Pageable pageable) {
        String where = " where username = :u" + (unreadOnly ? " and read_at is null" : "");
        long total = jdbc.sql("select count(*) from notification_inbox" + where).param("u", username)
                .query(Long.class).single();
        var rows = jdbc.sql("select id, title, body, link, urgent, created_at, read_at from notification_inbox" + where
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .param("u", username).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new InboxMessage(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
                        rs.getString("link"), rs.getBoolean("urgent"), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("read_at"))))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Marks one of the user's messages read; returns the link it points to, if any. */
    @Transactional
    public @Nullable String markRead(String username, long id) {
        jdbc.sql("update notification_inbox set read_at = :now where id = :id and username = :u and read_at is null")
                .param("now", Timestamp.from(Instant.now(clock))).param("id", id).param("u", username).update();
        return jdbc.sql("select link from notification_inbox where id = :id and username = :u").param("id", id)
                .param("u", username).query(String.class).optional().orElse(null);
    }

    @Transactional
    public int markAllRead(String username) {
        return jdbc.sql("update notification_inbox set read_at = :now where username = :u and read_at is null")
                .param("now", Timestamp.from(Instant.now(clock))).param("u", username).update();
    }

    /** Puts a message in a user's inbox once: a second delivery of the same key is ignored. */
    @Transactional
    boolean deliver(String username, NotificationRequested message) {
        if (jdbc.sql("select count(*) from notification_inbox where username = :u and message_key = :k")
                .param("u", username).param("k", message.key()).query(Long.class).single() > 0) {
            return false;
        }
        try {
            jdbc.sql("""
                    insert into notification_inbox (username, message_key, title, body, link, urgent, created_at)
                    values (:u, :k, :title, :body, :link, :urgent, :at)""")
                    .param("u", username).param("k", message.key()).param("title", cut(message.title(), 500))
                    .param("body", cut(message.body(), 4000)).param("link", message.link()).param("urgent", message.urgent())
                    .param("at", Timestamp.from(Instant.now(clock))).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
