package org.gongjian.reporting.excel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import did: how many data rows it read and wrote, and, when it wrote nothing, every row's
 * problems and the id of the marked-up copy of the file to download.
 */
public record ImportResult(int rows, int written, List<RowError> errors, @Nullable String errorFileId) {

    public boolean ok() {
        return errors.isEmpty();
    }

    /** The problems of one row of one sheet, in the reader's language. */
    public record RowError(String sheet, int row, List<String> messages) {
    }
}
