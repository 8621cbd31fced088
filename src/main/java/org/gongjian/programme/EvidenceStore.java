package org.gongjian.programme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongjian.shared.FileKind;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.UploadStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files under {@code <data-dir>/evidence/yyyy/MM/}, one row each in {@code programme_evidence}.
 * A file is checked by its content and its real size (not its name or declared size), and besides the
 * checks of {@link UploadStore} (which writes it under a random name and removes it again when the
 * transaction that stored its row rolls back) its name must fit its kind and there is a number limit.
 */
@Component
class EvidenceStore {

    private static final String SELECT = """
            select id, measurement_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
              from programme_evidence""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UploadStore files;
    private final UploadStore.Rules rules;
    private final long maxFileSize;
    private final int maxFiles;

    EvidenceStore(JdbcClient jdbc, Clock clock, UploadStore files,
            @Value("${gongjian.evidence.max-file-size:10MB}") DataSize maxFileSize,
            @Value("${gongjian.evidence.max-files:5}") int maxFiles) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.files = files;
        this.rules = UploadStore.Rules.of("evidence", maxFileSize, java.util.EnumSet.allOf(FileKind.class),
                "error.evidence.too-large", "error.evidence.type");
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
            UploadStore.Stored file = files.store("evidence", rules,
                    new UploadStore.Upload(upload.fileName(), upload.size(), upload.content()));
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into programme_evidence
                      (measurement_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
                    values (:measurement, :name, :type, :size, :sha, :key, :by, :at)""")
                    .param("measurement", measurementId).param("name", cleanName(upload.fileName()))
                    .param("type", file.kind().contentType()).param("size", file.size()).param("sha", file.sha256())
                    .param("key", file.storageKey()).param("by", uploader).param("at", Timestamp.from(Instant.now(clock)))
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
        return files.open(jdbc.sql("select storage_key from programme_evidence where id = :id").param("id", id)
                .query(String.class).single());
    }

    /** The name as shown: no folders, no control characters, at most 255 characters. */
    static String cleanName(String fileName) {
        return UploadStore.cleanName(fileName, "evidence");
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
