package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.util.unit.DataSize;

/** The one way an upload is stored: within its size, by its content, with its SHA-256, and gone on rollback. */
class UploadStoreTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @TempDir Path dataDir;
    UploadStore store;
    UploadStore.Rules photos = UploadStore.Rules.of("photos", DataSize.ofBytes(64), Set.of(FileKind.PNG, FileKind.JPEG),
            "too-large", "type");

    @BeforeEach
    void transaction() {
        store = new UploadStore(dataDir, Clock.fixed(Instant.parse("2026-03-05T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        TransactionSynchronizationManager.initSynchronization();
    }

    @AfterEach
    void end() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    static UploadStore.Upload upload(String name, long declared, byte[] content) {
        return new UploadStore.Upload(name, declared, new ByteArrayResource(content));
    }

    void complete(int status) {
        List<TransactionSynchronization> all = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(all, status);
    }

    List<Path> files() throws Exception {
        try (Stream<Path> walk = Files.walk(dataDir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void a_photo_is_stored_under_a_random_name_with_its_real_size_and_sha_256_and_stays_on_commit() throws Exception {
        UploadStore.Stored stored = store.store("roads", photos, upload("../../坑槽\u0007.png", 1, PNG));
        assertThat(stored.kind()).isEqualTo(FileKind.PNG);
        assertThat(stored.size()).isEqualTo(PNG.length);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)));
        assertThat(stored.fileName()).isEqualTo("坑槽.png");
        assertThat(stored.storageKey()).startsWith("roads/2026/03/").endsWith(".png");
        complete(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(Files.readAllBytes(dataDir.resolve(stored.storageKey()))).isEqualTo(PNG);
        assertThat(store.open(stored.storageKey()).contentLength()).isEqualTo(PNG.length);
    }

    @Test
    void a_file_the_application_made_is_kept_whatever_its_kind_with_its_sha_256_and_removed_on_rollback()
            throws Exception {
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 2, 3};
        UploadStore.Kept kept = store.keep("ecology/maps", "tif", new ByteArrayResource(tiff));
        assertThat(kept.storageKey()).startsWith("ecology/maps/2026/03/").endsWith(".tif");
        assertThat(kept.size()).isEqualTo(tiff.length);
        assertThat(kept.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tiff)));
        assertThat(Files.readAllBytes(dataDir.resolve(kept.storageKey()))).isEqualTo(tiff);
        assertThatThrownBy(() -> store.keep("ecology/maps", "../tif", new ByteArrayResource(tiff)))
                .isInstanceOf(IllegalArgumentException.class);
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(files()).isEmpty();
    }

    @Test
    void a_rollback_removes_the_files_already_written() throws Exception {
        UploadStore.Stored first = store.store("roads", photos, upload("a.png", PNG.length, PNG));
        store.store("roads", photos, upload("b.png", PNG.length, PNG));
        assertThat(files()).hasSize(2);
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(files()).isEmpty();
        assertThat(Files.exists(dataDir.resolve(first.storageKey()))).isFalse();
    }

    @Test
    void a_file_larger_than_its_limit_is_refused_whatever_size_it_declared_and_leaves_nothing() throws Exception {
        byte[] big = new byte[65];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThat(store.check(photos, upload("big.png", 10, big))).hasValueSatisfying(v -> {
            assertThat(v.messageKey()).isEqualTo("too-large");
            assertThat(v.field()).isEqualTo("photos");
        });
        assertThatThrownBy(() -> store.store("roads", photos, upload("big.png", 10, big)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("too-large"));
        assertThat(files()).as("no partial file").isEmpty();
    }

    @Test
    void a_page_named_like_a_photo_is_refused_by_its_content_and_leaves_nothing() throws Exception {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(store.check(photos, upload("photo.jpg", html.length, html))).hasValueSatisfying(
                v -> assertThat(v.messageKey()).isEqualTo("type"));
        assertThatThrownBy(() -> store.store("roads", photos, upload("photo.jpg", html.length, html)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(store.check(photos, upload("empty.png", 0, new byte[0]))).isPresent();
        assertThat(files()).isEmpty();
    }

    @Test
    void a_kind_the_caller_does_not_accept_is_refused_even_when_it_is_a_known_kind() {
        byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(store.check(photos, upload("scan.pdf", pdf.length, pdf))).isPresent();
        assertThat(store.check(photos, upload("ok.png", PNG.length, PNG))).isEmpty();
    }

    @Test
    void nothing_is_stored_outside_a_transaction_nor_outside_the_data_folder() {
        TransactionSynchronizationManager.clearSynchronization();
        assertThatThrownBy(() -> store.store("roads", photos, upload("a.png", PNG.length, PNG)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalStateException.class);
    }
}
