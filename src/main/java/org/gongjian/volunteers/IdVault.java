package org.gongjian.volunteers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps ID-card numbers out of the database: AES-256-GCM with a random 96-bit nonce per value for storage,
 * and an HMAC-SHA256 under a key derived from the same secret for finding duplicates. The key comes from
 * {@code gongjian.volunteers.id-key} (32 bytes, base64). Without it a random key is made for this run only
 * and a warning logged: fine for a demo, useless for real data (nothing stored survives a restart's key).
 */
@Component
class IdVault {

    private static final Logger log = LoggerFactory.getLogger(IdVault.class);
    private static final int NONCE = 12;

    private final SecretKeySpec aes;
    private final SecretKeySpec hmac;
    private final SecureRandom random = new SecureRandom();

    IdVault(@Value("${gongjian.volunteers.id-key:}") String configured) {
        byte[] key;
        if (configured.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            log.warn("gongjian.volunteers.id-key is not set: ID-card numbers are encrypted with a key made for this run "
                    + "only and cannot be read after a restart. Set it (32 random bytes, base64) for real data.");
        } else {
            key = Base64.getDecoder().decode(configured.trim());
            if (key.length != 32) {
                throw new IllegalStateException("gongjian.volunteers.id-key must be 32 bytes, base64-encoded");
            }
        }
        this.aes = new SecretKeySpec(derive(key, "aes"), "AES");
        this.hmac = new SecretKeySpec(derive(key, "hmac"), "HmacSHA256");
    }

    String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, nonce));
            c.updateAAD("volunteers.id".getBytes(StandardCharsets.US_ASCII));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + ct.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(ct, 0, out, NONCE, ct.length);
            return "v1:" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String decrypt(String stored) {
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(3));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, aes, new GCMParameterSpec(128, in, 0, NONCE));
            c.updateAAD("volunteers.id".getBytes(StandardCharsets.US_ASCII));
            return new String(c.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ID number cannot be decrypted with the configured key", e);
        }
    }

    /** The keyed hash by which a number is found again (hex). */
    String hash(String plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmac);
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("gongjian.volunteers." + purpose).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
