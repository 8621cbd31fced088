package org.gongjian.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The kinds of evidence file every upload accepts (a figure's evidence, a notice's answer, an appeal), told
 * apart by their content, never by their name or declared type: PDF, PNG, JPEG and GIF by their first bytes;
 * Word and Excel (.docx, .xlsx) as a zip whose directory holds the document part, and the older .doc and .xls
 * as an OLE2 file holding a Word document or a workbook; OFD (GB/T 33190) as a zip with {@code OFD.xml} at its
 * root. An HTML page sent as {@code application/pdf} is none of them. The zip is read by its central directory
 * only, nothing is inflated.
 */
public enum FileKind {
    PDF("application/pdf", "pdf", Set.of("pdf")),
    PNG("image/png", "png", Set.of("png")),
    JPEG("image/jpeg", "jpg", Set.of("jpg", "jpeg")),
    GIF("image/gif", "gif", Set.of("gif")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", Set.of("docx")),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", Set.of("xlsx")),
    DOC("application/msword", "doc", Set.of("doc", "wps")),
    XLS("application/vnd.ms-excel", "xls", Set.of("xls", "et")),
    OFD("application/ofd", "ofd", Set.of("ofd"));

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** The names the file kinds are listed by in messages (PDF、OFD、JPG、PNG、GIF、Word、Excel). */
    public static final String NAMES = "PDF、OFD、JPG、PNG、GIF、Word、Excel";

    private final String contentType;
    private final String extension;
    private final Set<String> extensions;

    FileKind(String contentType, String extension, Set<String> extensions) {
        this.contentType = contentType;
        this.extension = extension;
        this.extensions = extensions;
    }

    public String contentType() { return contentType; }

    /** The usual extension, without the dot. */
    public String extension() { return extension; }

    /** Whether a file name's extension fits this kind (a PDF named .pdf, a JPEG named .jpg or .jpeg). */
    public boolean fitsName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The kind the content shows, if it is one accepted. */
    public static Optional<FileKind> sniff(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, GIF87) || startsWith(content, GIF89)) {
            return Optional.of(GIF);
        }
        if (startsWith(content, ZIP_MAGIC)) {
            Set<String> names = zipEntryNames(content);
            if (names.contains("[Content_Types].xml") && names.contains("word/document.xml")) {
                return Optional.of(DOCX);
            }
            if (names.contains("[Content_Types].xml") && names.contains("xl/workbook.xml")) {
                return Optional.of(XLSX);
            }
            if (names.contains("OFD.xml")) {
                return Optional.of(OFD);
            }
            return Optional.empty();
        }
        if (startsWith(content, OLE2_MAGIC)) {
            return ole2(content);
        }
        return Optional.empty();
    }

    private static Optional<FileKind> ole2(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("WordDocument")) {
                return Optional.of(DOC);
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return Optional.of(XLS);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // a damaged or crafted compound file
        }
    }

    /**
     * The entry names of a zip read from its central directory (end of central directory record, then the file
     * headers); empty when there is none or it does not fit in the content. At most 10,000 names are read.
     */
    static Set<String> zipEntryNames(byte[] zip) {
        Set<String> names = new HashSet<>();
        int eocd = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
            if (int32(zip, i) == 0x06054b50) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return names;
        }
        int entries = int16(zip, eocd + 10);
        long offset = int32(zip, eocd + 16) & 0xFFFFFFFFL;
        int at = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int n = 0; n < Math.min(entries, 10_000); n++) {
            if (at < 0 || at + 46 > zip.length || int32(zip, at) != 0x02014b50) {
                break;
            }
            int nameLength = int16(zip, at + 28);
            int extraLength = int16(zip, at + 30);
            int commentLength = int16(zip, at + 32);
            if (at + 46 + nameLength > zip.length) {
                break;
            }
            names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
