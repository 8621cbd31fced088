package org.gongjian.reporting.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.gongjian.shared.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims on imports under way, by file digest and person (ADR 0036): the claim is a row under a primary key, taken
 * before any work in a statement of its own, so of two imports of the same file by the same person sent at once
 * exactly one gets it, on H2 and PostgreSQL alike, and the other is refused with 409. A claim older than
 * {@code gongjian.import.claim-expiry} (30 minutes; longer than any import within the limits) is left from a
 * process that died and is taken over.
 */
@Component
class ImportClaims {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration expiry;

    ImportClaims(JdbcClient jdbc, Clock clock, @Value("${gongjian.import.claim-expiry:PT30M}") Duration expiry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.expiry = expiry;
    }

    /** An import's key: programme, kind, the file's SHA-256 and who imports it. */
    record Key(String programmeCode, String kind, String digest, String importedBy) {
    }

    /** Takes the claim, or throws {@link ConflictException} (409) while another import of the same file runs. */
    void claim(Key key) {
        Instant now = Instant.now(clock);
        jdbc.sql("""
                delete from reporting_import_claim
                 where programme_code = :p and kind = :k and digest = :d and imported_by = :by and claimed_at < :stale""")
                .params(params(key)).param("stale", Timestamp.from(now.minus(expiry))).update();
        try {
            jdbc.sql("""
                    insert into reporting_import_claim (programme_code, kind, digest, imported_by, claimed_at)
                    values (:p, :k, :d, :by, :at)""")
                    .params(params(key)).param("at", Timestamp.from(now)).update();
        } catch (DuplicateKeyException running) {
            throw new ConflictException("error.import.in-progress");
        }
    }

    /** Gives the claim up when the import has ended, whatever its outcome. */
    void release(Key key) {
        jdbc.sql("""
                delete from reporting_import_claim
                 where programme_code = :p and kind = :k and digest = :d and imported_by = :by""")
                .params(params(key)).update();
    }

    private static java.util.Map<String, Object> params(Key key) {
        return java.util.Map.of("p", key.programmeCode(), "k", key.kind(), "d", key.digest(), "by", key.importedBy());
    }
}
