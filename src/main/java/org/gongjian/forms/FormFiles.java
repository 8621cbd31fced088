package org.gongjian.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.shared.FileKind;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.UploadStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files of returns: a PDF, PNG or JPEG, recognised by its content (not its name), at most
 * the evidence size, stored by {@link UploadStore} under {@code <data-dir>/forms/yyyy/MM/} with a random name
 * (removed again when the return's transaction rolls back). Only a unit that
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
    private final UploadStore uploads;
    private final UploadStore.Rules rules;

    FormFiles(JdbcClient jdbc, FormReturns returns, Accounts accounts, AuditLog audit, Clock clock, UploadStore uploads,
            @Value("${gongjian.evidence.max-file-size:10MB}") DataSize maxFileSize) {
        this.jdbc = jdbc;
        this.returns = returns;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.uploads = uploads;
        this.rules = rules(maxFileSize);
    }

    @Transactional
    public StoredFile upload(long returnId, String fileName, InputStream content) {
        FormReturn r = returns.get(returnId);
        if (!returns.mayFill(r)) {
            returns.save(returnId, r.values(), null); // refuses with the reason: not the unit's, or not editable
        }
        UploadStore.Stored stored = uploads.store("forms", rules,
                new UploadStore.Upload(fileName, -1, () -> content));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into forms_file (return_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by,
                  uploaded_at) values (:r, :n, :t, :s, :h, :k, :by, :at)""")
                .param("r", returnId).param("n", stored.fileName()).param("t", stored.kind().contentType())
                .param("s", stored.size()).param("h", stored.sha256()).param("k", stored.storageKey())
                .param("by", accounts.current().username()).param("at", Timestamp.from(Instant.now(clock)))
                .update(keys, "id");
        StoredFile file = find(keys.getKey().longValue()).orElseThrow();
        audit.created("forms-file", String.valueOf(file.id()), file);
        return file;
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
        try (InputStream in = uploads.open(key).getInputStream()) {
            return in.readAllBytes();
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

    /** An evidence file of a return is a PDF, a PNG or a JPEG, as its content shows, at most the evidence size. */
    private static UploadStore.Rules rules(DataSize maxFileSize) {
        return UploadStore.Rules.of("file", maxFileSize, java.util.EnumSet.of(FileKind.PDF, FileKind.PNG, FileKind.JPEG),
                "forms.error.file-too-large", "forms.error.file-type");
    }
}
