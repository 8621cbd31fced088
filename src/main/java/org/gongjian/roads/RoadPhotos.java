package org.gongjian.roads;

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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongjian.shared.FileKind;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Photos of defects, patrols and public reports under {@code <data-dir>/roads/yyyy/MM/}, stored as
 * evidence files are: checked by their first bytes (JPEG or PNG, whatever the name says) and real size,
 * written under a random name, and removed again when the transaction rolls back.
 */
@Component
class RoadPhotos {

    enum Owner { ISSUE_BEFORE, ISSUE_AFTER, PATROL }

    record Photo(long id, Owner owner, long ownerId, String fileName, String contentType, long size, String sha256,
            String uploadedBy, Instant uploadedAt) {
    }

    /** A photo is a PNG or a JPEG, as its first bytes show (the one content check of the application). */
    private static final java.util.Set<FileKind> PHOTO = java.util.EnumSet.of(FileKind.PNG, FileKind.JPEG);

    private static Optional<FileKind> sniff(byte[] head) {
        return FileKind.sniff(head).filter(PHOTO::contains);
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path root;
    private final long maxFileSize;
    private final int maxFiles;

    RoadPhotos(JdbcClient jdbc, Clock clock, @Value("${gongjian.data-dir:./data}") Path dataDir,
            @Value("${gongjian.roads.photo.max-file-size:10MB}") DataSize maxFileSize,
            @Value("${gongjian.roads.photo.max-files:6}") int maxFiles) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.root = dataDir.toAbsolutePath().normalize();
        this.maxFileSize = maxFileSize.toBytes();
        this.maxFiles = maxFiles;
    }

    /** Every reason the photos cannot be taken; {@code required} when at least one is needed. */
    List<Violation> check(String field, List<PhotoUpload> uploads, boolean required) {
        List<Violation> v = new ArrayList<>();
        if (required && uploads.isEmpty()) {
            v.add(new Violation(field, "roads.error.photo-required"));
        }
        if (uploads.size() > maxFiles) {
            v.add(new Violation(field, "roads.error.photo-too-many", maxFiles));
        }
        for (PhotoUpload u : uploads) {
            if (u.size() > maxFileSize) {
                v.add(new Violation(field, "roads.error.photo-too-large", u.fileName(), DataSize.ofBytes(maxFileSize).toMegabytes()));
            } else if (sniff(head(u)).isEmpty()) {
                v.add(new Violation(field, "roads.error.photo-type", u.fileName()));
            }
        }
        return v;
    }

    List<Photo> store(Owner owner, long ownerId, List<PhotoUpload> uploads, String by) {
        List<Violation> v = check("photos", uploads, false);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        List<Photo> stored = new ArrayList<>();
        for (PhotoUpload u : uploads) {
            FileKind kind = sniff(head(u)).orElseThrow();
            LocalDate today = LocalDate.now(clock);
            String key = "roads/%d/%02d/%s.%s".formatted(today.getYear(), today.getMonthValue(), UUID.randomUUID(), kind.extension());
            Path file = root.resolve(key);
            String[] written = write(u, file);
            deleteOnRollback(file);
            jdbc.sql("""
                    insert into roads_photo (owner_kind, owner_id, file_name, content_type, size_bytes, sha256, storage_key,
                        uploaded_by, uploaded_at)
                    values (:o, :id, :n, :t, :s, :sha, :k, :by, :at)""")
                    .param("o", owner.name()).param("id", ownerId).param("n", cleanName(u.fileName()))
                    .param("t", kind.contentType()).param("s", Long.parseLong(written[0])).param("sha", written[1])
                    .param("k", key).param("by", by).param("at", Timestamp.from(Instant.now(clock))).update();
        }
        stored.addAll(of(owner, ownerId));
        return stored;
    }

    List<Photo> of(Owner owner, long ownerId) {
        return jdbc.sql("select * from roads_photo where owner_kind = :o and owner_id = :id order by id")
                .param("o", owner.name()).param("id", ownerId).query((rs, n) -> new Photo(rs.getLong("id"),
                        Owner.valueOf(rs.getString("owner_kind")), rs.getLong("owner_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    Photo photo(long id) {
        return jdbc.sql("select * from roads_photo where id = :id").param("id", id).query((rs, n) -> new Photo(rs.getLong("id"),
                        Owner.valueOf(rs.getString("owner_kind")), rs.getLong("owner_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("roads.error.photo-not-found", id));
    }

    Resource open(long id) {
        String key = jdbc.sql("select storage_key from roads_photo where id = :id").param("id", id).query(String.class).single();
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalStateException("photo outside the data folder: " + key);
        }
        return new FileSystemResource(file);
    }

    private static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "photo";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static byte[] head(PhotoUpload u) {
        try (InputStream in = u.content().getInputStream()) {
            return in.readNBytes(8);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private String[] write(PhotoUpload u, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = new DigestInputStream(u.content().getInputStream(), sha);
                    OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    size += n;
                    if (size > maxFileSize) {
                        throw new InvalidInputException("photos", "roads.error.photo-too-large", cleanName(u.fileName()),
                                DataSize.ofBytes(maxFileSize).toMegabytes());
                    }
                    out.write(buffer, 0, n);
                }
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return new String[] {String.valueOf(size), HexFormat.of().formatHex(sha.digest())};
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store photo in " + file.getParent(), e);
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
                        // a stray file is harmless
                    }
                }
            }
        });
    }
}
