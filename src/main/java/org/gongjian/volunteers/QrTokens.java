package org.gongjian.volunteers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rotating check-in code on a captain's phone: {@code <activity>.<issued epoch second>.<HMAC>}, signed
 * with {@code gongjian.volunteers.qr-key} (a random per-run key when unset), valid for the policy's seconds.
 */
@Component
class QrTokens {

    private static final Logger log = LoggerFactory.getLogger(QrTokens.class);
    /** Phones' clocks play no part, but two servers' may differ a little. */
    static final long SKEW_SECONDS = 5;

    enum Check { VALID, EXPIRED, FORGED }

    private final SecretKeySpec key;
    private final Clock clock;
    /** One initialised MAC per thread: looking the algorithm up for every check-in cost more than the HMAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    QrTokens(@Value("${gongjian.volunteers.qr-key:}") String configured, Clock clock) {
        byte[] bytes;
        if (configured.isBlank()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            log.info("gongjian.volunteers.qr-key is not set: check-in codes are signed with a key made for this run");
        } else {
            bytes = Base64.getDecoder().decode(configured.trim());
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.clock = clock;
    }

    String issue(long activityId) {
        long now = Instant.now(clock).getEpochSecond();
        return activityId + "." + now + "." + sign(activityId + "." + now);
    }

    Check check(String token, long activityId, int validitySeconds) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3 || !parts[0].equals(Long.toString(activityId))) {
            return Check.FORGED;
        }
        long issued;
        try {
            issued = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Check.FORGED;
        }
        byte[] expected = sign(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Check.FORGED;
        }
        long now = Instant.now(clock).getEpochSecond();
        if (issued > now + SKEW_SECONDS || now - issued > validitySeconds) {
            return Check.EXPIRED;
        }
        return Check.VALID;
    }

    private String sign(String payload) {
        byte[] full = macs.get().doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 18));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
