package org.gongjian.reporting.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.gongjian.reporting.excel.AccountImport;
import org.gongjian.reporting.excel.ImportRefused;
import org.gongjian.reporting.excel.ImportResult;
import org.gongjian.reporting.excel.InitiativeImport;
import org.gongjian.reporting.excel.MeasurementImport;
import org.gongjian.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Runs an import of an uploaded file, for the pages and the API alike: the upload is copied to a temporary
 * file for the streaming reader and removed afterwards.
 */
@Component
class Uploads {

    static final String MEASUREMENTS = "measurements";
    static final String INITIATIVES = "initiatives";

    private final MeasurementImport measurements;
    private final InitiativeImport initiatives;
    private final AccountImport accounts;

    Uploads(MeasurementImport measurements, InitiativeImport initiatives, AccountImport accounts) {
        this.measurements = measurements;
        this.initiatives = initiatives;
        this.accounts = accounts;
    }

    /** Imports accounts (the office): all rows or none, with the other imports' limits. */
    ImportResult accounts(MultipartFile file) {
        if (file.isEmpty()) {
            throw new ImportRefused("error.import.empty");
        }
        Path path = null;
        try {
            path = Files.createTempFile("gongjian-import", ".xlsx");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
            }
            return accounts.run(path, name(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (path != null) {
                path.toFile().delete();
            }
        }
    }

    byte[] accountsTemplate() {
        return accounts.template();
    }

    /** Imports measurements, or initiatives with their targets, into a programme: all rows or none. */
    ImportResult run(String programmeCode, String kind, MultipartFile file) {
        if (!MEASUREMENTS.equals(kind) && !INITIATIVES.equals(kind)) {
            throw new InvalidInputException("kind", "error.import.kind", kind);
        }
        if (file.isEmpty()) {
            throw new ImportRefused("error.import.empty");
        }
        String name = name(file);
        Path path = null;
        try {
            path = Files.createTempFile("gongjian-import", ".xlsx");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
            }
            return MEASUREMENTS.equals(kind) ? measurements.run(programmeCode, path, name)
                    : initiatives.run(programmeCode, path, name);
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
