package org.gongjian.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EvidenceKindTests {

    @Test
    void a_file_is_known_by_its_first_bytes_not_by_its_name() {
        assertThat(EvidenceKind.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(EvidenceKind.PDF);
        assertThat(EvidenceKind.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})).contains(EvidenceKind.PNG);
        assertThat(EvidenceKind.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(EvidenceKind.JPEG);
        assertThat(EvidenceKind.sniff("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(EvidenceKind.sniff("MZ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(EvidenceKind.sniff(new byte[0])).isEmpty();
    }

    @Test
    void a_name_must_fit_the_content() {
        assertThat(EvidenceKind.JPEG.fitsName("现场照片.JPG")).isTrue();
        assertThat(EvidenceKind.JPEG.fitsName("现场照片.jpeg")).isTrue();
        assertThat(EvidenceKind.PDF.fitsName("验收单.png")).isFalse();
        assertThat(EvidenceKind.PDF.fitsName("验收单")).isFalse();
    }

    @Test
    void a_shown_name_keeps_no_folders_or_control_characters() {
        assertThat(EvidenceStore.cleanName("C:\\Users\\镇\\..\\验收单.pdf")).isEqualTo("验收单.pdf");
        assertThat(EvidenceStore.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(EvidenceStore.cleanName("a\"b\n.pdf")).isEqualTo("ab.pdf");
        assertThat(EvidenceStore.cleanName("")).isEqualTo("evidence");
    }
}
