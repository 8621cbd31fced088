package org.gongjian.programme;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of evidence accepted, told apart by their first bytes (a file's name or declared type is
 * not trusted): PDF, PNG and JPEG.
 */
enum EvidenceKind {
    PDF("application/pdf", "pdf", Set.of("pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", "png", Set.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", "jpg", Set.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    static final int SNIFF_BYTES = 8;

    private final String contentType;
    private final String extension;
    private final Set<String> extensions;
    private final byte[] magic;

    EvidenceKind(String contentType, String extension, Set<String> extensions, byte[] magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.extensions = extensions;
        this.magic = magic;
    }

    String contentType() { return contentType; }

    String extension() { return extension; }

    /** The kind the first bytes of a file show, if it is one we accept. */
    static Optional<EvidenceKind> sniff(byte[] head) {
        return Arrays.stream(values()).filter(k -> startsWith(head, k.magic)).findFirst();
    }

    /** Whether a file name's extension fits this kind (a PDF named .pdf, a JPEG named .jpg or .jpeg). */
    boolean fitsName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
