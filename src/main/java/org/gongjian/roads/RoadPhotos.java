package org.gongjian.roads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.gongjian.shared.FileKind;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.UploadStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Photos of defects, patrols and public reports under {@code <data-dir>/roads/yyyy/MM/}, stored through the
 * application's one upload store: JPEG or PNG by their content, within the size limit, with their SHA-256, and
 * gone again when the transaction rolls back. This class keeps the rows and the per-request count.
 */
@Component
class RoadPhotos {

    enum Owner { ISSUE_BEFORE, ISSUE_AFTER, PATROL }

    record Photo(long id, Owner owner, long ownerId, String fileName, String contentType, long size, String sha256,
            String uploadedBy, Instant uploadedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UploadStore store;
    private final DataSize maxFileSize;
    private final int maxFiles;

    RoadPhotos(JdbcClient jdbc, Clock clock, UploadStore store,
            @Value("${gongjian.roads.photo.max-file-size:10MB}") DataSize maxFileSize,
            @Value("${gongjian.roads.photo.max-files:6}") int maxFiles) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.store = store;
        this.maxFileSize = maxFileSize;
        this.maxFiles = maxFiles;
    }

    int maxFiles() {
        return maxFiles;
    }

    private UploadStore.Rules rules(String field) {
        return UploadStore.Rules.of(field, maxFileSize, EnumSet.of(FileKind.JPEG, FileKind.PNG),
                "roads.error.photo-too-large", "roads.error.photo-type");
    }

    private static List<UploadStore.Upload> uploads(List<PhotoUpload> photos) {
        return photos.stream().map(p -> new UploadStore.Upload(p.fileName(), p.size(), p.content())).toList();
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
        v.addAll(store.check(rules(field), uploads(uploads)));
        return v;
    }

    /** Stores the photos and their rows in the caller's transaction: all of them, or (on any refusal) none. */
    List<Photo> store(Owner owner, long ownerId, String field, List<PhotoUpload> uploads, String by) {
        List<Violation> v = check(field, uploads, false);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        for (UploadStore.Upload u : uploads(uploads)) {
            UploadStore.Stored file = store.store("roads", rules(field), u);
            jdbc.sql("""
                    insert into roads_photo (owner_kind, owner_id, file_name, content_type, size_bytes, sha256, storage_key,
                        uploaded_by, uploaded_at)
                    values (:o, :id, :n, :t, :s, :sha, :k, :by, :at)""")
                    .param("o", owner.name()).param("id", ownerId).param("n", file.fileName())
                    .param("t", file.kind().contentType()).param("s", file.size()).param("sha", file.sha256())
                    .param("k", file.storageKey()).param("by", by).param("at", Timestamp.from(Instant.now(clock))).update();
        }
        return of(owner, ownerId);
    }

    List<Photo> of(Owner owner, long ownerId) {
        return jdbc.sql("select * from roads_photo where owner_kind = :o and owner_id = :id order by id")
                .param("o", owner.name()).param("id", ownerId).query(RoadPhotos::map).list();
    }

    Photo photo(long id) {
        return jdbc.sql("select * from roads_photo where id = :id").param("id", id).query(RoadPhotos::map)
                .optional().orElseThrow(() -> new NotFoundException("roads.error.photo-not-found", id));
    }

    Resource open(long id) {
        String key = jdbc.sql("select storage_key from roads_photo where id = :id").param("id", id).query(String.class).single();
        return store.open(key);
    }

    private static Photo map(ResultSet rs, int n) throws SQLException {
        return new Photo(rs.getLong("id"), Owner.valueOf(rs.getString("owner_kind")), rs.getLong("owner_id"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
