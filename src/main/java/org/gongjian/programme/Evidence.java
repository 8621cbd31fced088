package org.gongjian.programme;

import java.time.Instant;

/** A file (佐证材料) that backs a measurement: a PDF, PNG or JPEG, checked by its content, kept under the data folder. */
public record Evidence(long id, long measurementId, String fileName, String contentType, long size, String sha256,
        String uploadedBy, Instant uploadedAt) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
