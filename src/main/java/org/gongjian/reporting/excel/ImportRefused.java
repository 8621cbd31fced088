package org.gongjian.reporting.excel;

import org.gongjian.shared.LocalizedException;

/** A whole file refused before any row is looked at: too big, not an .xlsx, corrupt, a zip bomb, too many rows. */
public class ImportRefused extends LocalizedException {

    public ImportRefused(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
