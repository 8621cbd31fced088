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
 * {@code gongjian.volunteers.id-key} (32 bytes, base64). Without it the demo makes one and keeps it in the data
 * directory (with a warning); without the demo, the application refuses to start.
 */
@Component
class IdVault {

    private static final Logger log = LoggerFactory.getLogger(IdVault.class);
    private static final int NONCE = 12;

    private final SecretKeySpec aes;
    private final SecretKeySpec hmac;
    private final SecureRandom random = new SecureRandom();

    IdVault(@Value("${gongjian.volunteers.id-key:}") String configured,
            @Value("${gongjian.data-dir:./data}") String dataDir, @Value("${gongjian.demo.enabled:true}") boolean demo) {
        byte[] key;
        if (configured.isBlank()) {
            if (!demo) {
                throw new IllegalStateException("gongjian.volunteers.id-key (GONGJIAN_VOLUNTEERS_ID_KEY) is not set: "
                        + "give 32 random bytes, base64 (openssl rand -base64 32), to encrypt volunteers' ID numbers");
            }
            key = demoKey(java.nio.file.Path.of(dataDir, "volunteers-id.key"));
        } else {
            key = Base64.getDecoder().decode(configured.trim());
            if (key.length != 32) {
                throw new IllegalStateException("gongjian.volunteers.id-key must be 32 bytes, base64-encoded");
            }
        }
        this.aes = new SecretKeySpec(derive(key, "aes"), "AES");
        this.hmac = new SecretKeySpec(derive(key, "hmac"), "HmacSHA256");
    }

    /**
     * The demo's key: made once and kept in the data directory (owner-only), so that the demo's records stay
     * readable across restarts. Only with the demo; a real installation configures its key.
     */
    private static byte[] demoKey(java.nio.file.Path file) {
        try {
            if (java.nio.file.Files.exists(file)) {
                return Base64.getDecoder().decode(java.nio.file.Files.readString(file).trim());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions apply
            }
            log.warn("gongjian.volunteers.id-key is not set: the demo encrypts ID-card numbers with a key made now and kept "
                    + "in {}. Fine for the demo; set the key (32 random bytes, base64) for real data.", file);
            return key;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot keep the demo's ID key in " + file, e);
        }
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
