package org.gongjian.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.shared.FileKind;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files of returns: a PDF, PNG or JPEG, recognised by its first bytes (not its name), at most
 * the evidence size, stored under {@code <data-dir>/forms/yyyy/MM/} with a random name. Only a unit that
 * may fill the return uploads; whoever may see the return reads its files.
 */
@Service
@Transactional(readOnly = true)
public class FormFiles {

    /** A stored file. */
    public record StoredFile(long id, long returnId, String fileName, String contentType, long size, String sha256,
            Instant uploadedAt, String uploadedBy) {
    }

    private final JdbcClient jdbc;
    private final FormReturns returns;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final Path root;
    private final long maxBytes;

    FormFiles(JdbcClient jdbc, FormReturns returns, Accounts accounts, AuditLog audit, Clock clock,
            @Value("${gongjian.data-dir:./data}") Path dataDir,
            @Value("${gongjian.evidence.max-file-size:10MB}") DataSize maxFileSize) {
        this.jdbc = jdbc;
        this.returns = returns;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.root = dataDir.toAbsolutePath().normalize();
        this.maxBytes = maxFileSize.toBytes();
    }

    @Transactional
    public StoredFile upload(long returnId, String fileName, InputStream content) {
        FormReturn r = returns.get(returnId);
        if (!returns.mayFill(r)) {
            returns.save(returnId, r.values(), null); // refuses with the reason: not the unit's, or not editable
        }
        String name = clean(fileName);
        byte[] head;
        Path tmp = null;
        try {
            tmp = Files.createTempFile("gongjian-form-file", ".bin");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(content, sha)) {
                size = copyAtMost(in, tmp, maxBytes + 1);
            }
            if (size == 0) {
                throw new InvalidInputException("file", "forms.error.file-empty", name);
            }
            if (size > maxBytes) {
                throw new InvalidInputException("file", "forms.error.file-too-large", name, DataSize.ofBytes(maxBytes).toMegabytes());
            }
            try (InputStream in = Files.newInputStream(tmp)) {
                head = in.readNBytes(8);
            }
            FileKind kind = sniff(head).orElseThrow(() -> new InvalidInputException("file", "forms.error.file-type", name));
            LocalDate today = LocalDate.now(clock);
            String key = "forms/%d/%02d/%s.%s".formatted(today.getYear(), today.getMonthValue(), UUID.randomUUID(), kind.extension());
            Path target = root.resolve(key);
            Files.createDirectories(target.getParent());
            Files.move(tmp, target);
            tmp = null;
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            String hash = HexFormat.of().formatHex(sha.digest());
            jdbc.sql("""
                    insert into forms_file (return_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by,
                      uploaded_at) values (:r, :n, :t, :s, :h, :k, :by, :at)""")
                    .param("r", returnId).param("n", name).param("t", kind.contentType()).param("s", size).param("h", hash)
                    .param("k", key).param("by", accounts.current().username()).param("at", Timestamp.from(Instant.now(clock)))
                    .update(keys, "id");
            StoredFile file = find(keys.getKey().longValue()).orElseThrow();
            audit.created("forms-file", String.valueOf(file.id()), file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                tmp.toFile().delete();
            }
        }
    }

    /** A file, when its return is one the current user may see. */
    public StoredFile file(long id) {
        StoredFile f = find(id).orElseThrow(() -> new NotFoundException("forms.error.file-not-found", id));
        returns.get(f.returnId());
        return f;
    }

    /** The files uploaded to a return the current user may see. */
    public java.util.List<StoredFile> of(long returnId) {
        returns.get(returnId);
        return jdbc.sql("select id from forms_file where return_id = :r order by id").param("r", returnId)
                .query(Long.class).list().stream().map(id -> find(id).orElseThrow()).toList();
    }

    public byte[] content(StoredFile f) {
        String key = jdbc.sql("select storage_key from forms_file where id = :id").param("id", f.id()).query(String.class).single();
        try {
            return Files.readAllBytes(root.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<StoredFile> find(long id) {
        return jdbc.sql("""
                select id, return_id, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by
                from forms_file where id = :id""").param("id", id)
                .query((rs, n) -> new StoredFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .optional();
    }

    /** An evidence file of a return is a PDF, a PNG or a JPEG, as its first bytes show. */
    private static final java.util.Set<FileKind> ACCEPTED = java.util.EnumSet.of(FileKind.PDF, FileKind.PNG, FileKind.JPEG);

    static Optional<FileKind> sniff(byte[] head) {
        return FileKind.sniff(head).filter(ACCEPTED::contains);
    }

    private static long copyAtMost(InputStream in, Path to, long limit) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var out = Files.newOutputStream(to)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    return total;
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static String clean(String name) {
        String n = name == null ? "file" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}]", "");
        return n.isBlank() ? "file" : n.length() > 150 ? n.substring(n.length() - 150) : n;
    }
}
