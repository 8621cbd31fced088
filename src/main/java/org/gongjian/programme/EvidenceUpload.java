package org.gongjian.programme;

import org.springframework.core.io.InputStreamSource;

/** A file a user attaches to a report, as received: its name, its declared size and its bytes. */
public record EvidenceUpload(String fileName, long size, InputStreamSource content) {
}
