package org.gongjian.reporting.excel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of an Excel import: the file's size, its data rows over all sheets, and the largest part the
 * archive may inflate to (a zip bomb is refused before it is inflated).
 */
@org.springframework.modulith.NamedInterface("xlsx")
@ConfigurationProperties("gongjian.import")
public record ImportSettings(Long maxBytes, Integer maxRows, Long maxEntryBytes) {

    public ImportSettings {
        maxBytes = maxBytes == null ? 20L * 1024 * 1024 : maxBytes;
        maxRows = maxRows == null ? 200_000 : maxRows;
        maxEntryBytes = maxEntryBytes == null ? 512L * 1024 * 1024 : maxEntryBytes;
    }

    public XlsxReader.Limits limits() {
        return new XlsxReader.Limits(maxBytes, maxRows, maxEntryBytes);
    }
}
