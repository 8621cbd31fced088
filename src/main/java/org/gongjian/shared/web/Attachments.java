package org.gongjian.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence files in and out of controllers: uploaded parts read into a module's own upload record (empty
 * parts a browser sends for an untouched file input left out), and a stored file sent back as an
 * attachment that the browser will not sniff into something else.
 */
public final class Attachments {

    private Attachments() {
    }

    /** Makes a module's upload record from a part's file name, content type and bytes. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(String fileName, String contentType, byte[] content);
    }

    public static <T> List<T> uploads(@Nullable List<MultipartFile> files, Reader<T> reader) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
                .map(f -> {
                    try {
                        return reader.read(f.getOriginalFilename() == null ? "" : f.getOriginalFilename(),
                                String.valueOf(f.getContentType()), f.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }

    /** The content type of an Excel workbook (.xlsx). */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A workbook (an export, a template, an import's error workbook) sent back as an attachment. */
    public static ResponseEntity<byte[]> xlsx(String fileName, byte[] content) {
        return download(fileName, XLSX, content);
    }

    public static ResponseEntity<byte[]> download(String fileName, String contentType, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(contentType))
                .body(content);
    }
}
