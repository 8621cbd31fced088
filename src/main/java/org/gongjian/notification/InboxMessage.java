package org.gongjian.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message in a user's in-app inbox. */
public record InboxMessage(long id, String title, String body, @Nullable String link, boolean urgent, Instant createdAt,
        @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
