package org.gongjian.reporting.web;

import java.nio.charset.StandardCharsets;
import org.gongjian.reporting.render.Format;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Responses that download a file under its Chinese name (RFC 6266 filename*), never cached. */
final class Downloads {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    static ResponseEntity<byte[]> of(String baseName, Format format, byte[] body) {
        ContentDisposition disposition = (format == Format.HTML ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(baseName + "." + format.extension(), StandardCharsets.UTF_8).build();
        return file(disposition, format.mediaType(), body);
    }

    static ResponseEntity<byte[]> xlsx(String baseName, byte[] body) {
        return file(ContentDisposition.attachment().filename(baseName + ".xlsx", StandardCharsets.UTF_8).build(), XLSX, body);
    }

    private static ResponseEntity<byte[]> file(ContentDisposition disposition, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(type)
                .body(body);
    }
}
