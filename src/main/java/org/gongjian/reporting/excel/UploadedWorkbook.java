package org.gongjian.reporting.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import org.springframework.core.io.InputStreamSource;

/**
 * An uploaded workbook handed to an import: the streaming reader needs a file, so the upload is copied to a
 * temporary one, which is removed when the import is done, whatever its outcome.
 */
public final class UploadedWorkbook {

    private UploadedWorkbook() {
    }

    public static <T> T asFile(InputStreamSource upload, Function<Path, T> importer) {
        Path temp = null;
        try {
            temp = Files.createTempFile("gongjian-import-", ".xlsx");
            try (InputStream in = upload.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            return importer.apply(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
