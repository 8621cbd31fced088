package org.gongjian.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A unit's channel: an e-mail address or a robot webhook. The secret is never shown back. */
public record UnitChannel(long id, long unitId, ChannelKind kind, String address, boolean hasSecret, boolean enabled,
        String createdBy, Instant createdAt) {

    /** The address with a webhook's access token masked, for display. */
    public String maskedAddress() {
        int at = address.indexOf("key=");
        if (at < 0) {
            at = address.indexOf("access_token=");
        }
        if (at < 0) {
            return address;
        }
        int eq = address.indexOf('=', at) + 1;
        String token = address.substring(eq);
        return address.substring(0, eq) + (token.length() <= 6 ? "***" : token.substring(0, 4) + "***");
    }

    /** The secret is kept in the store only. */
    record Stored(UnitChannel channel, @Nullable String secret) {
    }
}
