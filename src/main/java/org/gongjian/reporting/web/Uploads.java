package org.gongjian.reporting.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import org.gongjian.reporting.excel.ImportRefused;
import org.springframework.web.multipart.MultipartFile;

/** An uploaded file copied to a temporary file for the streaming reader, and removed afterwards. */
final class Uploads {

    private Uploads() {
    }

    static <T> T withTempFile(MultipartFile file, Function<Path, T> work) {
        if (file.isEmpty()) {
            throw new ImportRefused("error.import.empty");
        }
        Path path = null;
        try {
            path = Files.createTempFile("gongjian-import", ".xlsx");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
            }
            return work.apply(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (path != null) {
                path.toFile().delete();
            }
        }
    }

    /** The file's own name without any path, for the audit trail and the data's source reference. */
    static String name(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "upload.xlsx" : file.getOriginalFilename();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() > 150 ? name.substring(name.length() - 150) : name;
    }
}
