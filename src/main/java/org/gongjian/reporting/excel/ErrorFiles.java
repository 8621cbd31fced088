package org.gongjian.reporting.excel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gongjian.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the marked-up copies of refused imports for a day under the data directory, each readable only by
 * the user who uploaded the file.
 */
@Component
public class ErrorFiles {

    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    private static final Duration KEEP = Duration.ofDays(1);

    private final Path dir;
    private final Clock clock;

    ErrorFiles(@Value("${gongjian.data-dir}") String dataDir, Clock clock) {
        this.dir = Path.of(dataDir, "import-errors");
        this.clock = clock;
    }

    public String store(byte[] xlsx, String owner) {
        try {
            Files.createDirectories(dir);
            purgeOld();
            String id = UUID.randomUUID().toString();
            Files.write(dir.resolve(id + ".owner"), owner.getBytes(StandardCharsets.UTF_8));
            Files.write(dir.resolve(id + ".xlsx"), xlsx);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] load(String id, String owner) {
        Path owned = dir.resolve(id + ".owner");
        try {
            if (!ID.matcher(id).matches() || !Files.exists(owned)
                    || !Files.readString(owned, StandardCharsets.UTF_8).equals(owner)) {
                throw new NotFoundException("error.import.error-file-gone", id);
            }
            return Files.readAllBytes(dir.resolve(id + ".xlsx"));
        } catch (IOException e) {
            throw new NotFoundException("error.import.error-file-gone", id);
        }
    }

    private void purgeOld() throws IOException {
        Instant cutoff = Instant.now(clock).minus(KEEP);
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant().isBefore(cutoff);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(f -> f.toFile().delete());
        }
    }
}
