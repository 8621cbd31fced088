package org.gongjian.reporting.excel;

import java.util.List;
import org.gongjian.programme.BulkInitiatives;
import org.jspecify.annotations.Nullable;

/**
 * What an import did: how many data rows it read and wrote, and, when it wrote nothing, every row's
 * problems and the id of the marked-up copy of the file to download. An import of initiatives also says
 * how many it created, updated and left unchanged.
 */
public record ImportResult(int rows, int written, List<RowError> errors, @Nullable String errorFileId,
        BulkInitiatives.@Nullable Outcome changes, java.time.@Nullable Instant repeatOf) {

    static ImportResult written(int rows, int written, BulkInitiatives.@Nullable Outcome changes) {
        return new ImportResult(rows, written, List.of(), null, changes, null);
    }

    /**
     * This result answered again for the same file imported again (nothing written this time); {@code repeatOf}
     * is when the first import wrote it.
     */
    public ImportResult repeatOf(java.time.Instant firstImportedAt) {
        return new ImportResult(rows, written, errors, errorFileId, changes, firstImportedAt);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** The problems of one row of one sheet, in the reader's language. */
    public record RowError(String sheet, int row, List<String> messages) {
    }
}
