package org.gongjian.reporting.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.gongjian.reporting.excel.AccountImport;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import org.gongjian.reporting.excel.ImportRefused;
import org.gongjian.reporting.excel.ImportResult;
import org.gongjian.reporting.excel.InitiativeImport;
import org.gongjian.reporting.excel.MeasurementImport;
import org.gongjian.reporting.excel.UploadedWorkbook;
import org.gongjian.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Runs an import of an uploaded file, for the pages and the API alike: the upload is copied to a temporary
 * file for the streaming reader and removed afterwards.
 */
@Component
class Uploads {

    static final String MEASUREMENTS = "measurements";
    static final String INITIATIVES = "initiatives";

    private final MeasurementImport measurements;
    private final InitiativeImport initiatives;
    private final AccountImport accounts;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ImportClaims claims;

    Uploads(MeasurementImport measurements, InitiativeImport initiatives, AccountImport accounts, JdbcClient jdbc,
            JsonMapper json, Clock clock, ImportClaims claims) {
        this.claims = claims;
        this.measurements = measurements;
        this.initiatives = initiatives;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Imports accounts (the office): all rows or none, with the other imports' limits. */
    ImportResult accounts(MultipartFile file) {
        if (file.isEmpty()) {
            throw new ImportRefused("error.import.empty");
        }
        return UploadedWorkbook.asFile(file, path -> accounts.run(path, name(file)));
    }

    byte[] accountsTemplate() {
        return accounts.template();
    }

    /** Imports measurements, or initiatives with their targets, into a programme: all rows or none. */
    ImportResult run(String programmeCode, String kind, MultipartFile file) {
        return run(programmeCode, kind, file, false);
    }

    /**
     * As {@link #run(String, String, MultipartFile)}; a file whose content was already imported into the programme
     * (a retry after a timeout, a double click) is answered with the first import's result and writes nothing,
     * unless {@code confirm} says to import it again.
     */
    ImportResult run(String programmeCode, String kind, MultipartFile file, boolean confirm) {
        if (!MEASUREMENTS.equals(kind) && !INITIATIVES.equals(kind)) {
            throw new InvalidInputException("kind", "error.import.kind", kind);
        }
        if (file.isEmpty()) {
            throw new ImportRefused("error.import.empty");
        }
        String name = name(file);
        Path path = null;
        try {
            path = Files.createTempFile("gongjian-import", ".xlsx");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(file.getInputStream(), sha)) {
                Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
            }
            String digest = HexFormat.of().formatHex(sha.digest());
            ImportClaims.Key key = new ImportClaims.Key(programmeCode, kind, digest, importer());
            claims.claim(key);   // the same file by the same person already under way: 409, nothing written
            try {
                return runClaimed(key, name, path, confirm);
            } finally {
                claims.release(key);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (path != null) {
                path.toFile().delete();
            }
        }
    }

    /** The import itself, under its claim: the first result again for a file imported before, else the work. */
    private ImportResult runClaimed(ImportClaims.Key key, String name, Path path, boolean confirm) {
        if (!confirm) {
            var earlier = jdbc.sql("""
                    select result_json, imported_at from reporting_import
                     where programme_code = :p and kind = :k and digest = :d and imported_by = :by
                     order by id limit 1""")
                    .param("p", key.programmeCode()).param("k", key.kind()).param("d", key.digest())
                    .param("by", key.importedBy())
                    .query((rs, n) -> json.readValue(rs.getString(1), ImportResult.class)
                            .repeatOf(rs.getTimestamp(2).toInstant()))
                    .optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        ImportResult result = MEASUREMENTS.equals(key.kind()) ? measurements.run(key.programmeCode(), path, name)
                : initiatives.run(key.programmeCode(), path, name);
        if (result.ok() && result.written() > 0) {
            jdbc.sql("""
                    insert into reporting_import (programme_code, kind, digest, file_name, result_json, imported_by, imported_at)
                    values (:p, :k, :d, :n, :r, :by, :at)""")
                    .param("p", key.programmeCode()).param("k", key.kind()).param("d", key.digest()).param("n", name)
                    .param("r", json.writeValueAsString(result)).param("by", key.importedBy())
                    .param("at", Timestamp.from(Instant.now(clock))).update();
        }
        return result;
    }

    private static String importer() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        String name = auth == null ? "system" : auth.getName();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /** The file's own name without any path, for the audit trail and the data's source reference. */
    static String name(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "upload.xlsx" : file.getOriginalFilename();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() > 150 ? name.substring(name.length() - 150) : name;
    }
}
