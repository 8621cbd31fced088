package org.gongjian.shared;

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
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gongjian.shared.InvalidInputException.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Stores an uploaded file under {@code <data-dir>/<folder>/yyyy/MM/<random>.<ext>}: refused when what is read
 * passes the size limit (whatever size was declared), refused unless its content is one of the accepted
 * {@link FileKind}s (never by its name or declared type), hashed with SHA-256 while it is written, moved into
 * place only when whole, and removed again when the transaction that records it rolls back, so that nothing is
 * ever half-stored. The caller keeps its own row of the file (owner, name, size, hash, storage key).
 */
@Component
public class UploadStore {

    /** A file as uploaded: its name as given, its declared size, and its content. */
    public record Upload(String fileName, long declaredSize, InputStreamSource content) {
    }

    /**
     * What a caller accepts: the form field its messages name, the size limit, the kinds, and the message keys for a
     * file too large (arguments: name, limit in MB) and for one of another kind (argument: name).
     */
    public record Rules(String field, long maxBytes, Set<FileKind> kinds, String tooLargeKey, String typeKey) {

        public static Rules of(String field, DataSize max, Set<FileKind> kinds, String tooLargeKey, String typeKey) {
            return new Rules(field, max.toBytes(), Set.copyOf(kinds), tooLargeKey, typeKey);
        }

        long maxMegabytes() {
            return Math.max(1, DataSize.ofBytes(maxBytes).toMegabytes());
        }
    }

    /** A file written: where it lies (relative to the data folder), its cleaned name, kind, real size and SHA-256. */
    public record Stored(String storageKey, String fileName, FileKind kind, long size, String sha256) {
    }

    private final Path root;
    private final Clock clock;

    public UploadStore(@Value("${gongjian.data-dir:./data}") Path dataDir, Clock clock) {
        this.root = dataDir.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** Why a file cannot be taken, found before anything is written: too large, or not of an accepted kind. */
    public Optional<Violation> check(Rules rules, Upload upload) {
        String name = cleanName(upload.fileName(), "file");
        if (upload.declaredSize() > rules.maxBytes()) {
            return Optional.of(new Violation(rules.field(), rules.tooLargeKey(), name, rules.maxMegabytes()));
        }
        byte[] content;
        try (InputStream in = upload.content().getInputStream()) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, rules.maxBytes() + 1));
        } catch (IOException e) {
            return Optional.of(new Violation(rules.field(), rules.typeKey(), name));
        }
        if (content.length > rules.maxBytes()) {
            return Optional.of(new Violation(rules.field(), rules.tooLargeKey(), name, rules.maxMegabytes()));
        }
        return kind(rules, content).isPresent() ? Optional.empty()
                : Optional.of(new Violation(rules.field(), rules.typeKey(), name));
    }

    /**
     * Writes one file in the caller's transaction (which must be active, so that a rollback removes the file): the
     * content is read once, counted against the limit, hashed and checked; on any refusal nothing stays on disk.
     */
    public Stored store(String folder, Rules rules, Upload upload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("an upload is stored inside a transaction, so that a rollback removes it");
        }
        if (!folder.matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
            throw new IllegalArgumentException("folder: " + folder);
        }
        String name = cleanName(upload.fileName(), "file");
        Path dir = folder(folder);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, ".upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = copy(upload.content(), temp, sha, rules.maxBytes(),
                    () -> new InvalidInputException(rules.field(), rules.tooLargeKey(), name, rules.maxMegabytes()));
            FileKind kind = kind(rules, Files.readAllBytes(temp))
                    .orElseThrow(() -> new InvalidInputException(rules.field(), rules.typeKey(), name));
            String key = moveIntoPlace(dir, temp, kind.extension());
            temp = null;
            return new Stored(key, name, kind, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store an upload in " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the partial file is a stray under a dot name; the refusal stands
                }
            }
        }
    }

    /** A file the application made itself: where it lies (relative to the data folder), its size and SHA-256. */
    public record Kept(String storageKey, long size, String sha256) {
    }

    /**
     * Keeps a file the application made itself (a computed map, a rendered report), not a person's upload, so without
     * the upload's size limit and kind check: like {@link #store}, inside the caller's transaction, hashed while it is
     * copied, moved into place whole and removed again when the transaction rolls back.
     *
     * @param extension the stored file's extension, without the dot (lower-case letters and digits)
     */
    public Kept keep(String folder, String extension, InputStreamSource content) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a file is kept inside a transaction, so that a rollback removes it");
        }
        if (!folder.matches("[a-z0-9-]+(/[a-z0-9-]+)*") || !extension.matches("[a-z0-9]{1,8}")) {
            throw new IllegalArgumentException("folder or extension: " + folder + ", " + extension);
        }
        Path dir = folder(folder);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, ".kept-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = copy(content, temp, sha, Long.MAX_VALUE, IllegalStateException::new);
            String key = moveIntoPlace(dir, temp, extension);
            temp = null;
            return new Kept(key, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a file in " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the partial file is a stray under a dot name; the failure stands
                }
            }
        }
    }

    private Path folder(String folder) {
        LocalDate today = LocalDate.now(clock);
        return root.resolve("%s/%d/%02d".formatted(folder, today.getYear(), today.getMonthValue()));
    }

    /** Copies the content to {@code temp}, hashing it, and throws {@code tooLarge} as soon as it passes {@code max}. */
    private static long copy(InputStreamSource content, Path temp, MessageDigest sha, long max,
            java.util.function.Supplier<? extends RuntimeException> tooLarge) throws IOException {
        long size = 0;
        try (InputStream in = new DigestInputStream(content.getInputStream(), sha);
                OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > max) {
                    throw tooLarge.get();
                }
                out.write(buffer, 0, n);
            }
        }
        return size;
    }

    /** Moves a whole temporary file to a new random name in its folder, to be removed again on rollback; its key. */
    private String moveIntoPlace(Path dir, Path temp, String extension) throws IOException {
        String key = root.relativize(dir).toString().replace('\\', '/') + "/" + UUID.randomUUID() + "." + extension;
        Path file = root.resolve(key);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        deleteOnRollback(file);
        return key;
    }

    /** A stored file by its key; a key that leads out of the data folder is refused. */
    public Resource open(String storageKey) {
        Path file = root.resolve(storageKey).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalStateException("a stored file outside the data folder: " + storageKey);
        }
        return new FileSystemResource(file);
    }

    /** The name as shown: no folders, no control characters or quotes, at most 255 characters. */
    public static String cleanName(String fileName, String fallback) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = fallback;
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static Optional<FileKind> kind(Rules rules, byte[] content) {
        return FileKind.sniff(content).filter(rules.kinds()::contains);
    }

    private static void deleteOnRollback(Path file) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // a stray file without a row is harmless and never served
                    }
                }
            }
        });
    }

    /** For callers that list several files: every file's reason, in order. */
    public List<Violation> check(Rules rules, List<Upload> uploads) {
        return uploads.stream().map(u -> check(rules, u)).flatMap(Optional::stream).toList();
    }
}
