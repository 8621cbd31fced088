package org.gongjian.notification;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Asks for a message to reach the staff of some units (in-app inbox, and each unit's e-mail and
 * webhook channels) and holders of some roles (in-app inbox only). {@code key} identifies the message:
 * the same key is never delivered twice to the same address on the same channel.
 *
 * @param key     e.g. {@code notice:12:ESCALATED:3}
 * @param roles   role names (e.g. ADMIN for the programme office) whose holders get it in their inbox
 * @param link    a path in the application, e.g. {@code /supervision/notices/12}
 * @param urgent  whether webhooks should @-mention everyone in the group
 */
public record NotificationRequested(String key, List<Long> unitIds, Set<String> roles, String title, String body,
        @Nullable String link, boolean urgent) {
}
