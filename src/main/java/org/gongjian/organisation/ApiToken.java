package org.gongjian.organisation;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A personal API token as its owner sees it: never the token itself, only its first characters. */
public record ApiToken(long id, String username, String name, String hint, Instant createdAt,
        @Nullable LocalDate expiresOn, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean usableOn(LocalDate today) {
        return revokedAt == null && (expiresOn == null || !today.isAfter(expiresOn));
    }
}
