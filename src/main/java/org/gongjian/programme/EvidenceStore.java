package org.gongjian.programme;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongjian.shared.FileKind;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files under {@code <data-dir>/evidence/yyyy/MM/}, one row each in {@code programme_evidence}.
 * A file is checked by its first bytes and its real size (not its name or declared size), written
 * under a random name, and removed again when the transaction that stored its row rolls back, so
 * that a refused report leaves no file behind.
 */
@Component
class EvidenceStore {

    private static final String SELECT = """
            select id, measurement_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
              from programme_evidence""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path root;
    private final long maxFileSize;
    private final int maxFiles;

    EvidenceStore(JdbcClient jdbc, Clock clock, @Value("${gongjian.data-dir:./data}") Path dataDir,
            @Value("${gongjian.evidence.max-file-size:10MB}") DataSize maxFileSize,
            @Value("${gongjian.evidence.max-files:5}") int maxFiles) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.root = dataDir.toAbsolutePath().normalize();
        this.maxFileSize = maxFileSize.toBytes();
        this.maxFiles = maxFiles;
    }

    long maxFileSize() { return maxFileSize; }

    int maxFiles() { return maxFiles; }

    /** Every reason the uploads cannot be taken: too many, too large, empty, or not a PDF, PNG or JPEG. */
    List<Violation> check(List<EvidenceUpload> uploads) {
        List<Violation> violations = new ArrayList<>();
        if (uploads.size() > maxFiles) {
            violations.add(new Violation("evidence", "error.evidence.too-many", maxFiles));
        }
        for (EvidenceUpload upload : uploads) {
            String name = cleanName(upload.fileName());
            if (upload.size() > maxFileSize) {
                violations.add(new Violation("evidence", "error.evidence.too-large", name, DataSize.ofBytes(maxFileSize).toMegabytes()));
                continue;
            }
            byte[] content = bytes(upload);
            if (content.length == 0) {
                violations.add(new Violation("evidence", "error.evidence.empty", name));
                continue;
            }
            Optional<FileKind> kind = FileKind.sniff(content);
            if (kind.isEmpty()) {
                violations.add(new Violation("evidence", "error.evidence.type", name));
            } else if (!kind.get().fitsName(name)) {
                violations.add(new Violation("evidence", "error.evidence.name-mismatch", name, kind.get().extension()));
            }
        }
        return violations;
    }

    /** Writes the (checked) files and their rows for a measurement, in the caller's transaction. */
    List<Evidence> store(long measurementId, List<EvidenceUpload> uploads, String uploader) {
        List<Evidence> stored = new ArrayList<>();
        for (EvidenceUpload upload : uploads) {
            FileKind kind = FileKind.sniff(bytes(upload))
                    .orElseThrow(() -> new InvalidInputException("evidence", "error.evidence.type", upload.fileName()));
            LocalDate today = LocalDate.now(clock);
            String key = "evidence/%d/%02d/%s.%s".formatted(today.getYear(), today.getMonthValue(), UUID.randomUUID(),
                    kind.extension());
            Path file = root.resolve(key);
            Written written = write(upload, file);
            deleteOnRollback(file);
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into programme_evidence
                      (measurement_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
                    values (:measurement, :name, :type, :size, :sha, :key, :by, :at)""")
                    .param("measurement", measurementId).param("name", cleanName(upload.fileName()))
                    .param("type", kind.contentType()).param("size", written.size()).param("sha", written.sha256())
                    .param("key", key).param("by", uploader).param("at", Timestamp.from(Instant.now(clock)))
                    .update(keys, "id");
            stored.add(find(java.util.Objects.requireNonNull(keys.getKey()).longValue()).orElseThrow());
        }
        return stored;
    }

    Map<Long, List<Evidence>> byMeasurements(Collection<Long> measurementIds) {
        Map<Long, List<Evidence>> found = new LinkedHashMap<>();
        if (measurementIds.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT + " where measurement_id in (:ids) order by id").param("ids", measurementIds)
                .query(EvidenceStore::map).list()
                .forEach(e -> found.computeIfAbsent(e.measurementId(), k -> new ArrayList<>()).add(e));
        return found;
    }

    Optional<Evidence> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(EvidenceStore::map).optional();
    }

    Resource open(long id) {
        String key = jdbc.sql("select storage_key from programme_evidence where id = :id").param("id", id)
                .query(String.class).single();
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalStateException("evidence outside the data folder: " + key);
        }
        return new FileSystemResource(file);
    }

    /** The name as shown: no folders, no control characters, at most 255 characters. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "evidence";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private record Written(long size, String sha256) {
    }

    private Written write(EvidenceUpload upload, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = new DigestInputStream(upload.content().getInputStream(), sha);
                    OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    size += n;
                    if (size > maxFileSize) {
                        throw new InvalidInputException("evidence", "error.evidence.too-large",
                                cleanName(upload.fileName()), DataSize.ofBytes(maxFileSize).toMegabytes());
                    }
                    out.write(buffer, 0, n);
                }
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return new Written(size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store evidence in " + file.getParent(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteOnRollback(Path file) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // an orphan file holds no reference; nothing else to do
                    }
                }
            }
        });
    }

    /** The whole file (at most the largest allowed, checked before): an .xlsx or .ofd is known by its zip directory. */
    private static byte[] bytes(EvidenceUpload upload) {
        try (InputStream in = upload.content().getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(upload.size(), 0) + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Evidence map(ResultSet rs, int row) throws SQLException {
        return new Evidence(rs.getLong("id"), rs.getLong("measurement_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
